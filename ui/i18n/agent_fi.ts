<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fi_FI" sourcelanguage="en_GB">
    <context>
    <name>AgentApp</name>
    <message>
        <location filename="../agent/app.py" line="287" />
        <source>Your settings could not be written to %1 (%2). Lugn goes on as before; if this keeps happening, tell IT.</source>
        <translation>Asetuksiasi ei voitu tallentaa kohteeseen %1 (%2). Lugn jatkaa entiseen tapaan; kerro IT-tuelle, jos tämä toistuu.</translation>
    </message>
    <message>
        <location filename="../agent/app.py" line="292" />
        <source>Settings not saved</source>
        <translation>Asetuksia ei tallennettu</translation>
    </message>
</context><context>
    <name>Indicator</name>
    <message>
        <location filename="../agent/look.py" line="97" />
        <source>No call</source>
        <translation>Ei puhelua</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="98" />
        <source>Listening</source>
        <translation>Kuunnellaan</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="99" />
        <source>Paused</source>
        <translation>Tauolla</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="100" />
        <source>No analysis</source>
        <translation>Ei analyysia</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="101" />
        <source>Headset lost</source>
        <translation>Kuulokkeet irti</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="102" />
        <source>Calm</source>
        <translation>Rauhallinen</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="103" />
        <source>Uneasy</source>
        <translation>Kireä</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="104" />
        <source>Frustrated</source>
        <translation>Turhautunut</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="105" />
        <source>Notice first</source>
        <translation>Kerro ensin</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="106" />
        <source>Waiting for IVR</source>
        <translation>Odottaa IVR:ää</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="107" />
        <source>Declined</source>
        <translation>Kieltäytyi</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="108" />
        <source>Tone off</source>
        <translation>Analyysi pois</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="115" />
        <source>Customer tone</source>
        <translation>Asiakkaan äänensävy</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="117" />
        <source>Waiting for a call</source>
        <translation>Odotetaan puhelua</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="118" />
        <source>Listening to the customer</source>
        <translation>Kuunnellaan asiakasta</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="119" />
        <source>Analysis is paused</source>
        <translation>Analyysi on tauolla</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="120" />
        <source>Tone analysis is unavailable</source>
        <translation>Sävyanalyysi ei ole nyt käytössä</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="121" />
        <source>Check the headset connection</source>
        <translation>Tarkista, että kuulokkeet on kytketty</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="122" />
        <source>No analysis before the notice</source>
        <translation>Ei analyysia ennen ilmoitusta</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="125" />
        <source>The IVR tells the caller first</source>
        <translation>IVR kertoo ensin soittajalle</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="126" />
        <source>Caller declined: no analysis</source>
        <translation>Soittaja kieltäytyi: ei analyysia</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="127" />
        <source>Switched off for this site</source>
        <translation>Pois käytöstä toimipisteessä</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="133" />
        <source>rising</source>
        <translation>kiristyy</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="134" />
        <source>steady</source>
        <translation>tasainen</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="135" />
        <source>easing</source>
        <translation>rauhoittuu</translation>
    </message>
</context><context>
    <name>IndicatorView</name>
    <message>
        <location filename="../agent/indicator.py" line="126" />
        <source>Breathing exercise</source>
        <translation>Hengitysharjoitus</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="127" />
        <source>Start a breathing exercise</source>
        <translation>Aloita hengitysharjoitus</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="142" />
        <source>Team metrics paused</source>
        <translation>Tiimitilastot tauolla</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="144" />
        <source>Pause analysis</source>
        <translation>Tauota analyysi</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="144" />
        <source>Resume analysis</source>
        <translation>Jatka analyysia</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="149" />
        <source>Customer tone: %1, %2</source>
        <translation>Asiakkaan äänensävy: %1, %2</translation>
    </message>
</context><context>
    <name>IndicatorWindow</name>
    <message>
        <location filename="../agent/indicator.py" line="264" />
        <location filename="../agent/indicator.py" line="263" />
        <source>Lugn – customer tone</source>
        <translation>Lugn – asiakkaan äänensävy</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="315" />
        <source>Breathing exercise</source>
        <translation>Hengitysharjoitus</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="318" />
        <source>Settings…</source>
        <translation>Asetukset…</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="319" />
        <source>Quit Lugn</source>
        <translation>Sulje Lugn</translation>
    </message>
