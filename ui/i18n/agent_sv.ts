<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE" sourcelanguage="en_GB">
    <context>
    <name>AgentApp</name>
    <message>
        <location filename="../agent/app.py" line="287" />
        <source>Your settings could not be written to %1 (%2). Lugn goes on as before; if this keeps happening, tell IT.</source>
        <translation>Dina inställningar kunde inte sparas i %1 (%2). Lugn fortsätter som förut; säg till IT om det händer igen.</translation>
    </message>
    <message>
        <location filename="../agent/app.py" line="292" />
        <source>Settings not saved</source>
        <translation>Inställningarna sparades inte</translation>
    </message>
</context><context>
    <name>Indicator</name>
    <message>
        <location filename="../agent/look.py" line="97" />
        <source>No call</source>
        <translation>Inget samtal</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="98" />
        <source>Listening</source>
        <translation>Lyssnar</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="99" />
        <source>Paused</source>
        <translation>Pausad</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="100" />
        <source>No analysis</source>
        <translation>Ingen analys</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="101" />
        <source>Headset lost</source>
        <translation>Headset saknas</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="102" />
        <source>Calm</source>
        <translation>Sansad</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="103" />
        <source>Uneasy</source>
        <translation>Spänd</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="104" />
        <source>Frustrated</source>
        <translation>Frustrerad</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="105" />
        <source>Notice first</source>
        <translation>Informera först</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="106" />
        <source>Waiting for IVR</source>
        <translation>Väntar på IVR</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="107" />
        <source>Declined</source>
        <translation>Avböjt</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="108" />
        <source>Tone off</source>
        <translation>Tonanalys av</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="115" />
        <source>Customer tone</source>
        <translation>Kundens ton</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="117" />
        <source>Waiting for a call</source>
        <translation>Väntar på samtal</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="118" />
        <source>Listening to the customer</source>
        <translation>Lyssnar på kunden</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="119" />
        <source>Analysis is paused</source>
        <translation>Analysen är pausad</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="120" />
        <source>Tone analysis is unavailable</source>
        <translation>Tonanalysen fungerar inte just nu</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="121" />
        <source>Check the headset connection</source>
        <translation>Kontrollera att headsetet är anslutet</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="122" />
        <source>No analysis before the notice</source>
        <translation>Ingen analys före informationen</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="125" />
        <source>The IVR tells the caller first</source>
        <translation>IVR:en informerar kunden först</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="126" />
        <source>Caller declined: no analysis</source>
        <translation>Kunden avböjde: ingen analys</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="127" />
        <source>Switched off for this site</source>
        <translation>Avstängd för arbetsplatsen</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="133" />
        <source>rising</source>
        <translation>ökar</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="134" />
        <source>steady</source>
        <translation>stabil</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="135" />
        <source>easing</source>
        <translation>lugnar sig</translation>
    </message>
</context><context>
    <name>IndicatorView</name>
    <message>
        <location filename="../agent/indicator.py" line="126" />
        <source>Breathing exercise</source>
        <translation>Andningsövning</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="127" />
        <source>Start a breathing exercise</source>
        <translation>Starta en andningsövning</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="142" />
        <source>Team metrics paused</source>
        <translation>Teamstatistik pausad</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="144" />
        <source>Pause analysis</source>
        <translation>Pausa analysen</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="144" />
        <source>Resume analysis</source>
        <translation>Återuppta analysen</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="149" />
        <source>Customer tone: %1, %2</source>
        <translation>Kundens ton: %1, %2</translation>
    </message>
</context><context>
    <name>IndicatorWindow</name>
    <message>
        <location filename="../agent/indicator.py" line="264" />
        <location filename="../agent/indicator.py" line="263" />
        <source>Lugn – customer tone</source>
        <translation>Lugn – kundens ton</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="315" />
        <source>Breathing exercise</source>
        <translation>Andningsövning</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="318" />
        <source>Settings…</source>
        <translation>Inställningar…</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="319" />
        <source>Quit Lugn</source>
        <translation>Avsluta Lugn</translation>
    </message>
</context><context>
    <name>KioskWindow</name>
    <message>
        <location filename="../agent/kiosk.py" line="245" />
        <source>Lugn – customer tone</source>
        <translation>Lugn – kundens ton</translation>
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
        <translation>Lämna kioskläget (endast IT)</translation>
    </message>
    <message>
        <location filename="../agent/kiosk.py" line="249" />
        <source>What Lugn does and what leaves this computer</source>
        <translation>Vad Lugn gör och vad som lämnar datorn</translation>
    </message>
