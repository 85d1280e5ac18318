<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fi_FI" sourcelanguage="en_GB">
<context>
    <name>DashboardWindow</name>
    <message>
        <location filename="../supervisor/window.py" line="40" />
        <source>Share of calls with a frustrated customer</source>
        <translation>Puhelut, joissa asiakas turhautui (osuus)</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="41" />
        <source>De-escalations per frustrated call</source>
        <translation>Rauhoittumiset suhteessa turhautuneisiin puheluihin</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="42" />
        <source>Breathers taken</source>
        <translation>Pidetyt hengitystauot</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="45" />
        <source>Current shift</source>
        <translation>Nykyinen vuoro</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="46" />
        <source>Today</source>
        <translation>Tänään</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="47" />
        <source>7 days</source>
        <translation>7 päivää</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="147" />
        <source>Lugn – team overview</source>
        <translation>Lugn – tiimien yleiskatsaus</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="148" />
        <source>Time range:</source>
        <translation>Aikaväli:</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="151" />
        <source>Show: %1</source>
        <translation>Näytä: %1</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="283" />
        <location filename="../supervisor/window.py" line="152" />
        <source>Export CSV…</source>
        <translation>Vie CSV…</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="153" />
        <source>Export what is shown as CSV</source>
        <translation>Vie näkyvät tiedot CSV-tiedostoon</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="154" />
        <source>Teams in the charts:</source>
        <translation>Tiimit kaavioissa:</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="169" />
        <source>Connected: live team summaries</source>
        <translation>Yhdistetty: tiimien ajantasaiset yhteenvedot</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="171" />
        <source>Connecting…</source>
        <translation>Yhdistetään…</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="173" />
        <source>Not connected: reconnecting…</source>
        <translation>Ei yhteyttä: yhdistetään uudelleen…</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="218" />
        <source>Team figures only: no agent can be seen on their own. A team period with fewer than %1 agents shows no figures.</source>
        <translation>Vain tiimikohtaisia lukuja: yksittäistä agenttia ei voi erottaa. Jos jaksolla on mukana alle %1 tiimin agenttia, sen lukuja ei näytetä.</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="283" />
        <source>CSV files (*.csv)</source>
        <translation>CSV-tiedostot (*.csv)</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="288" />
        <source>Saved %1</source>
        <translation>Tallennettu: %1</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="290" />
        <source>Not saved: %1</source>
        <translation>Ei tallennettu: %1</translation>
    </message>
</context><context>
    <name>Tile</name>
    <message>
        <location filename="../supervisor/tiles.py" line="101" />
        <source>No figures in this time range</source>
        <translation>Tältä aikaväliltä ei ole lukuja</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="109" />
        <source>Fewer than %1 agents: figures hidden to protect privacy</source>
        <translation>Mukana alle %1 agenttia, joten lukuja ei näytetä yksityisyyden suojaamiseksi</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="116" />
        <source>%1 agents in the latest period</source>
        <translation>%1 agenttia viimeisimmällä jaksolla</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="125" />
        <source>%1 of %2 periods hidden (fewer than %3 agents)</source>
        <translation>%1/%2 jaksoa piilotettu (alle %3 agenttia)</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="146" />
        <source>Calls</source>
        <translation>Puhelut</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="148" />
        <source>Frustrated customer</source>
        <translation>Turhautunut asiakas</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="149" />
        <source>%1 (%2 of calls)</source>
        <translation>%1 (%2 puheluista)</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="154" />
        <source>De-escalations</source>
        <translation>Rauhoittumiset</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="155" />
        <source>%1 (%2 per frustrated call)</source>
        <translation>%1 (%2 turhautunutta puhelua kohti)</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="160" />
        <source>Breathers taken</source>
        <translation>Pidetyt hengitystauot</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="161" />
        <source>%1 of %2 offered</source>
        <translation>%1/%2 tarjotusta</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="165" />
        <source>Tips shown</source>
        <translation>Näytetyt vinkit</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="185" />
        <source>Site %1: all teams with figures</source>
        <translation>Toimipaikka %1: kaikki tiimit, joilla on lukuja</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="189" />
        <source>%1 of %2 teams</source>
        <translation>%1/%2 tiimiä</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="194" />
        <source>Not included (no figures in this range): %1</source>
        <translation>Ei mukana (ei lukuja tältä aikaväliltä): %1</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="244" />
        <source>%1 (no figures)</source>
        <translation>%1 (ei lukuja)</translation>
    </message>
</context></TS>
