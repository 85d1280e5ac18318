<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb_NO" sourcelanguage="en_GB">
<context>
    <name>DashboardWindow</name>
    <message>
        <location filename="../supervisor/window.py" line="42" />
        <source>Share of calls with a frustrated customer</source>
        <translation>Andel samtaler med frustrert kunde</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="43" />
        <source>De-escalations per frustrated call</source>
        <translation>Nedtrappinger per frustrert samtale</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="44" />
        <source>Breathers taken</source>
        <translation>Tatte pustepauser</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="47" />
        <source>Current shift</source>
        <translation>Nåværende skift</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="48" />
        <source>Today</source>
        <translation>I dag</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="49" />
        <source>7 days</source>
        <translation>7 dager</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="162" />
        <source>Lugn – team overview</source>
        <translation>Lugn – teamoversikt</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="163" />
        <source>Time range:</source>
        <translation>Tidsrom:</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="166" />
        <source>Show: %1</source>
        <translation>Vis: %1</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="343" />
        <location filename="../supervisor/window.py" line="167" />
        <source>Export CSV…</source>
        <translation>Eksporter CSV…</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="168" />
        <source>Export what is shown as CSV</source>
        <translation>Eksporter det som vises, som CSV</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="169" />
        <source>Teams in the charts:</source>
        <translation>Team i diagrammene:</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="184" />
        <source>Connected: live team summaries</source>
        <translation>Tilkoblet: oppdaterte teamsammendrag</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="186" />
        <source>Connecting…</source>
        <translation>Kobler til…</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="188" />
        <source>Not connected: reconnecting…</source>
        <translation>Ikke tilkoblet: kobler til på nytt…</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="239" />
        <source>Team figures only: no agent can be seen on their own. A team period with fewer than %1 agents shows no figures.</source>
        <translation>Bare tall per team: ingen enkeltagent kan skilles ut. En periode der færre enn %1 agenter i teamet bidro, viser ingen tall.</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="343" />
        <source>CSV files (*.csv)</source>
        <translation>CSV-filer (*.csv)</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="348" />
        <source>Saved %1</source>
        <translation>Lagret: %1</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="350" />
        <source>Not saved: %1</source>
        <translation>Ble ikke lagret: %1</translation>
    </message>
</context><context>
    <name>Tile</name>
    <message>
        <location filename="../supervisor/tiles.py" line="105" />
        <source>No figures in this time range</source>
        <translation>Ingen tall for dette tidsrommet</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="113" />
        <source>Fewer than %1 agents: figures hidden to protect privacy</source>
        <translation>Færre enn %1 agenter: tallene skjules av personvernhensyn</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="120" />
        <source>%1 agents in the latest period</source>
        <translation>%1 agenter i den siste perioden</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="130" />
        <source>%1 of %2 periods hidden (fewer than %3 agents)</source>
        <translation>%1 av %2 perioder skjult (færre enn %3 agenter)</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="135" />
        <source>Includes %1 late release(s): figures that arrived after their period</source>
        <translation>Inkluderer %1 sene leveranser: tall som kom inn etter sin periode</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="152" />
        <source>Calls</source>
        <translation>Samtaler</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="154" />
        <source>Frustrated customer</source>
        <translation>Frustrert kunde</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="155" />
        <source>%1 (%2 of calls)</source>
        <translation>%1 (%2 av samtalene)</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="160" />
        <source>De-escalations</source>
        <translation>Nedtrappinger</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="161" />
        <source>%1 (%2 per frustrated call)</source>
        <translation>%1 (%2 per frustrerte samtale)</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="166" />
        <source>Breathers taken</source>
        <translation>Tatte pustepauser</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="167" />
        <source>%1 of %2 offered</source>
        <translation>%1 av %2 tilbudte</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="171" />
        <source>Tips shown</source>
        <translation>Viste tips</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="191" />
        <source>Site %1: all teams with figures</source>
        <translation>Sted %1: alle team med tall</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="195" />
        <source>%1 of %2 teams</source>
        <translation>%1 av %2 team</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="200" />
        <source>Not included (no figures in this range): %1</source>
        <translation>Ikke med (ingen tall for tidsrommet): %1</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="250" />
        <source>%1 (no figures)</source>
        <translation>%1 (ingen tall)</translation>
    </message>
</context></TS>
