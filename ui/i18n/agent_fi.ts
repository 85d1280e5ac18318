<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fi_FI" sourcelanguage="en_GB">
    <context>
    <name>AgentApp</name>
    <message>
        <location filename="../agent/app.py" line="205" />
        <source>Settings not saved</source>
        <translation>Asetuksia ei tallennettu</translation>
    </message>
</context><context>
    <name>Indicator</name>
    <message>
        <location filename="../agent/look.py" line="93" />
        <source>No call</source>
        <translation>Ei puhelua</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="94" />
        <source>Listening</source>
        <translation>Kuunnellaan</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="95" />
        <source>Paused</source>
        <translation>Tauolla</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="96" />
        <source>No analysis</source>
        <translation>Ei analyysia</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="97" />
        <source>Headset lost</source>
        <translation>Kuulokkeet irti</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="98" />
        <source>Calm</source>
        <translation>Rauhallinen</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="99" />
        <source>Uneasy</source>
        <translation>Kireä</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="100" />
        <source>Frustrated</source>
        <translation>Turhautunut</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="107" />
        <source>Customer tone</source>
        <translation>Asiakkaan äänensävy</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="109" />
        <source>Waiting for a call</source>
        <translation>Odotetaan puhelua</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="110" />
        <source>Listening to the customer</source>
        <translation>Kuunnellaan asiakasta</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="111" />
        <source>Analysis is paused</source>
        <translation>Analyysi on tauolla</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="112" />
        <source>Tone analysis is unavailable</source>
        <translation>Sävyanalyysi ei ole nyt käytössä</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="113" />
        <source>Check the headset connection</source>
        <translation>Tarkista, että kuulokkeet on kytketty</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="119" />
        <source>rising</source>
        <translation>kiristyy</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="120" />
        <source>steady</source>
        <translation>tasainen</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="121" />
        <source>easing</source>
        <translation>rauhoittuu</translation>
    </message>
</context><context>
    <name>IndicatorView</name>
    <message>
        <location filename="../agent/indicator.py" line="223" />
        <source>Breathing exercise</source>
        <translation>Hengitysharjoitus</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="224" />
        <source>Start a breathing exercise</source>
        <translation>Aloita hengitysharjoitus</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="239" />
        <source>Team metrics paused</source>
        <translation>Tiimitilastot tauolla</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="241" />
        <source>Pause analysis</source>
        <translation>Tauota analyysi</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="241" />
        <source>Resume analysis</source>
        <translation>Jatka analyysia</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="246" />
        <source>Customer tone: %1, %2</source>
        <translation>Asiakkaan äänensävy: %1, %2</translation>
    </message>
</context><context>
    <name>IndicatorWindow</name>
    <message>
        <location filename="../agent/indicator.py" line="360" />
        <location filename="../agent/indicator.py" line="359" />
        <source>Lugn – customer tone</source>
        <translation>Lugn – asiakkaan äänensävy</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="408" />
        <source>Breathing exercise</source>
        <translation>Hengitysharjoitus</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="411" />
        <source>Settings…</source>
        <translation>Asetukset…</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="412" />
        <source>Quit Lugn</source>
        <translation>Sulje Lugn</translation>
    </message>
</context><context>
    <name>KioskWindow</name>
    <message>
        <location filename="../agent/kiosk.py" line="238" />
        <source>Lugn – customer tone</source>
        <translation>Lugn – asiakkaan äänensävy</translation>
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
        <translation>Poistu kioskitilasta (vain IT)</translation>
    </message>
