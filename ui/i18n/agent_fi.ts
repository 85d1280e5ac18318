<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fi_FI" sourcelanguage="en_GB">
    <context>
    <name>AgentApp</name>
    <message>
        <location filename="../agent/app.py" line="199" />
        <source>Settings not saved</source>
        <translation>Asetuksia ei tallennettu</translation>
    </message>
</context><context>
    <name>Indicator</name>
    <message>
        <location filename="../agent/look.py" line="43" />
        <source>No call</source>
        <translation>Ei puhelua</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="44" />
        <source>Listening</source>
        <translation>Kuunnellaan</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="45" />
        <source>Paused</source>
        <translation>Tauolla</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="46" />
        <source>No analysis</source>
        <translation>Ei analyysia</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="47" />
        <source>Headset lost</source>
        <translation>Kuulokkeet irti</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="48" />
        <source>Calm</source>
        <translation>Rauhallinen</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="49" />
        <source>Uneasy</source>
        <translation>Kireä</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="50" />
        <source>Frustrated</source>
        <translation>Turhautunut</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="57" />
        <source>Customer tone</source>
        <translation>Asiakkaan äänensävy</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="59" />
        <source>Waiting for a call</source>
        <translation>Odotetaan puhelua</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="60" />
        <source>Listening to the customer</source>
        <translation>Kuunnellaan asiakasta</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="61" />
        <source>Analysis is paused</source>
        <translation>Analyysi on tauolla</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="62" />
        <source>Tone analysis is unavailable</source>
        <translation>Sävyanalyysi ei ole nyt käytössä</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="63" />
        <source>Check the headset connection</source>
        <translation>Tarkista, että kuulokkeet on kytketty</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="69" />
        <source>rising</source>
        <translation>kiristyy</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="70" />
        <source>steady</source>
        <translation>tasainen</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="71" />
        <source>easing</source>
        <translation>rauhoittuu</translation>
    </message>
</context><context>
    <name>IndicatorView</name>
    <message>
        <location filename="../agent/indicator.py" line="216" />
        <source>Breathing exercise</source>
        <translation>Hengitysharjoitus</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="217" />
        <source>Start a breathing exercise</source>
        <translation>Aloita hengitysharjoitus</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="232" />
        <source>Team metrics paused</source>
        <translation>Tiimitilastot tauolla</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="234" />
        <source>Pause analysis</source>
        <translation>Keskeytä analyysi</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="234" />
        <source>Resume analysis</source>
        <translation>Jatka analyysia</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="239" />
        <source>Customer tone: %1, %2</source>
        <translation>Asiakkaan äänensävy: %1, %2</translation>
    </message>
</context><context>
    <name>IndicatorWindow</name>
    <message>
        <location filename="../agent/indicator.py" line="342" />
        <source>Lugn – customer tone</source>
        <translation>Lugn – asiakkaan äänensävy</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="384" />
        <source>Breathing exercise</source>
        <translation>Hengitysharjoitus</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="387" />
        <source>Settings…</source>
        <translation>Asetukset…</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="388" />
        <source>Quit Lugn</source>
        <translation>Sulje Lugn</translation>
    </message>
</context><context>
    <name>KioskWindow</name>
    <message>
        <location filename="../agent/kiosk.py" line="149" />
        <source>Lugn – customer tone</source>
        <translation>Lugn – asiakkaan äänensävy</translation>
    </message>
    <message>
        <location filename="../agent/kiosk.py" line="150" />
        <source>IT</source>
        <translation>IT</translation>
    </message>
    <message>
        <location filename="../agent/kiosk.py" line="152" />
        <location filename="../agent/kiosk.py" line="151" />
        <source>Leave kiosk mode (IT only)</source>
        <translation>Poistu kioskitilasta (vain IT)</translation>
    </message>