</context><context>
    <name>KioskWindow</name>
    <message>
        <location filename="../agent/kiosk.py" line="245" />
        <source>Lugn – customer tone</source>
        <translation>Lugn – asiakkaan äänensävy</translation>
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
        <translation>Poistu kioskitilasta (vain IT)</translation>
    </message>
    <message>
        <location filename="../agent/kiosk.py" line="249" />
        <source>What Lugn does and what leaves this computer</source>
        <translation>Mitä Lugn tekee ja mitä tietokoneelta lähtee</translation>
    </message>
</context><context>
    <name>Notice</name>
    <message>
        <location filename="../agent/notice.py" line="102" />
        <source>Tell the caller first</source>
        <translation>Kerro ensin soittajalle</translation>
    </message>
    <message>
        <location filename="../agent/notice.py" line="105" />
        <source>No tone analysis until you confirm. Read aloud, in the caller's language:</source>
        <translation>Ei sävyanalyysia ennen kuin vahvistat. Lue ääneen soittajan kielellä:</translation>
    </message>
    <message>
        <location filename="../agent/notice.py" line="107" />
        <source>Told</source>
        <translation>Kerrottu</translation>
    </message>
    <message>
        <location filename="../agent/notice.py" line="107" />
        <source>Declined</source>
        <translation>Kieltäytyi</translation>
    </message>
    <message>
        <location filename="../agent/notice.py" line="114" />
        <source>The caller was told: start the tone analysis</source>
        <translation>Soittajalle on kerrottu: aloita sävyanalyysi</translation>
    </message>
    <message>
        <location filename="../agent/notice.py" line="115" />
        <source>The caller declined: no tone analysis this call</source>
        <translation>Soittaja kieltäytyi: ei sävyanalyysia tässä puhelussa</translation>
    </message>
    <message>
        <location filename="../agent/notice.py" line="130" />
        <source>Caller notice answered</source>
        <translation>Soittajan ilmoitus on kuitattu</translation>
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
    <name>Privacy</name>
    <message>
        <location filename="../agent/privacy/texts.py" line="25" />
        <source>Calls</source>
        <translation>Puhelut</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="26" />
        <source>Calls with a frustrated customer</source>
        <translation>Puhelut, joissa asiakas oli turhautunut</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="27" />
        <source>Seconds the customer sounded frustrated</source>
        <translation>Sekunnit, joina asiakas kuulosti turhautuneelta</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="28" />
        <source>Times a frustrated customer calmed down</source>
        <translation>Kerrat, joina turhautunut asiakas rauhoittui</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="29" />
        <source>Tips shown</source>
        <translation>Näytetyt vinkit</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="30" />
        <source>Tips you closed</source>
        <translation>Sulkemasi vinkit</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="31" />
        <source>Breathing exercises offered</source>
        <translation>Tarjotut hengitysharjoitukset</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="32" />
        <source>Breathing exercises taken</source>
        <translation>Tehdyt hengitysharjoitukset</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="33" />
        <source>Calls where the caller declined</source>
        <translation>Puhelut, joissa soittaja kieltäytyi</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="39" />
        <source>Message format</source>
        <translation>Viestimuoto</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="40" />
        <source>Site</source>
        <translation>Toimipiste</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="41" />
        <source>Your team</source>
        <translation>Tiimisi</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="42" />
        <source>Time interval</source>
        <translation>Aikaväli</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="43" />
        <source>Random number (so a resent message counts once)</source>
        <translation>Satunnaisluku (jotta uudelleen lähetetty viesti lasketaan kerran)</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="44" />
        <source>Sent to (MQTT topic)</source>
        <translation>Vastaanottaja (MQTT-aihe)</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="64" />
        <source>What Lugn does during your calls</source>
        <translation>Mitä Lugn tekee puhelujesi aikana</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="68" />
        <source>Only the customer's voice is tone-analysed</source>
        <translation>Vain asiakkaan äänen sävy analysoidaan</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="72" />
        <source>A small model on this computer estimates from the sound of the customer's voice – not the words – whether they sound calm, uneasy or frustrated. Nothing is recorded.</source>
        <translation>Pieni malli tällä tietokoneella arvioi asiakkaan äänestä – ei sanoista – kuulostaako asiakas rauhalliselta, levottomalta vai turhautuneelta. Mitään ei tallenneta.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="80" />
        <source>Your own voice: pace, loudness and overlap only</source>
        <translation>Oma äänesi: vain puhenopeus, äänenvoimakkuus ja päällekkäin puhuminen</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="84" />
        <source>From your microphone Lugn measures how fast and how loud you speak and whether you talk over the customer. It never judges your emotions. These cues are shown only to you, kept only during the call, and never stored or sent.</source>
        <translation>Mikrofonistasi Lugn mittaa, kuinka nopeasti ja kovaa puhut ja puhutko asiakkaan päälle. Se ei koskaan arvioi tunteitasi. Nämä vihjeet näkyvät vain sinulle, säilyvät vain puhelun ajan eikä niitä koskaan tallenneta tai lähetetä.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="186" />
        <location filename="../agent/privacy/texts.py" line="94" />
        <source>What leaves this computer</source>
        <translation>Mitä tältä tietokoneelta lähtee</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="98" />
        <source>Counts only, once per %1 minutes: calls, calls with a frustrated customer, frustrated seconds, calmed-down moments, tips, breathing exercises and declined calls. No audio, no words, no names.</source>
        <translation>Vain lukumääriä, kerran %1 minuutissa: puhelut, puhelut turhautuneen asiakkaan kanssa, turhautuneet sekunnit, rauhoittumiset, vinkit, hengitysharjoitukset ja puhelut, joissa soittaja kieltäytyi. Ei ääntä, ei sanoja, ei nimiä.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="106" />
        <source>Team metrics are off on this computer: nothing about your calls leaves it.</source>
        <translation>Tiimin tilastot ovat pois päältä tällä tietokoneella: mitään puheluistasi ei lähde siltä.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="110" />
        <source>Who sees it</source>
        <translation>Kuka sen näkee</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="115" />
        <source>Your supervisor sees only your team's totals, and only for %2-minute intervals in which at least %1 computers sent counts; otherwise no numbers at all. Nobody sees your own counts in the dashboard. IT staff who run the message servers could technically tell one computer's counts apart.</source>
        <translation>Esihenkilösi näkee vain tiimin summat ja vain %2 minuutin jaksoilta, joilta vähintään %1 tietokonetta lähetti lukumäärät; muuten ei lukuja lainkaan. Kukaan ei näe omia lukujasi näkymässä. Viestipalvelimia ylläpitävä IT-henkilöstö voisi teknisesti erottaa yhden tietokoneen luvut.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="129" />
        <source>Nobody else: your indicator, tips and notes are only on your screen.</source>
        <translation>Ei kukaan muu: ilmaisin, vinkit ja muistiinpanot näkyvät vain omalla näytölläsi.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="133" />
        <source>Callers are told</source>
        <translation>Soittajille kerrotaan</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="138" />
        <source>At the start of each call you read a short notice to the caller. Until you confirm it, the tone of the caller is not analysed. If the caller declines, Lugn stops for the rest of the call.</source>
        <translation>Jokaisen puhelun alussa luet soittajalle lyhyen ilmoituksen. Ennen kuin vahvistat sen, soittajan äänensävyä ei analysoida. Jos soittaja kieltäytyy, Lugn pysähtyy puhelun loppuun asti.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="145" />
        <source>The phone system tells callers before they reach you. Until it confirms that, the tone is not analysed. If the caller declines, Lugn stops for the rest of the call.</source>
        <translation>Puhelinjärjestelmä kertoo soittajille ennen kuin he tavoittavat sinut. Ennen kuin se vahvistaa sen, äänensävyä ei analysoida. Jos soittaja kieltäytyy, Lugn pysähtyy puhelun loppuun asti.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="150" />
        <source>Your employer tells callers in another way. If a caller declines, Lugn stops for the call.</source>
        <translation>Työnantajasi kertoo soittajille muulla tavalla. Jos soittaja kieltäytyy, Lugn pysähtyy puhelun ajaksi.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="157" />
        <source>You are in control</source>
        <translation>Sinä päätät</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="161" />
        <source>Pause the analysis at any time: the pause button, the tray menu or your shortcut.</source>
        <translation>Tauota analyysi milloin tahansa: taukopainike, ilmoitusalueen valikko tai pikanäppäimesi.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="167" />
        <source>Tone analysis is switched off at this site: Lugn does not analyse callers at all.</source>
        <translation>Sävyanalyysi on poistettu käytöstä tässä toimipisteessä: Lugn ei analysoi soittajia lainkaan.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="173" />
        <source>What leaves this computer…</source>
        <translation>Mitä tietokoneelta lähtee…</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="177" />
        <source>Understood</source>
        <translation>Selvä</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="181" />
        <source>Close</source>
        <translation>Sulje</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="191" />
        <source>Team metrics are on: counts go to %1 once per %2 minutes.</source>
        <translation>Tiimin tilastot ovat päällä: lukumäärät lähetetään osoitteeseen %1 kerran %2 minuutissa.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="198" />
        <source>Team metrics are switched on but not connected: counts wait here (once per %1 minutes) and are not sent.</source>
        <translation>Tiimin tilastot ovat päällä, mutta yhteyttä ei ole: lukumäärät odottavat täällä (kerran %1 minuutissa) eikä niitä lähetetä.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="206" />
        <source>Team metrics are off: nothing about your calls leaves this computer.</source>
        <translation>Tiimin tilastot ovat pois päältä: mitään puheluistasi ei lähde tältä tietokoneelta.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="210" />
        <source>Counted now, sent after %1</source>
        <translation>Lasketaan nyt, lähetetään klo %1 jälkeen</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="214" />
        <source>Nothing counted yet in this interval.</source>
        <translation>Tällä jaksolla ei ole vielä laskettu mitään.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="218" />
        <source>Waiting to be sent: %1</source>
        <translation>Odottaa lähetystä: %1</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="222" />
        <source>Nothing is waiting to be sent.</source>
        <translation>Mikään ei odota lähetystä.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="226" />
        <source>Last sent, confirmed at %1</source>
        <translation>Viimeksi lähetetty, vahvistettu %1</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="230" />
        <source>Nothing has been sent since Lugn started.</source>
        <translation>Mitään ei ole lähetetty sen jälkeen, kun Lugn käynnistyi.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="234" />
        <source>What your supervisor sees for the team</source>
        <translation>Mitä esihenkilösi näkee tiimistä</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="238" />
        <source>An interval in which fewer than %1 computers of your team sent counts: no numbers at all.</source>
        <translation>Jakso, jolta alle %1 tiimisi tietokonetta lähetti lukumääriä: ei lukuja lainkaan.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="244" />
        <source>An interval with at least %1 computers: only the team's totals, like this example (made-up numbers).</source>
        <translation>Jakso, jolla on vähintään %1 tietokonetta: vain tiimin summat, kuten tässä esimerkissä (keksityt luvut).</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="252" />
        <source>Not enough computers: no figures</source>
        <translation>Liian vähän tietokoneita: ei lukuja</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="256" />
        <source>Computers that sent counts</source>
        <translation>Lukumääriä lähettäneet tietokoneet</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="260" />
        <source>Share of calls with a frustrated customer</source>
        <translation>Osuus puheluista, joissa asiakas oli turhautunut</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="264" />
        <source>For IT: this computer's status</source>
        <translation>IT:lle: tietokoneen tila</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="268" />
        <source>Whether Lugn is running, its versions, and how many counts wait to be sent. Nothing about calls.</source>
        <translation>Onko Lugn käynnissä, sen versiot ja kuinka monta lukumäärää odottaa lähetystä. Ei mitään puheluista.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="275" />
        <source>Show the exact messages (JSON)</source>
        <translation>Näytä tarkat viestit (JSON)</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="279" />
        <source>Show in words</source>
        <translation>Näytä sanoin</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="284" />
        <source>Shared: nothing (team metrics are off).</source>
        <translation>Jaetaan: ei mitään (tiimin tilastot ovat pois päältä).</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="288" />
        <source>Shared: only one “declined” count; nothing else of this call.</source>
        <translation>Jaetaan: vain yksi ”kieltäytyi”-merkintä; ei mitään muuta puhelusta.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="293" />
        <source>Shared, in this computer's %1-minute totals: %2. Your supervisor sees only sums of %3 or more computers.</source>
        <translation>Jaetaan tietokoneen %1 minuutin summissa: %2. Esihenkilösi näkee vain vähintään %3 tietokoneen summat.</translation>
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
        <location filename="../agent/tray.py" line="110" />
        <source>Resume analysis</source>
        <translation>Jatka analyysia</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="110" />
        <source>Pause analysis</source>
        <translation>Tauota analyysi</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="112" />
        <source>Breathing exercise</source>
        <translation>Hengitysharjoitus</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="113" />
        <source>Dismiss tip</source>
        <translation>Sulje vinkki</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="114" />
        <source>Caller was told</source>
        <translation>Soittajalle on kerrottu</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="115" />
        <source>Caller declined</source>
        <translation>Soittaja kieltäytyi</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="116" />
        <source>What Lugn does…</source>
        <translation>Mitä Lugn tekee…</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="117" />
        <source>What leaves this computer…</source>
        <translation>Mitä tietokoneelta lähtee…</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="118" />
        <source>Settings…</source>
        <translation>Asetukset…</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="119" />
        <source>Quit Lugn</source>
        <translation>Sulje Lugn</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="127" />
        <source>Customer tone: %1</source>
        <translation>Asiakkaan äänensävy: %1</translation>
    </message>
</context></TS>