</context><context>
    <name>Notice</name>
    <message>
        <location filename="../agent/notice.py" line="102" />
        <source>Tell the caller first</source>
        <translation>Informera kunden först</translation>
    </message>
    <message>
        <location filename="../agent/notice.py" line="105" />
        <source>No tone analysis until you confirm. Read aloud, in the caller's language:</source>
        <translation>Ingen tonanalys förrän du bekräftar. Läs upp, på kundens språk:</translation>
    </message>
    <message>
        <location filename="../agent/notice.py" line="107" />
        <source>Told</source>
        <translation>Informerad</translation>
    </message>
    <message>
        <location filename="../agent/notice.py" line="107" />
        <source>Declined</source>
        <translation>Avböjde</translation>
    </message>
    <message>
        <location filename="../agent/notice.py" line="114" />
        <source>The caller was told: start the tone analysis</source>
        <translation>Kunden är informerad: starta tonanalysen</translation>
    </message>
    <message>
        <location filename="../agent/notice.py" line="115" />
        <source>The caller declined: no tone analysis this call</source>
        <translation>Kunden avböjde: ingen tonanalys i det här samtalet</translation>
    </message>
    <message>
        <location filename="../agent/notice.py" line="130" />
        <source>Caller notice answered</source>
        <translation>Informationen till kunden är besvarad</translation>
    </message>
</context><context>
    <name>PinDialog</name>
    <message>
        <location filename="../agent/kiosk.py" line="146" />
        <source>Leave kiosk mode</source>
        <translation>Lämna kioskläget</translation>
    </message>
    <message>
        <location filename="../agent/kiosk.py" line="147" />
        <source>Enter the PIN from your IT department.</source>
        <translation>Ange PIN-koden från IT-avdelningen.</translation>
    </message>
    <message>
        <location filename="../agent/kiosk.py" line="148" />
        <source>PIN</source>
        <translation>PIN-kod</translation>
    </message>
    <message>
        <location filename="../agent/kiosk.py" line="149" />
        <source>Leave kiosk</source>
        <translation>Lämna kiosk</translation>
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
            <numerusform>För många försök. Försök igen om %n sekund.</numerusform>
            <numerusform>För många försök. Försök igen om %n sekunder.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../agent/kiosk.py" line="171" />
        <source>Wrong PIN.</source>
        <translation>Fel PIN-kod.</translation>
    </message>