</context><context>
    <name>PinDialog</name>
    <message>
        <location filename="../agent/kiosk.py" line="146" />
        <source>Leave kiosk mode</source>
        <translation>Poistu kioskitilasta</translation>
    </message>
    <message>
        <location filename="../agent/kiosk.py" line="147" />
        <source>Enter the PIN from your IT department.</source>
        <translation>Anna IT-tuelta saamasi PIN-koodi.</translation>
    </message>
    <message>
        <location filename="../agent/kiosk.py" line="148" />
        <source>PIN</source>
        <translation>PIN-koodi</translation>
    </message>
    <message>
        <location filename="../agent/kiosk.py" line="149" />
        <source>Leave kiosk</source>
        <translation>Poistu</translation>
    </message>
    <message>
        <location filename="../agent/kiosk.py" line="150" />
        <source>Cancel</source>
        <translation>Peruuta</translation>
    </message>
    <message numerus="yes">
        <location filename="../agent/kiosk.py" line="161" />
        <source>Too many attempts. Try again in %n s.</source>
        <translation>
            <numerusform>Liian monta yritystä. Yritä uudelleen %n sekunnin kuluttua.</numerusform>
            <numerusform>Liian monta yritystä. Yritä uudelleen %n sekunnin kuluttua.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../agent/kiosk.py" line="171" />
        <source>Wrong PIN.</source>
        <translation>Väärä PIN-koodi.</translation>
    </message>
</context><context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../agent/settings_dialog.py" line="171" />
        <source>Lugn settings</source>
        <translation>Lugnin asetukset</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="173" />
        <source>Your IT department's settings could not all be read. Lugn runs with safe defaults for now.</source>
        <translation>Kaikkia IT-tuen asetuksia ei voitu lukea. Lugn käyttää toistaiseksi turvallisia oletuksia.</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="177" />
        <source>Audio</source>
        <translation>Ääni</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="178" />
        <source>Your microphone</source>
        <translation>Oma mikrofoni</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="179" />
        <source>Customer audio</source>
        <translation>Asiakkaan ääni</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="180" />
        <source>Headset default</source>
        <translation>Kuulokkeiden oletus</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="181" />
        <source>Automatic (headset output)</source>
        <translation>Automaattinen (kuulokkeiden ääni)</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="183" />
        <source>Audio devices cannot be listed on this computer.</source>
        <translation>Äänilaitteita ei voi näyttää tällä tietokoneella.</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="185" />
        <source>New audio sources are used from the next start of Lugn.</source>
        <translation>Uudet äänilähteet otetaan käyttöön, kun Lugn käynnistetään seuraavan kerran.</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="186" />
        <source>Language</source>
        <translation>Kieli</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="187" />
        <source>Language of Lugn</source>
        <translation>Lugnin kieli</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="194" />
        <source>Automatic (system language)</source>
        <translation>Automaattinen (järjestelmän kieli)</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="195" />
        <source>Coaching</source>
        <translation>Valmennus</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="196" />
        <source>Show empathy tips</source>
        <translation>Näytä empatiavinkit</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="197" />
        <source>Show cues about my delivery</source>
        <translation>Näytä vinkit puhetahdistani ja äänenvoimakkuudestani</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="198" />
        <source>Offer breathing exercises</source>
        <translation>Ehdota hengitysharjoituksia</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="200" />
        <source>Set by your IT department</source>
        <translation>IT-tuen määrittämä</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="201" />
        <source>Save</source>
        <translation>Tallenna</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="202" />
        <source>Cancel</source>
        <translation>Peruuta</translation>
    </message>
</context><context>
    <name>TrayController</name>
    <message>
        <location filename="../agent/tray.py" line="86" />
        <source>Resume analysis</source>
        <translation>Jatka analyysia</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="86" />
        <source>Pause analysis</source>
        <translation>Tauota analyysi</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="88" />
        <source>Breathing exercise</source>
        <translation>Hengitysharjoitus</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="89" />
        <source>Dismiss tip</source>
        <translation>Sulje vinkki</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="90" />
        <source>Settings…</source>
        <translation>Asetukset…</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="91" />
        <source>Quit Lugn</source>
        <translation>Sulje Lugn</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="99" />
        <source>Customer tone: %1</source>
        <translation>Asiakkaan äänensävy: %1</translation>
    </message>
</context></TS>
