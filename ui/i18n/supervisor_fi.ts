<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fi_FI" sourcelanguage="en_GB">
<context>
    <name>DashboardWindow</name>
    <message>
        <location filename="../supervisor/window.py" line="19" />
        <source>Share of calls with a frustrated customer</source>
        <translation>Osuus puheluista, joissa asiakas turhautui</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="20" />
        <source>De-escalations per frustrated call</source>
        <translation>Rauhoittumiset turhautunutta puhelua kohden</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="21" />
        <source>Breathers taken</source>
        <translation>Pidetyt hengitystauot</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="85" />
        <source>Lugn – team overview</source>
        <translation>Lugn – tiimien yleiskatsaus</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="91" />
        <source>Connecting…</source>
        <translation>Yhdistetään…</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="94" />
        <source>Team figures only: no agent can be seen on their own. Buckets with fewer than k agents are hidden.</source>
        <translation>Vain tiimien luvut: yksittäistä agenttia ei voi erottaa. Jaksot, joissa on alle k agenttia, piilotetaan.</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="120" />
        <source>Connected: live team summaries</source>
        <translation>Yhdistetty: tiimien ajantasaiset yhteenvedot</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="123" />
        <source>Not connected: reconnecting…</source>
        <translation>Ei yhteyttä: yhdistetään uudelleen…</translation>
    </message>
</context><context>
    <name>TeamTile</name>
    <message>
        <location filename="../supervisor/window.py" line="52" />
        <source>Bucket %1–%2</source>
        <translation>Jakso %1–%2</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="56" />
        <source>Fewer than %1 agents contributed: no figures shown</source>
        <translation>Alle %1 agenttia osallistui: lukuja ei näytetä</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="65" />
        <source>%1 agents</source>
        <translation>%1 agenttia</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="68" />
        <source>Calls</source>
        <translation>Puhelut</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="69" />
        <source>Frustrated customer</source>
        <translation>Turhautunut asiakas</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="70" />
        <source>De-escalations</source>
        <translation>Rauhoittumiset</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="71" />
        <source>Breathers taken</source>
        <translation>Pidetyt hengitystauot</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="72" />
        <source>Tips shown</source>
        <translation>Näytetyt vinkit</translation>
    </message>
</context></TS>
