<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb_NO" sourcelanguage="en_GB">
    <context>
    <name>AgentApp</name>
    <message>
        <location filename="../agent/app.py" line="287" />
        <source>Your settings could not be written to %1 (%2). Lugn goes on as before; if this keeps happening, tell IT.</source>
        <translation>Innstillingene dine kunne ikke lagres i %1 (%2). Lugn fortsetter som før; si fra til IT hvis det skjer igjen.</translation>
    </message>
    <message>
        <location filename="../agent/app.py" line="292" />
        <source>Settings not saved</source>
        <translation>Innstillingene ble ikke lagret</translation>
    </message>
</context><context>
    <name>Indicator</name>
    <message>
        <location filename="../agent/look.py" line="97" />
        <source>No call</source>
        <translation>Ingen samtale</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="98" />
        <source>Listening</source>
        <translation>Lytter</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="99" />
        <source>Paused</source>
        <translation>På pause</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="100" />
        <source>No analysis</source>
        <translation>Ingen analyse</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="101" />
        <source>Headset lost</source>
        <translation>Hodesett frakoblet</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="102" />
        <source>Calm</source>
        <translation>Rolig</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="103" />
        <source>Uneasy</source>
        <translation>Anspent</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="104" />
        <source>Frustrated</source>
        <translation>Frustrert</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="105" />
        <source>Notice first</source>
        <translation>Informer først</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="106" />
        <source>Waiting for IVR</source>
        <translation>Venter på IVR</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="107" />
        <source>Declined</source>
        <translation>Avslått</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="108" />
        <source>Tone off</source>
        <translation>Toneanalyse av</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="115" />
        <source>Customer tone</source>
        <translation>Kundens tone</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="117" />
        <source>Waiting for a call</source>
        <translation>Venter på samtale</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="118" />
        <source>Listening to the customer</source>
        <translation>Lytter til kunden</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="119" />
        <source>Analysis is paused</source>
        <translation>Analysen er satt på pause</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="120" />
        <source>Tone analysis is unavailable</source>
        <translation>Toneanalysen er ikke tilgjengelig</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="121" />
        <source>Check the headset connection</source>
        <translation>Sjekk at hodesettet er koblet til</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="122" />
        <source>No analysis before the notice</source>
        <translation>Ingen analyse før informasjonen</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="125" />
        <source>The IVR tells the caller first</source>
        <translation>IVR-en informerer kunden først</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="126" />
        <source>Caller declined: no analysis</source>
        <translation>Kunden sa nei: ingen analyse</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="127" />
        <source>Switched off for this site</source>
        <translation>Slått av for arbeidsstedet</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="133" />
        <source>rising</source>
        <translation>stiger</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="134" />
        <source>steady</source>
        <translation>stabil</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="135" />
        <source>easing</source>
        <translation>roer seg</translation>
    </message>
</context><context>
    <name>IndicatorView</name>
    <message>
        <location filename="../agent/indicator.py" line="126" />
        <source>Breathing exercise</source>
        <translation>Pusteøvelse</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="127" />
        <source>Start a breathing exercise</source>
        <translation>Start en pusteøvelse</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="142" />
        <source>Team metrics paused</source>
        <translation>Teamstatistikk satt på pause</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="144" />
        <source>Pause analysis</source>
        <translation>Sett analysen på pause</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="144" />
        <source>Resume analysis</source>
        <translation>Fortsett analysen</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="149" />
        <source>Customer tone: %1, %2</source>
        <translation>Kundens tone: %1, %2</translation>
    </message>
</context><context>
    <name>IndicatorWindow</name>
    <message>
        <location filename="../agent/indicator.py" line="264" />
        <location filename="../agent/indicator.py" line="263" />
        <source>Lugn – customer tone</source>
        <translation>Lugn – kundens tone</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="315" />
        <source>Breathing exercise</source>
        <translation>Pusteøvelse</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="318" />
        <source>Settings…</source>
        <translation>Innstillinger…</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="319" />
        <source>Quit Lugn</source>
        <translation>Avslutt Lugn</translation>
    </message>