</context><context>
    <name>Privacy</name>
    <message>
        <location filename="../agent/privacy/texts.py" line="25" />
        <source>Calls</source>
        <translation>Samtal</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="26" />
        <source>Calls with a frustrated customer</source>
        <translation>Samtal med en frustrerad kund</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="27" />
        <source>Seconds the customer sounded frustrated</source>
        <translation>Sekunder då kunden lät frustrerad</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="28" />
        <source>Times a frustrated customer calmed down</source>
        <translation>Gånger en frustrerad kund lugnade sig</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="29" />
        <source>Tips shown</source>
        <translation>Visade tips</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="30" />
        <source>Tips you closed</source>
        <translation>Tips som du stängde</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="31" />
        <source>Breathing exercises offered</source>
        <translation>Erbjudna andningsövningar</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="32" />
        <source>Breathing exercises taken</source>
        <translation>Genomförda andningsövningar</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="33" />
        <source>Calls where the caller declined</source>
        <translation>Samtal där kunden avböjde</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="39" />
        <source>Message format</source>
        <translation>Meddelandeformat</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="40" />
        <source>Site</source>
        <translation>Arbetsplats</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="41" />
        <source>Your team</source>
        <translation>Ditt team</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="42" />
        <source>Time interval</source>
        <translation>Tidsintervall</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="43" />
        <source>Random number (so a resent message counts once)</source>
        <translation>Slumptal (så att ett meddelande som skickas igen räknas en gång)</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="44" />
        <source>Sent to (MQTT topic)</source>
        <translation>Skickas till (MQTT-ämne)</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="64" />
        <source>What Lugn does during your calls</source>
        <translation>Vad Lugn gör under dina samtal</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="68" />
        <source>Only the customer's voice is tone-analysed</source>
        <translation>Bara kundens röst tonanalyseras</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="72" />
        <source>A small model on this computer estimates from the sound of the customer's voice – not the words – whether they sound calm, uneasy or frustrated. Nothing is recorded.</source>
        <translation>En liten modell på den här datorn bedömer utifrån hur kundens röst låter – inte orden – om kunden låter lugn, spänd eller frustrerad. Inget spelas in.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="80" />
        <source>Your own voice: pace, loudness and overlap only</source>
        <translation>Din egen röst: bara tempo, volym och när ni pratar samtidigt</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="84" />
        <source>From your microphone Lugn measures how fast and how loud you speak and whether you talk over the customer. It never judges your emotions. These cues are shown only to you, kept only during the call, and never stored or sent.</source>
        <translation>Från din mikrofon mäter Lugn hur fort och hur starkt du pratar och om du pratar i mun på kunden. Den bedömer aldrig dina känslor. De här signalerna visas bara för dig, finns bara under samtalet och sparas eller skickas aldrig.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="186" />
        <location filename="../agent/privacy/texts.py" line="94" />
        <source>What leaves this computer</source>
        <translation>Vad som lämnar den här datorn</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="98" />
        <source>Counts only, once per %1 minutes: calls, calls with a frustrated customer, frustrated seconds, calmed-down moments, tips, breathing exercises and declined calls. No audio, no words, no names.</source>
        <translation>Bara antal, en gång per %1 minuter: samtal, samtal med frustrerad kund, frustrerade sekunder, gånger kunden lugnade sig, tips, andningsövningar och avböjda samtal. Inget ljud, inga ord, inga namn.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="106" />
        <source>Team metrics are off on this computer: nothing about your calls leaves it.</source>
        <translation>Teamstatistiken är avstängd på den här datorn: inget om dina samtal lämnar den.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="110" />
        <source>Who sees it</source>
        <translation>Vem som ser det</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="115" />
        <source>Your supervisor sees only your team's totals, and only for %2-minute intervals in which at least %1 computers sent counts; otherwise no numbers at all. Nobody sees your own counts in the dashboard. IT staff who run the message servers could technically tell one computer's counts apart.</source>
        <translation>Din chef ser bara teamets summor, och bara för %2-minutersintervall där minst %1 datorer skickade antal; annars inga siffror alls. Ingen ser dina egna antal i översikten. IT-personal som driver meddelandeservrarna skulle tekniskt kunna skilja ut en enskild dators antal.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="129" />
        <source>Nobody else: your indicator, tips and notes are only on your screen.</source>
        <translation>Ingen annan: din indikator, dina tips och anteckningar finns bara på din skärm.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="133" />
        <source>Callers are told</source>
        <translation>Kunderna informeras</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="138" />
        <source>At the start of each call you read a short notice to the caller. Until you confirm it, the tone of the caller is not analysed. If the caller declines, Lugn stops for the rest of the call.</source>
        <translation>I början av varje samtal läser du upp en kort information för kunden. Tills du bekräftar den analyseras inte kundens tonläge. Om kunden avböjer stoppar Lugn för resten av samtalet.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="145" />
        <source>The phone system tells callers before they reach you. Until it confirms that, the tone is not analysed. If the caller declines, Lugn stops for the rest of the call.</source>
        <translation>Telefonisystemet informerar kunderna innan de kommer fram till dig. Tills det bekräftar det analyseras inte tonläget. Om kunden avböjer stoppar Lugn för resten av samtalet.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="150" />
        <source>Your employer tells callers in another way. If a caller declines, Lugn stops for the call.</source>
        <translation>Din arbetsgivare informerar kunderna på annat sätt. Om en kund avböjer stoppar Lugn för samtalet.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="157" />
        <source>You are in control</source>
        <translation>Du bestämmer</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="161" />
        <source>Pause the analysis at any time: the pause button, the tray menu or your shortcut.</source>
        <translation>Pausa analysen när du vill: pausknappen, menyn i aktivitetsfältet eller ditt kortkommando.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="167" />
        <source>Tone analysis is switched off at this site: Lugn does not analyse callers at all.</source>
        <translation>Tonanalysen är avstängd på den här arbetsplatsen: Lugn analyserar inte kunderna alls.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="173" />
        <source>What leaves this computer…</source>
        <translation>Vad som lämnar datorn…</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="177" />
        <source>Understood</source>
        <translation>Jag förstår</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="181" />
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="191" />
        <source>Team metrics are on: counts go to %1 once per %2 minutes.</source>
        <translation>Teamstatistiken är på: antal skickas till %1 en gång per %2 minuter.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="198" />
        <source>Team metrics are switched on but not connected: counts wait here (once per %1 minutes) and are not sent.</source>
        <translation>Teamstatistiken är påslagen men inte ansluten: antalen väntar här (en gång per %1 minuter) och skickas inte.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="206" />
        <source>Team metrics are off: nothing about your calls leaves this computer.</source>
        <translation>Teamstatistiken är avstängd: inget om dina samtal lämnar den här datorn.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="210" />
        <source>Counted now, sent after %1</source>
        <translation>Räknas nu, skickas efter %1</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="214" />
        <source>Nothing counted yet in this interval.</source>
        <translation>Inget räknat ännu i det här intervallet.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="218" />
        <source>Waiting to be sent: %1</source>
        <translation>Väntar på att skickas: %1</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="222" />
        <source>Nothing is waiting to be sent.</source>
        <translation>Inget väntar på att skickas.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="226" />
        <source>Last sent, confirmed at %1</source>
        <translation>Senast skickat, bekräftat %1</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="230" />
        <source>Nothing has been sent since Lugn started.</source>
        <translation>Inget har skickats sedan Lugn startade.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="234" />
        <source>What your supervisor sees for the team</source>
        <translation>Vad din chef ser för teamet</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="238" />
        <source>An interval in which fewer than %1 computers of your team sent counts: no numbers at all.</source>
        <translation>Ett intervall där färre än %1 datorer i ditt team skickade antal: inga siffror alls.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="244" />
        <source>An interval with at least %1 computers: only the team's totals, like this example (made-up numbers).</source>
        <translation>Ett intervall med minst %1 datorer: bara teamets summor, som i det här exemplet (påhittade siffror).</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="252" />
        <source>Not enough computers: no figures</source>
        <translation>För få datorer: inga siffror</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="256" />
        <source>Computers that sent counts</source>
        <translation>Datorer som skickade antal</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="260" />
        <source>Share of calls with a frustrated customer</source>
        <translation>Andel samtal med frustrerad kund</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="264" />
        <source>For IT: this computer's status</source>
        <translation>För IT: datorns status</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="268" />
        <source>Whether Lugn is running, its versions, and how many counts wait to be sent. Nothing about calls.</source>
        <translation>Om Lugn körs, dess versioner och hur många antal som väntar på att skickas. Inget om samtal.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="275" />
        <source>Show the exact messages (JSON)</source>
        <translation>Visa de exakta meddelandena (JSON)</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="279" />
        <source>Show in words</source>
        <translation>Visa i ord</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="284" />
        <source>Shared: nothing (team metrics are off).</source>
        <translation>Delas: inget (teamstatistiken är avstängd).</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="288" />
        <source>Shared: only one “declined” count; nothing else of this call.</source>
        <translation>Delas: bara ett ”avböjt”; inget annat från samtalet.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="293" />
        <source>Shared, in this computer's %1-minute totals: %2. Your supervisor sees only sums of %3 or more computers.</source>
        <translation>Delas, i datorns %1-minuterssummor: %2. Din chef ser bara summor från %3 eller fler datorer.</translation>
    </message>
