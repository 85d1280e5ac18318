<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE" sourcelanguage="en_GB">
<context>
    <name>DashboardWindow</name>
    <message>
        <location filename="../supervisor/window.py" line="19" />
        <source>Share of calls with a frustrated customer</source>
        <translation>Andel samtal med frustrerad kund</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="20" />
        <source>De-escalations per frustrated call</source>
        <translation>Nedtrappningar per frustrerat samtal</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="21" />
        <source>Breathers taken</source>
        <translation>Andningspauser tagna</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="85" />
        <source>Lugn – team overview</source>
        <translation>Lugn – teamöversikt</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="91" />
        <source>Connecting…</source>
        <translation>Ansluter…</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="94" />
        <source>Team figures only: no agent can be seen on their own. Buckets with fewer than k agents are hidden.</source>
        <translation>Endast teamsiffror: ingen enskild agent kan urskiljas. Intervall med färre än k agenter döljs.</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="120" />
        <source>Connected: live team summaries</source>
        <translation>Ansluten: aktuella teamsammanfattningar</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="123" />
        <source>Not connected: reconnecting…</source>
        <translation>Inte ansluten: återansluter…</translation>
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
        <translation>Färre än %1 agenter bidrog: inga siffror visas</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="65" />
        <source>%1 agents</source>
        <translation>%1 agenter</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="68" />
        <source>Calls</source>
        <translation>Samtal</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="69" />
        <source>Frustrated customer</source>
        <translation>Frustrerad kund</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="70" />
        <source>De-escalations</source>
        <translation>Nedtrappningar</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="71" />
        <source>Breathers taken</source>
        <translation>Andningspauser tagna</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="72" />
        <source>Tips shown</source>
        <translation>Tips visade</translation>
    </message>
</context></TS>