</context><context>
    <name>KioskWindow</name>
    <message>
        <location filename="../agent/kiosk.py" line="245" />
        <source>Lugn – customer tone</source>
        <translation>Lugn – kundens tone</translation>
    </message>
    <message>
        <location filename="../agent/kiosk.py" line="246" />
        <source>IT</source>
        <translation>IT</translation>
    </message>
    <message>
        <location filename="../agent/kiosk.py" line="248" />
        <location filename="../agent/kiosk.py" line="247" />
        <source>Leave kiosk mode (IT only)</source>
        <translation>Gå ut av kioskmodus (kun IT)</translation>
    </message>
    <message>
        <location filename="../agent/kiosk.py" line="249" />
        <source>What Lugn does and what leaves this computer</source>
        <translation>Hva Lugn gjør og hva som forlater datamaskinen</translation>
    </message>
</context><context>
    <name>Notice</name>
    <message>
        <location filename="../agent/notice.py" line="102" />
        <source>Tell the caller first</source>
        <translation>Informer kunden først</translation>
    </message>
    <message>
        <location filename="../agent/notice.py" line="105" />
        <source>No tone analysis until you confirm. Read aloud, in the caller's language:</source>
        <translation>Ingen toneanalyse før du bekrefter. Les opp, på kundens språk:</translation>
    </message>
    <message>
        <location filename="../agent/notice.py" line="107" />
        <source>Told</source>
        <translation>Informert</translation>
    </message>
    <message>
        <location filename="../agent/notice.py" line="107" />
        <source>Declined</source>
        <translation>Sa nei</translation>
    </message>
    <message>
        <location filename="../agent/notice.py" line="114" />
        <source>The caller was told: start the tone analysis</source>
        <translation>Kunden er informert: start toneanalysen</translation>
    </message>
    <message>
        <location filename="../agent/notice.py" line="115" />
        <source>The caller declined: no tone analysis this call</source>
        <translation>Kunden sa nei: ingen toneanalyse i denne samtalen</translation>
    </message>
    <message>
        <location filename="../agent/notice.py" line="130" />
        <source>Caller notice answered</source>
        <translation>Informasjonen til kunden er besvart</translation>
    </message>
</context><context>
    <name>PinDialog</name>
    <message>
        <location filename="../agent/kiosk.py" line="146" />
        <source>Leave kiosk mode</source>
        <translation>Gå ut av kioskmodus</translation>
    </message>
    <message>
        <location filename="../agent/kiosk.py" line="147" />
        <source>Enter the PIN from your IT department.</source>
        <translation>Skriv inn PIN-koden fra IT-avdelingen.</translation>
    </message>
    <message>
        <location filename="../agent/kiosk.py" line="148" />
        <source>PIN</source>
        <translation>PIN-kode</translation>
    </message>
    <message>
        <location filename="../agent/kiosk.py" line="149" />
        <source>Leave kiosk</source>
        <translation>Gå ut</translation>
    </message>
    <message>
        <location filename="../agent/kiosk.py" line="150" />
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message numerus="yes">
        <location filename="../agent/kiosk.py" line="161" />
        <source>Too many attempts. Try again in %n s.</source>
        <translation>
            <numerusform>For mange forsøk. Prøv igjen om %n sekund.</numerusform>
            <numerusform>For mange forsøk. Prøv igjen om %n sekunder.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../agent/kiosk.py" line="171" />
        <source>Wrong PIN.</source>
        <translation>Feil PIN-kode.</translation>
    </message>
