<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fi_FI" sourcelanguage="en_GB">
<context>
    <name>DashboardWindow</name>
    <message>
        <location filename="../supervisor/window.py" line="42" />
        <source>Share of calls with a frustrated customer</source>
        <translation>Puhelut, joissa asiakas turhautui (osuus)</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="43" />
        <source>De-escalations per frustrated call</source>
        <translation>Rauhoittumiset suhteessa turhautuneisiin puheluihin</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="44" />
        <source>Breathers taken</source>
        <translation>Pidetyt hengitystauot</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="47" />
        <source>Current shift</source>
        <translation>Nykyinen vuoro</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="48" />
        <source>Today</source>
        <translation>Tänään</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="49" />
        <source>7 days</source>
        <translation>7 päivää</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="162" />
        <source>Lugn – team overview</source>
        <translation>Lugn – tiimien yleiskatsaus</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="163" />
        <source>Time range:</source>
        <translation>Aikaväli:</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="166" />
        <source>Show: %1</source>
        <translation>Näytä: %1</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="343" />
        <location filename="../supervisor/window.py" line="167" />
        <source>Export CSV…</source>
        <translation>Vie CSV…</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="168" />
        <source>Export what is shown as CSV</source>
        <translation>Vie näkyvät tiedot CSV-tiedostoon</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="169" />
        <source>Teams in the charts:</source>
        <translation>Tiimit kaavioissa:</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="184" />
        <source>Connected: live team summaries</source>
        <translation>Yhdistetty: tiimien ajantasaiset yhteenvedot</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="186" />
        <source>Connecting…</source>
        <translation>Yhdistetään…</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="188" />
        <source>Not connected: reconnecting…</source>
        <translation>Ei yhteyttä: yhdistetään uudelleen…</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="239" />
        <source>Team figures only: no agent can be seen on their own. A team period with fewer than %1 agents shows no figures.</source>
        <translation>Vain tiimikohtaisia lukuja: yksittäistä agenttia ei voi erottaa. Jos jaksolla on mukana alle %1 tiimin agenttia, sen lukuja ei näytetä.</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="343" />
        <source>CSV files (*.csv)</source>
        <translation>CSV-tiedostot (*.csv)</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="348" />
        <source>Saved %1</source>
        <translation>Tallennettu: %1</translation>
    </message>
    <message>
        <location filename="../supervisor/window.py" line="350" />
        <source>Not saved: %1</source>
        <translation>Ei tallennettu: %1</translation>
    </message>
</context><context>
    <name>Tile</name>
    <message>
        <location filename="../supervisor/tiles.py" line="105" />
        <source>No figures in this time range</source>
        <translation>Tältä aikaväliltä ei ole lukuja</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="113" />
        <source>Fewer than %1 agents: figures hidden to protect privacy</source>
        <translation>Mukana alle %1 agenttia, joten lukuja ei näytetä yksityisyyden suojaamiseksi</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="120" />
        <source>%1 agents in the latest period</source>
        <translation>%1 agenttia viimeisimmällä jaksolla</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="130" />
        <source>%1 of %2 periods hidden (fewer than %3 agents)</source>
        <translation>%1/%2 jaksoa piilotettu (alle %3 agenttia)</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="135" />
        <source>Includes %1 late release(s): figures that arrived after their period</source>
        <translation>Sisältää %1 myöhästynyttä erää: lukuja, jotka saapuivat jaksonsa jälkeen</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="152" />
        <source>Calls</source>
        <translation>Puhelut</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="154" />
        <source>Frustrated customer</source>
        <translation>Turhautunut asiakas</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="155" />
        <source>%1 (%2 of calls)</source>
        <translation>%1 (%2 puheluista)</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="160" />
        <source>De-escalations</source>
        <translation>Rauhoittumiset</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="161" />
        <source>%1 (%2 per frustrated call)</source>
        <translation>%1 (%2 turhautunutta puhelua kohti)</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="166" />
        <source>Breathers taken</source>
        <translation>Pidetyt hengitystauot</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="167" />
        <source>%1 of %2 offered</source>
        <translation>%1/%2 tarjotusta</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="171" />
        <source>Tips shown</source>
        <translation>Näytetyt vinkit</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="191" />
        <source>Site %1: all teams with figures</source>
        <translation>Toimipaikka %1: kaikki tiimit, joilla on lukuja</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="195" />
        <source>%1 of %2 teams</source>
        <translation>%1/%2 tiimiä</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="200" />
        <source>Not included (no figures in this range): %1</source>
        <translation>Ei mukana (ei lukuja tältä aikaväliltä): %1</translation>
    </message>
    <message>
        <location filename="../supervisor/tiles.py" line="250" />
        <source>%1 (no figures)</source>
        <translation>%1 (ei lukuja)</translation>
    </message>
</context></TS>
