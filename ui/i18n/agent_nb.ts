<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb_NO" sourcelanguage="en_GB">
    <context>
    <name>AgentApp</name>
    <message>
        <location filename="../agent/app.py" line="205" />
        <source>Settings not saved</source>
        <translation>Innstillingene ble ikke lagret</translation>
    </message>
</context><context>
    <name>Indicator</name>
    <message>
        <location filename="../agent/look.py" line="93" />
        <source>No call</source>
        <translation>Ingen samtale</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="94" />
        <source>Listening</source>
        <translation>Lytter</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="95" />
        <source>Paused</source>
        <translation>På pause</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="96" />
        <source>No analysis</source>
        <translation>Ingen analyse</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="97" />
        <source>Headset lost</source>
        <translation>Hodesett frakoblet</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="98" />
        <source>Calm</source>
        <translation>Rolig</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="99" />
        <source>Uneasy</source>
        <translation>Anspent</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="100" />
        <source>Frustrated</source>
        <translation>Frustrert</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="107" />
        <source>Customer tone</source>
        <translation>Kundens tone</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="109" />
        <source>Waiting for a call</source>
        <translation>Venter på samtale</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="110" />
        <source>Listening to the customer</source>
        <translation>Lytter til kunden</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="111" />
        <source>Analysis is paused</source>
        <translation>Analysen er satt på pause</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="112" />
        <source>Tone analysis is unavailable</source>
        <translation>Toneanalysen er ikke tilgjengelig</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="113" />
        <source>Check the headset connection</source>
        <translation>Sjekk at hodesettet er koblet til</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="119" />
        <source>rising</source>
        <translation>stiger</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="120" />
        <source>steady</source>
        <translation>stabil</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="121" />
        <source>easing</source>
        <translation>roer seg</translation>
    </message>
</context><context>
    <name>IndicatorView</name>
    <message>
        <location filename="../agent/indicator.py" line="223" />
        <source>Breathing exercise</source>
        <translation>Pusteøvelse</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="224" />
        <source>Start a breathing exercise</source>
        <translation>Start en pusteøvelse</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="239" />
        <source>Team metrics paused</source>
        <translation>Teamstatistikk satt på pause</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="241" />
        <source>Pause analysis</source>
        <translation>Sett analysen på pause</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="241" />
        <source>Resume analysis</source>
        <translation>Fortsett analysen</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="246" />
        <source>Customer tone: %1, %2</source>
        <translation>Kundens tone: %1, %2</translation>
    </message>
</context><context>
    <name>IndicatorWindow</name>
    <message>
        <location filename="../agent/indicator.py" line="360" />
        <location filename="../agent/indicator.py" line="359" />
        <source>Lugn – customer tone</source>
        <translation>Lugn – kundens tone</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="408" />
        <source>Breathing exercise</source>
        <translation>Pusteøvelse</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="411" />
        <source>Settings…</source>
        <translation>Innstillinger…</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="412" />
        <source>Quit Lugn</source>
        <translation>Avslutt Lugn</translation>
    </message>
</context><context>
    <name>KioskWindow</name>
    <message>
        <location filename="../agent/kiosk.py" line="238" />
        <source>Lugn – customer tone</source>
        <translation>Lugn – kundens tone</translation>
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
        <translation>Gå ut av kioskmodus (kun IT)</translation>
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
        <location filename="../agent/tray.py" line="86" />
        <source>Resume analysis</source>
        <translation>Fortsett analysen</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="86" />
        <source>Pause analysis</source>
        <translation>Sett analysen på pause</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="88" />
        <source>Breathing exercise</source>
        <translation>Pusteøvelse</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="89" />
        <source>Dismiss tip</source>
        <translation>Lukk tipset</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="90" />
        <source>Settings…</source>
        <translation>Innstillinger…</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="91" />
        <source>Quit Lugn</source>
        <translation>Avslutt Lugn</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="99" />
        <source>Customer tone: %1</source>
        <translation>Kundens tone: %1</translation>
    </message>
</context></TS>