</context><context>
    <name>PinDialog</name>
    <message>
        <location filename="../agent/kiosk.py" line="80" />
        <source>Leave kiosk mode</source>
        <translation>Poistu kioskitilasta</translation>
    </message>
    <message>
        <location filename="../agent/kiosk.py" line="81" />
        <source>Enter the PIN from your IT department.</source>
        <translation>Anna IT-tuelta saamasi PIN-koodi.</translation>
    </message>
    <message>
        <location filename="../agent/kiosk.py" line="82" />
        <source>PIN</source>
        <translation>PIN-koodi</translation>
    </message>
    <message>
        <location filename="../agent/kiosk.py" line="83" />
        <source>Leave kiosk</source>
        <translation>Poistu</translation>
    </message>
    <message>
        <location filename="../agent/kiosk.py" line="84" />
        <source>Cancel</source>
        <translation>Peruuta</translation>
    </message>
    <message numerus="yes">
        <location filename="../agent/kiosk.py" line="95" />
        <source>Too many attempts. Try again in %n s.</source>
        <translation>
            <numerusform>Liian monta yritystä. Yritä uudelleen %n sekunnin kuluttua.</numerusform>
            <numerusform>Liian monta yritystä. Yritä uudelleen %n sekunnin kuluttua.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../agent/kiosk.py" line="107" />
        <source>Wrong PIN.</source>
        <translation>Väärä PIN-koodi.</translation>
    </message>
</context><context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../agent/settings_dialog.py" line="161" />
        <source>Lugn settings</source>
        <translation>Lugnin asetukset</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="163" />
        <source>Your IT department's settings could not all be read. Lugn runs with safe defaults for now.</source>
        <translation>Kaikkia IT-tuen asetuksia ei voitu lukea. Lugn käyttää toistaiseksi turvallisia oletuksia.</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="167" />
        <source>Audio</source>
        <translation>Ääni</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="168" />
        <source>Your microphone</source>
        <translation>Oma mikrofoni</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="169" />
        <source>Customer audio</source>
        <translation>Asiakkaan ääni</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="170" />
        <source>Headset default</source>
        <translation>Kuulokkeiden oletus</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="171" />
        <source>Automatic (headset output)</source>
        <translation>Automaattinen (kuulokkeiden ääni)</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="173" />
        <source>Audio devices cannot be listed on this computer.</source>
        <translation>Äänilaitteita ei voi näyttää tällä tietokoneella.</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="175" />
        <source>New audio sources are used from the next start of Lugn.</source>
        <translation>Uudet äänilähteet otetaan käyttöön, kun Lugn käynnistetään seuraavan kerran.</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="176" />
        <source>Language</source>
        <translation>Kieli</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="177" />
        <source>Automatic (system language)</source>
        <translation>Automaattinen (järjestelmän kieli)</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="178" />
        <source>Coaching</source>
        <translation>Valmennus</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="179" />
        <source>Show empathy tips</source>
        <translation>Näytä empatiavinkit</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="180" />
        <source>Show cues about my delivery</source>
        <translation>Näytä vinkit puhetahdistani ja äänenvoimakkuudestani</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="181" />
        <source>Offer breathing exercises</source>
        <translation>Ehdota hengitysharjoituksia</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="183" />
        <source>Set by your IT department</source>
        <translation>IT-tuen määrittämä</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="184" />
        <source>Save</source>
        <translation>Tallenna</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="185" />
        <source>Cancel</source>
        <translation>Peruuta</translation>
    </message>
</context><context>
    <name>TrayController</name>
    <message>
        <location filename="../agent/tray.py" line="74" />
        <source>Resume analysis</source>
        <translation>Jatka analyysia</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="74" />
        <source>Pause analysis</source>
        <translation>Keskeytä analyysi</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="75" />
        <source>Breathing exercise</source>
        <translation>Hengitysharjoitus</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="76" />
        <source>Dismiss tip</source>
        <translation>Sulje vinkki</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="77" />
        <source>Settings…</source>
        <translation>Asetukset…</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="78" />
        <source>Quit Lugn</source>
        <translation>Sulje Lugn</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="82" />
        <source>Lugn: %1</source>
        <translation>Lugn: %1</translation>
    </message>
</context></TS>
