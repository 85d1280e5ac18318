<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb_NO" sourcelanguage="en_GB">
<context>
    <name>DashboardWindow</name>
    <message>
        <location filename="../supervisor/window.py" line="40" />
        <source>Share of calls with a frustrated customer</source>
        <translation>Andel samtaler med frustrert kunde</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="41" />
        <source>De-escalations per frustrated call</source>
        <translation>Nedtrappinger per frustrert samtale</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="42" />
        <source>Breathers taken</source>
        <translation>Tatte pustepauser</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="45" />
        <source>Current shift</source>
        <translation>Nåværende skift</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="46" />
        <source>Today</source>
        <translation>I dag</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="47" />
        <source>7 days</source>
        <translation>7 dager</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="147" />
        <source>Lugn – team overview</source>
        <translation>Lugn – teamoversikt</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="148" />
        <source>Time range:</source>
        <translation>Tidsrom:</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="151" />
        <source>Show: %1</source>
        <translation>Vis: %1</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="283" />
        <location filename="../supervisor/window.py" line="152" />
        <source>Export CSV…</source>
        <translation>Eksporter CSV…</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="153" />
        <source>Export what is shown as CSV</source>
        <translation>Eksporter det som vises, som CSV</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="154" />
        <source>Teams in the charts:</source>
        <translation>Team i diagrammene:</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="169" />
        <source>Connected: live team summaries</source>
        <translation>Tilkoblet: oppdaterte teamsammendrag</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="171" />
        <source>Connecting…</source>
        <translation>Kobler til…</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="173" />
        <source>Not connected: reconnecting…</source>
        <translation>Ikke tilkoblet: kobler til på nytt…</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="218" />
        <source>Team figures only: no agent can be seen on their own. A team period with fewer than %1 agents shows no figures.</source>
        <translation>Bare tall per team: ingen enkeltagent kan skilles ut. En periode der færre enn %1 agenter i teamet bidro, viser ingen tall.</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="283" />
        <source>CSV files (*.csv)</source>
        <translation>CSV-filer (*.csv)</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="288" />
        <source>Saved %1</source>
        <translation>Lagret: %1</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="290" />
        <source>Not saved: %1</source>
        <translation>Ble ikke lagret: %1</translation>
    </message>
</context><context>
    <name>Tile</name>
    <message>
        <location filename="../supervisor/tiles.py" line="101" />
        <source>No figures in this time range</source>
        <translation>Ingen tall for dette tidsrommet</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="109" />
        <source>Fewer than %1 agents: figures hidden to protect privacy</source>
        <translation>Færre enn %1 agenter: tallene skjules av personvernhensyn</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="116" />
        <source>%1 agents in the latest period</source>
        <translation>%1 agenter i den siste perioden</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="125" />
        <source>%1 of %2 periods hidden (fewer than %3 agents)</source>
        <translation>%1 av %2 perioder skjult (færre enn %3 agenter)</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="146" />
        <source>Calls</source>
        <translation>Samtaler</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="148" />
        <source>Frustrated customer</source>
        <translation>Frustrert kunde</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="149" />
        <source>%1 (%2 of calls)</source>
        <translation>%1 (%2 av samtalene)</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="154" />
        <source>De-escalations</source>
        <translation>Nedtrappinger</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="155" />
        <source>%1 (%2 per frustrated call)</source>
        <translation>%1 (%2 per frustrerte samtale)</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="160" />
        <source>Breathers taken</source>
        <translation>Tatte pustepauser</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="161" />
        <source>%1 of %2 offered</source>
        <translation>%1 av %2 tilbudte</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="165" />
        <source>Tips shown</source>
        <translation>Viste tips</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="185" />
        <source>Site %1: all teams with figures</source>
        <translation>Sted %1: alle team med tall</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="189" />
        <source>%1 of %2 teams</source>
        <translation>%1 av %2 team</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="194" />
        <source>Not included (no figures in this range): %1</source>
        <translation>Ikke med (ingen tall for tidsrommet): %1</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="244" />
        <source>%1 (no figures)</source>
        <translation>%1 (ingen tall)</translation>
    </message>
</context></TS>
