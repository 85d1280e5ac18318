<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE" sourcelanguage="en_GB">
<context>
    <name>DashboardWindow</name>
    <message>
        <location filename="../supervisor/window.py" line="42" />
        <source>Share of calls with a frustrated customer</source>
        <translation>Andel samtal med frustrerad kund</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="43" />
        <source>De-escalations per frustrated call</source>
        <translation>Nedtrappningar per frustrerat samtal</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="44" />
        <source>Breathers taken</source>
        <translation>Tagna andningspauser</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="47" />
        <source>Current shift</source>
        <translation>Aktuellt skift</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="48" />
        <source>Today</source>
        <translation>I dag</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="49" />
        <source>7 days</source>
        <translation>7 dagar</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="162" />
        <source>Lugn – team overview</source>
        <translation>Lugn – teamöversikt</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="163" />
        <source>Time range:</source>
        <translation>Tidsperiod:</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="166" />
        <source>Show: %1</source>
        <translation>Visa: %1</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="343" />
        <location filename="../supervisor/window.py" line="167" />
        <source>Export CSV…</source>
        <translation>Exportera CSV…</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="168" />
        <source>Export what is shown as CSV</source>
        <translation>Exportera det som visas som CSV</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="169" />
        <source>Teams in the charts:</source>
        <translation>Team i diagrammen:</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="184" />
        <source>Connected: live team summaries</source>
        <translation>Ansluten: aktuella teamsammanfattningar</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="186" />
        <source>Connecting…</source>
        <translation>Ansluter…</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="188" />
        <source>Not connected: reconnecting…</source>
        <translation>Inte ansluten: återansluter…</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="239" />
        <source>Team figures only: no agent can be seen on their own. A team period with fewer than %1 agents shows no figures.</source>
        <translation>Bara siffror per team: ingen enskild agent kan urskiljas. En period där färre än %1 agenter i teamet bidrog visar inga siffror.</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="343" />
        <source>CSV files (*.csv)</source>
        <translation>CSV-filer (*.csv)</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="348" />
        <source>Saved %1</source>
        <translation>Sparad: %1</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="350" />
        <source>Not saved: %1</source>
        <translation>Sparades inte: %1</translation>
    </message>
</context><context>
    <name>Tile</name>
    <message>
        <location filename="../supervisor/tiles.py" line="105" />
        <source>No figures in this time range</source>
        <translation>Inga siffror för den här perioden</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="113" />
        <source>Fewer than %1 agents: figures hidden to protect privacy</source>
        <translation>Färre än %1 agenter: siffrorna döljs för att skydda den personliga integriteten</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="120" />
        <source>%1 agents in the latest period</source>
        <translation>%1 agenter under den senaste perioden</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="130" />
        <source>%1 of %2 periods hidden (fewer than %3 agents)</source>
        <translation>%1 av %2 perioder dolda (färre än %3 agenter)</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="135" />
        <source>Includes %1 late release(s): figures that arrived after their period</source>
        <translation>Inklusive %1 sena leveranser: siffror som kom in efter sin period</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="152" />
        <source>Calls</source>
        <translation>Samtal</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="154" />
        <source>Frustrated customer</source>
        <translation>Frustrerad kund</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="155" />
        <source>%1 (%2 of calls)</source>
        <translation>%1 (%2 av samtalen)</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="160" />
        <source>De-escalations</source>
        <translation>Nedtrappningar</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="161" />
        <source>%1 (%2 per frustrated call)</source>
        <translation>%1 (%2 per frustrerat samtal)</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="166" />
        <source>Breathers taken</source>
        <translation>Tagna andningspauser</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="167" />
        <source>%1 of %2 offered</source>
        <translation>%1 av %2 erbjudna</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="171" />
        <source>Tips shown</source>
        <translation>Visade tips</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="191" />
        <source>Site %1: all teams with figures</source>
        <translation>Plats %1: alla team med siffror</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="195" />
        <source>%1 of %2 teams</source>
        <translation>%1 av %2 team</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="200" />
        <source>Not included (no figures in this range): %1</source>
        <translation>Inte med (inga siffror för perioden): %1</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="250" />
        <source>%1 (no figures)</source>
        <translation>%1 (inga siffror)</translation>
    </message>
</context></TS>