</context><context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../agent/settings_dialog.py" line="171" />
        <source>Lugn settings</source>
        <translation>Inställningar för Lugn</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="173" />
        <source>Your IT department's settings could not all be read. Lugn runs with safe defaults for now.</source>
        <translation>IT-avdelningens inställningar kunde inte läsas helt. Lugn använder säkra standardval så länge.</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="177" />
        <source>Audio</source>
        <translation>Ljud</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="178" />
        <source>Your microphone</source>
        <translation>Din mikrofon</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="179" />
        <source>Customer audio</source>
        <translation>Kundens ljud</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="180" />
        <source>Headset default</source>
        <translation>Headsetet (standard)</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="181" />
        <source>Automatic (headset output)</source>
        <translation>Automatiskt (headsetets utgång)</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="183" />
        <source>Audio devices cannot be listed on this computer.</source>
        <translation>Det går inte att visa ljudenheterna på den här datorn.</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="185" />
        <source>New audio sources are used from the next start of Lugn.</source>
        <translation>Nya ljudkällor används nästa gång Lugn startar.</translation>
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
        <translation>Automatiskt (systemets språk)</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="195" />
        <source>Coaching</source>
        <translation>Coachning</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="196" />
        <source>Show empathy tips</source>
        <translation>Visa empatitips</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="197" />
        <source>Show cues about my delivery</source>
        <translation>Visa tips om mitt tempo och min ljudnivå</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="198" />
        <source>Offer breathing exercises</source>
        <translation>Föreslå andningsövningar</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="200" />
        <source>Set by your IT department</source>
        <translation>Inställt av IT-avdelningen</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="201" />
        <source>Save</source>
        <translation>Spara</translation>
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
        <translation>Återuppta analysen</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="110" />
        <source>Pause analysis</source>
        <translation>Pausa analysen</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="112" />
        <source>Breathing exercise</source>
        <translation>Andningsövning</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="113" />
        <source>Dismiss tip</source>
        <translation>Stäng tipset</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="114" />
        <source>Caller was told</source>
        <translation>Kunden är informerad</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="115" />
        <source>Caller declined</source>
        <translation>Kunden avböjde</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="116" />
        <source>What Lugn does…</source>
        <translation>Vad Lugn gör…</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="117" />
        <source>What leaves this computer…</source>
        <translation>Vad som lämnar datorn…</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="118" />
        <source>Settings…</source>
        <translation>Inställningar…</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="119" />
        <source>Quit Lugn</source>
        <translation>Avsluta Lugn</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="127" />
        <source>Customer tone: %1</source>
        <translation>Kundens ton: %1</translation>
    </message>
</context></TS>
