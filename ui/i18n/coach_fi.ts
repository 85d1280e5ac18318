<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fi_FI" sourcelanguage="en_GB">
    <context>
    <name>Breathing</name>
    <message>
        <location filename="../agent/coaching/texts.py" line="78" />
        <source>Take a minute to breathe?</source>
        <translation>Otatko minuutin hengähdystauon?</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="83" />
        <source>That was a demanding call. A minute of slow breathing helps you reset.</source>
        <translation>Puhelu oli raskas. Minuutti rauhallista hengitystä auttaa palautumaan.</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="86" />
        <source>That was a long call. A minute of slow breathing helps you reset.</source>
        <translation>Puhelu oli pitkä. Minuutti rauhallista hengitystä auttaa palautumaan.</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="89" />
        <source>A minute of slow breathing. Follow the circle.</source>
        <translation>Minuutti rauhallista hengitystä. Seuraa ympyrää.</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="90" />
        <source>Ready now? A minute of slow breathing helps you reset.</source>
        <translation>Sopiiko nyt? Minuutti rauhallista hengitystä auttaa palautumaan.</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="97" />
        <source>Start</source>
        <translation>Aloita</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="101" />
        <source>Later</source>
        <translation>Myöhemmin</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="105" />
        <source>Skip</source>
        <translation>Ohita</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="109" />
        <source>Stop</source>
        <translation>Lopeta</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="113" />
        <source>Full screen</source>
        <translation>Koko näyttö</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="117" />
        <source>Slow: in 4, out 6</source>
        <translation>Rauhallinen: 4 sisään, 6 ulos</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="121" />
        <source>Box: 4-4-4-4</source>
        <translation>Neliö: 4-4-4-4</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="125" />
        <source>Breathe in</source>
        <translation>Hengitä sisään</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="129" />
        <source>Hold</source>
        <translation>Pidätä</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="133" />
        <source>Breathe out</source>
        <translation>Hengitä ulos</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="137" />
        <source>%1 left</source>
        <translation>%1 jäljellä</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="141" />
        <source>Well done. Back when you're ready.</source>
        <translation>Hienoa. Jatka, kun olet valmis.</translation>
    </message>
</context><context>
    <name>CallNote</name>
    <message>
        <location filename="../agent/coaching/texts.py" line="145" />
        <source>After the call</source>
        <translation>Puhelun jälkeen</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="149" />
        <source>This note is only on your screen</source>
        <translation>Tämä muistiinpano näkyy vain näytölläsi</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="153" />
        <source>The caller declined: nothing of the tone was kept</source>
        <translation>Soittaja kieltäytyi: äänensävystä ei säilytetty mitään</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="157" />
        <source>Customer sounded frustrated for %1</source>
        <translation>Asiakas kuulosti turhautuneelta %1 ajan</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="161" />
        <source>The customer sounded calm throughout</source>
        <translation>Asiakas kuulosti rauhalliselta koko puhelun ajan</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="166" />
        <source>It eased before the end</source>
        <translation>Tilanne rauhoittui ennen loppua</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="167" />
        <source>It had not eased by the end</source>
        <translation>Tilanne ei ehtinyt rauhoittua ennen loppua</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="172" />
        <source>No tips shown</source>
        <translation>Vinkkejä ei näytetty</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="173" />
        <source>Tips shown: %1</source>
        <translation>Näytetyt vinkit: %1</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="177" />
        <source>Close</source>
        <translation>Sulje</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="181" />
        <source>Close the note</source>
        <translation>Sulje muistiinpano</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="188" />
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="190" />
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
</context><context>
    <name>CoachCue</name>
    <message>
        <location filename="../agent/coaching/texts.py" line="55" />
        <source>You're both talking</source>
        <translation>Puhutte päällekkäin</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="56" />
        <source>You've done most of the talking</source>
        <translation>Olet puhunut suurimman osan ajasta</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="57" />
        <source>Faster than your usual pace</source>
        <translation>Puhut tavallista nopeammin</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="58" />
        <source>Louder than your usual level</source>
        <translation>Puhut tavallista kovempaa</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="59" />
        <source>It has been quiet for a while</source>
        <translation>On ollut hiljaista jo hetken</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="65" />
        <source>Pause and let them finish</source>
        <translation>Pidä tauko ja anna asiakkaan puhua loppuun</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="66" />
        <source>Ask an open question</source>
        <translation>Kysy avoin kysymys</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="67" />
        <source>Slow down a little</source>
        <translation>Hidasta hieman</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="68" />
        <source>Soften your voice a little</source>
        <translation>Hiljennä ääntäsi hieman</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="69" />
        <source>Check in with the customer</source>
        <translation>Varmista, että asiakas on yhä mukana</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="74" />
        <source>Only you see this</source>
        <translation>Vain sinä näet tämän</translation>
    </message>
</context><context>
    <name>CoachTip</name>
    <message>
        <location filename="../agent/coaching/texts.py" line="24" />
        <source>Name the feeling before the facts</source>
        <translation>Huomioi asiakkaan tunne ennen kuin menet asiaan</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="25" />
        <source>Let them finish, then answer</source>
        <translation>Anna asiakkaan puhua loppuun ennen kuin vastaat</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="26" />
        <source>If we got something wrong, say sorry plainly</source>
        <translation>Jos virhe on meidän, pyydä suoraan anteeksi</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="27" />
        <source>Move on to what you can do now</source>
        <translation>Siirry siihen, mitä voit tehdä nyt</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="28" />
        <source>Thank them for explaining</source>
        <translation>Kiitä asiakasta siitä, että hän kertoi</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="34" />
        <source>I can hear this has been really frustrating.</source>
        <translation>Kuulen, että tämä on ollut todella turhauttavaa.</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="35" />
        <source>Sorry, go ahead. I'm listening.</source>
        <translation>Anteeksi, jatka vain. Kuuntelen.</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="36" />
        <source>I'm sorry, that shouldn't have happened.</source>
        <translation>Olen pahoillani, näin ei olisi pitänyt käydä.</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="37" />
        <source>Here's what I can do for you right now.</source>
        <translation>Näin voin auttaa teitä heti.</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="38" />
        <source>Thank you for taking the time to explain.</source>
        <translation>Kiitos, että kerroit asiasta näin tarkasti.</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="43" />
        <source>Tip</source>
        <translation>Vinkki</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="49" />
        <source>Dismiss</source>
        <translation>Sulje</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="50" />
        <source>Dismiss (%1)</source>
        <translation>Sulje (%1)</translation>
    </message>
</context></TS>
