<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb_NO" sourcelanguage="en_GB">
<context>
    <name>DashboardWindow</name>
    <message>
        <location filename="../supervisor/window.py" line="19" />
        <source>Share of calls with a frustrated customer</source>
        <translation>Andel samtaler med frustrert kunde</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="20" />
        <source>De-escalations per frustrated call</source>
        <translation>Nedtrappinger per frustrert samtale</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="21" />
        <source>Breathers taken</source>
        <translation>Pustepauser tatt</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="85" />
        <source>Lugn – team overview</source>
        <translation>Lugn – teamoversikt</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="91" />
        <source>Connecting…</source>
        <translation>Kobler til…</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="94" />
        <source>Team figures only: no agent can be seen on their own. Buckets with fewer than k agents are hidden.</source>
        <translation>Kun teamtall: ingen enkeltagent kan skilles ut. Intervaller med færre enn k agenter skjules.</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="120" />
        <source>Connected: live team summaries</source>
        <translation>Tilkoblet: oppdaterte teamsammendrag</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="123" />
        <source>Not connected: reconnecting…</source>
        <translation>Ikke tilkoblet: kobler til på nytt…</translation>
    </message>
</context><context>
    <name>TeamTile</name>
    <message>
        <location filename="../supervisor/window.py" line="52" />
        <source>Bucket %1–%2</source>
        <translation>Intervall %1–%2</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="56" />
        <source>Fewer than %1 agents contributed: no figures shown</source>
        <translation>Færre enn %1 agenter bidro: ingen tall vises</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="65" />
        <source>%1 agents</source>
        <translation>%1 agenter</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="68" />
        <source>Calls</source>
        <translation>Samtaler</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="69" />
        <source>Frustrated customer</source>
        <translation>Frustrert kunde</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="70" />
        <source>De-escalations</source>
        <translation>Nedtrappinger</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="71" />
        <source>Breathers taken</source>
        <translation>Pustepauser tatt</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="72" />
        <source>Tips shown</source>
        <translation>Tips vist</translation>
    </message>
</context></TS>