</context><context>
    <name>Privacy</name>
    <message>
        <location filename="../agent/privacy/texts.py" line="25" />
        <source>Calls</source>
        <translation>Samtaler</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="26" />
        <source>Calls with a frustrated customer</source>
        <translation>Samtaler med en frustrert kunde</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="27" />
        <source>Seconds the customer sounded frustrated</source>
        <translation>Sekunder kunden hørtes frustrert ut</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="28" />
        <source>Times a frustrated customer calmed down</source>
        <translation>Ganger en frustrert kunde roet seg</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="29" />
        <source>Tips shown</source>
        <translation>Viste tips</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="30" />
        <source>Tips you closed</source>
        <translation>Tips du lukket</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="31" />
        <source>Breathing exercises offered</source>
        <translation>Tilbudte pusteøvelser</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="32" />
        <source>Breathing exercises taken</source>
        <translation>Gjennomførte pusteøvelser</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="33" />
        <source>Calls where the caller declined</source>
        <translation>Samtaler der kunden sa nei</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="39" />
        <source>Message format</source>
        <translation>Meldingsformat</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="40" />
        <source>Site</source>
        <translation>Arbeidssted</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="41" />
        <source>Your team</source>
        <translation>Teamet ditt</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="42" />
        <source>Time interval</source>
        <translation>Tidsintervall</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="43" />
        <source>Random number (so a resent message counts once)</source>
        <translation>Tilfeldig tall (slik at en melding som sendes på nytt, telles én gang)</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="44" />
        <source>Sent to (MQTT topic)</source>
        <translation>Sendes til (MQTT-emne)</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="64" />
        <source>What Lugn does during your calls</source>
        <translation>Hva Lugn gjør under samtalene dine</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="68" />
        <source>Only the customer's voice is tone-analysed</source>
        <translation>Bare kundens stemme toneanalyseres</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="72" />
        <source>A small model on this computer estimates from the sound of the customer's voice – not the words – whether they sound calm, uneasy or frustrated. Nothing is recorded.</source>
        <translation>En liten modell på denne datamaskinen anslår ut fra hvordan kundens stemme høres ut – ikke ordene – om kunden virker rolig, urolig eller frustrert. Ingenting blir tatt opp.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="80" />
        <source>Your own voice: pace, loudness and overlap only</source>
        <translation>Din egen stemme: bare tempo, lydstyrke og når dere snakker samtidig</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="84" />
        <source>From your microphone Lugn measures how fast and how loud you speak and whether you talk over the customer. It never judges your emotions. These cues are shown only to you, kept only during the call, and never stored or sent.</source>
        <translation>Fra mikrofonen din måler Lugn hvor fort og hvor høyt du snakker, og om du snakker i munnen på kunden. Den vurderer aldri følelsene dine. Disse signalene vises bare for deg, finnes bare under samtalen og blir aldri lagret eller sendt.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="186" />
        <location filename="../agent/privacy/texts.py" line="94" />
        <source>What leaves this computer</source>
        <translation>Hva som forlater denne datamaskinen</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="98" />
        <source>Counts only, once per %1 minutes: calls, calls with a frustrated customer, frustrated seconds, calmed-down moments, tips, breathing exercises and declined calls. No audio, no words, no names.</source>
        <translation>Bare antall, én gang per %1 minutter: samtaler, samtaler med frustrert kunde, frustrerte sekunder, ganger kunden roet seg, tips, pusteøvelser og samtaler der kunden sa nei. Ingen lydopptak, ingen ord, ingen navn.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="106" />
        <source>Team metrics are off on this computer: nothing about your calls leaves it.</source>
        <translation>Teamstatistikken er slått av på denne datamaskinen: ingenting om samtalene dine forlater den.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="110" />
        <source>Who sees it</source>
        <translation>Hvem som ser det</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="115" />
        <source>Your supervisor sees only your team's totals, and only for %2-minute intervals in which at least %1 computers sent counts; otherwise no numbers at all. Nobody sees your own counts in the dashboard. IT staff who run the message servers could technically tell one computer's counts apart.</source>
        <translation>Lederen din ser bare teamets summer, og bare for %2-minuttersintervaller der minst %1 datamaskiner sendte antall; ellers ingen tall i det hele tatt. Ingen ser dine egne tall i oversikten. IT-ansatte som drifter meldingsserverne, kan teknisk sett skille ut én datamaskins tall.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="129" />
        <source>Nobody else: your indicator, tips and notes are only on your screen.</source>
        <translation>Ingen andre: indikatoren, tipsene og notatene dine er bare på skjermen din.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="133" />
        <source>Callers are told</source>
        <translation>Kundene blir informert</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="138" />
        <source>At the start of each call you read a short notice to the caller. Until you confirm it, the tone of the caller is not analysed. If the caller declines, Lugn stops for the rest of the call.</source>
        <translation>I starten av hver samtale leser du opp en kort informasjon for kunden. Før du bekrefter den, blir ikke kundens tonefall analysert. Hvis kunden sier nei, stopper Lugn resten av samtalen.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="145" />
        <source>The phone system tells callers before they reach you. Until it confirms that, the tone is not analysed. If the caller declines, Lugn stops for the rest of the call.</source>
        <translation>Telefonsystemet informerer kundene før de kommer fram til deg. Før det bekrefter det, blir ikke tonefallet analysert. Hvis kunden sier nei, stopper Lugn resten av samtalen.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="150" />
        <source>Your employer tells callers in another way. If a caller declines, Lugn stops for the call.</source>
        <translation>Arbeidsgiveren din informerer kundene på en annen måte. Hvis en kunde sier nei, stopper Lugn for samtalen.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="157" />
        <source>You are in control</source>
        <translation>Du bestemmer</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="161" />
        <source>Pause the analysis at any time: the pause button, the tray menu or your shortcut.</source>
        <translation>Sett analysen på pause når du vil: pauseknappen, menyen i systemfeltet eller hurtigtasten din.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="167" />
        <source>Tone analysis is switched off at this site: Lugn does not analyse callers at all.</source>
        <translation>Toneanalysen er slått av på dette arbeidsstedet: Lugn analyserer ikke kundene i det hele tatt.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="173" />
        <source>What leaves this computer…</source>
        <translation>Hva som forlater datamaskinen…</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="177" />
        <source>Understood</source>
        <translation>Jeg forstår</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="181" />
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="191" />
        <source>Team metrics are on: counts go to %1 once per %2 minutes.</source>
        <translation>Teamstatistikken er på: antall sendes til %1 én gang per %2 minutter.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="198" />
        <source>Team metrics are switched on but not connected: counts wait here (once per %1 minutes) and are not sent.</source>
        <translation>Teamstatistikken er slått på, men ikke tilkoblet: tallene venter her (én gang per %1 minutter) og blir ikke sendt.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="206" />
        <source>Team metrics are off: nothing about your calls leaves this computer.</source>
        <translation>Teamstatistikken er slått av: ingenting om samtalene dine forlater denne datamaskinen.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="210" />
        <source>Counted now, sent after %1</source>
        <translation>Telles nå, sendes etter %1</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="214" />
        <source>Nothing counted yet in this interval.</source>
        <translation>Ingenting telt ennå i dette intervallet.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="218" />
        <source>Waiting to be sent: %1</source>
        <translation>Venter på å bli sendt: %1</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="222" />
        <source>Nothing is waiting to be sent.</source>
        <translation>Ingenting venter på å bli sendt.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="226" />
        <source>Last sent, confirmed at %1</source>
        <translation>Sist sendt, bekreftet %1</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="230" />
        <source>Nothing has been sent since Lugn started.</source>
        <translation>Ingenting er sendt siden Lugn startet.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="234" />
        <source>What your supervisor sees for the team</source>
        <translation>Hva lederen din ser for teamet</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="238" />
        <source>An interval in which fewer than %1 computers of your team sent counts: no numbers at all.</source>
        <translation>Et intervall der færre enn %1 datamaskiner i teamet ditt sendte antall: ingen tall i det hele tatt.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="244" />
        <source>An interval with at least %1 computers: only the team's totals, like this example (made-up numbers).</source>
        <translation>Et intervall med minst %1 datamaskiner: bare teamets summer, som i dette eksempelet (oppdiktede tall).</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="252" />
        <source>Not enough computers: no figures</source>
        <translation>For få datamaskiner: ingen tall</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="256" />
        <source>Computers that sent counts</source>
        <translation>Datamaskiner som sendte antall</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="260" />
        <source>Share of calls with a frustrated customer</source>
        <translation>Andel samtaler med frustrert kunde</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="264" />
        <source>For IT: this computer's status</source>
        <translation>For IT: datamaskinens status</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="268" />
        <source>Whether Lugn is running, its versions, and how many counts wait to be sent. Nothing about calls.</source>
        <translation>Om Lugn kjører, versjonene og hvor mange tall som venter på å bli sendt. Ingenting om samtaler.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="275" />
        <source>Show the exact messages (JSON)</source>
        <translation>Vis de nøyaktige meldingene (JSON)</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="279" />
        <source>Show in words</source>
        <translation>Vis med ord</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="284" />
        <source>Shared: nothing (team metrics are off).</source>
        <translation>Deles: ingenting (teamstatistikken er slått av).</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="288" />
        <source>Shared: only one “declined” count; nothing else of this call.</source>
        <translation>Deles: bare én «sa nei»-telling; ingenting annet fra samtalen.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="293" />
        <source>Shared, in this computer's %1-minute totals: %2. Your supervisor sees only sums of %3 or more computers.</source>
        <translation>Deles, i datamaskinens %1-minuttersummer: %2. Lederen din ser bare summer fra %3 eller flere datamaskiner.</translation>
    </message>
