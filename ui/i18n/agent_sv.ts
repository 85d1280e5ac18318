<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE" sourcelanguage="en_GB">
    <context>
    <name>AgentApp</name>
    <message>
        <location filename="../agent/app.py" line="205" />
        <source>Settings not saved</source>
        <translation>Inställningarna sparades inte</translation>
    </message>
</context><context>
    <name>Indicator</name>
    <message>
        <location filename="../agent/look.py" line="93" />
        <source>No call</source>
        <translation>Inget samtal</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="94" />
        <source>Listening</source>
        <translation>Lyssnar</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="95" />
        <source>Paused</source>
        <translation>Pausad</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="96" />
        <source>No analysis</source>
        <translation>Ingen analys</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="97" />
        <source>Headset lost</source>
        <translation>Headset saknas</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="98" />
        <source>Calm</source>
        <translation>Sansad</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="99" />
        <source>Uneasy</source>
        <translation>Spänd</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="100" />
        <source>Frustrated</source>
        <translation>Frustrerad</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="107" />
        <source>Customer tone</source>
        <translation>Kundens ton</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="109" />
        <source>Waiting for a call</source>
        <translation>Väntar på samtal</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="110" />
        <source>Listening to the customer</source>
        <translation>Lyssnar på kunden</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="111" />
        <source>Analysis is paused</source>
        <translation>Analysen är pausad</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="112" />
        <source>Tone analysis is unavailable</source>
        <translation>Tonanalysen fungerar inte just nu</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="113" />
        <source>Check the headset connection</source>
        <translation>Kontrollera att headsetet är anslutet</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="119" />
        <source>rising</source>
        <translation>ökar</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="120" />
        <source>steady</source>
        <translation>stabil</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="121" />
        <source>easing</source>
        <translation>lugnar sig</translation>
    </message>
</context><context>
    <name>IndicatorView</name>
    <message>
        <location filename="../agent/indicator.py" line="223" />
        <source>Breathing exercise</source>
        <translation>Andningsövning</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="224" />
        <source>Start a breathing exercise</source>
        <translation>Starta en andningsövning</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="239" />
        <source>Team metrics paused</source>
        <translation>Teamstatistik pausad</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="241" />
        <source>Pause analysis</source>
        <translation>Pausa analysen</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="241" />
        <source>Resume analysis</source>
        <translation>Återuppta analysen</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="246" />
        <source>Customer tone: %1, %2</source>
        <translation>Kundens ton: %1, %2</translation>
    </message>
</context><context>
    <name>IndicatorWindow</name>
    <message>
        <location filename="../agent/indicator.py" line="360" />
        <location filename="../agent/indicator.py" line="359" />
        <source>Lugn – customer tone</source>
        <translation>Lugn – kundens ton</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="408" />
        <source>Breathing exercise</source>
        <translation>Andningsövning</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="411" />
        <source>Settings…</source>
        <translation>Inställningar…</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="412" />
        <source>Quit Lugn</source>
        <translation>Avsluta Lugn</translation>
    </message>
</context><context>
    <name>KioskWindow</name>
    <message>
        <location filename="../agent/kiosk.py" line="238" />
        <source>Lugn – customer tone</source>
        <translation>Lugn – kundens ton</translation>
    </message>
    <message>
        <location filename="../agent/kiosk.py" line="239" />
        <source>IT</source>
        <translation>IT</translation>
    </message>
    <message>
        <location filename="../agent/kiosk.py" line="241" />
        <location filename="../agent/kiosk.py" line="240" />
        <source>Leave kiosk mode (IT only)</source>
        <translation>Lämna kioskläget (endast IT)</translation>
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
        <location filename="../agent/tray.py" line="86" />
        <source>Resume analysis</source>
        <translation>Återuppta analysen</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="86" />
        <source>Pause analysis</source>
        <translation>Pausa analysen</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="88" />
        <source>Breathing exercise</source>
        <translation>Andningsövning</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="89" />
        <source>Dismiss tip</source>
        <translation>Stäng tipset</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="90" />
        <source>Settings…</source>
        <translation>Inställningar…</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="91" />
        <source>Quit Lugn</source>
        <translation>Avsluta Lugn</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="99" />
        <source>Customer tone: %1</source>
        <translation>Kundens ton: %1</translation>
    </message>
</context></TS>