</context><context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../agent/settings_dialog.py" line="171" />
        <source>Lugn settings</source>
        <translation>Innstillinger for Lugn</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="173" />
        <source>Your IT department's settings could not all be read. Lugn runs with safe defaults for now.</source>
        <translation>Noen av innstillingene fra IT-avdelingen kunne ikke leses. Lugn bruker trygge standardvalg inntil videre.</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="177" />
        <source>Audio</source>
        <translation>Lyd</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="178" />
        <source>Your microphone</source>
        <translation>Mikrofonen din</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="179" />
        <source>Customer audio</source>
        <translation>Lyd fra kunden</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="180" />
        <source>Headset default</source>
        <translation>Hodesettet (standard)</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="181" />
        <source>Automatic (headset output)</source>
        <translation>Automatisk (lyden i hodesettet)</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="183" />
        <source>Audio devices cannot be listed on this computer.</source>
        <translation>Lydenhetene kan ikke vises på denne datamaskinen.</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="185" />
        <source>New audio sources are used from the next start of Lugn.</source>
        <translation>Nye lydkilder tas i bruk neste gang Lugn starter.</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="186" />
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="187" />
        <source>Language of Lugn</source>
        <translation>Språk i Lugn</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="194" />
        <source>Automatic (system language)</source>
        <translation>Automatisk (systemspråket)</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="195" />
        <source>Coaching</source>
        <translation>Veiledning</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="196" />
        <source>Show empathy tips</source>
        <translation>Vis empatitips</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="197" />
        <source>Show cues about my delivery</source>
        <translation>Vis tips om tempoet og lydnivået mitt</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="198" />
        <source>Offer breathing exercises</source>
        <translation>Foreslå pusteøvelser</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="200" />
        <source>Set by your IT department</source>
        <translation>Bestemt av IT-avdelingen</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="201" />
        <source>Save</source>
        <translation>Lagre</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="202" />
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
</context><context>
    <name>TrayController</name>
    <message>
        <location filename="../agent/tray.py" line="110" />
        <source>Resume analysis</source>
        <translation>Fortsett analysen</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="110" />
        <source>Pause analysis</source>
        <translation>Sett analysen på pause</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="112" />
        <source>Breathing exercise</source>
        <translation>Pusteøvelse</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="113" />
        <source>Dismiss tip</source>
        <translation>Lukk tipset</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="114" />
        <source>Caller was told</source>
        <translation>Kunden er informert</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="115" />
        <source>Caller declined</source>
        <translation>Kunden sa nei</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="116" />
        <source>What Lugn does…</source>
        <translation>Hva Lugn gjør…</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="117" />
        <source>What leaves this computer…</source>
        <translation>Hva som forlater datamaskinen…</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="118" />
        <source>Settings…</source>
        <translation>Innstillinger…</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="119" />
        <source>Quit Lugn</source>
        <translation>Avslutt Lugn</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="127" />
        <source>Customer tone: %1</source>
        <translation>Kundens tone: %1</translation>
    </message>
</context></TS>
