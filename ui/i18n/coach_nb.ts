<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb_NO" sourcelanguage="en_GB">
    <context>
    <name>Breathing</name>
    <message>
        <location filename="../agent/coaching/texts.py" line="78" />
        <source>Take a minute to breathe?</source>
        <translation>Vil du ta en kort pustepause?</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="83" />
        <source>That was a demanding call. A minute of slow breathing helps you reset.</source>
        <translation>Det var en krevende samtale. Et minutt med rolig pust hjelper deg å lande.</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="86" />
        <source>That was a long call. A minute of slow breathing helps you reset.</source>
        <translation>Det var en lang samtale. Et minutt med rolig pust hjelper deg å lande.</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="89" />
        <source>A minute of slow breathing. Follow the circle.</source>
        <translation>Et minutt med rolig pust. Følg sirkelen.</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="90" />
        <source>Ready now? A minute of slow breathing helps you reset.</source>
        <translation>Passer det nå? Et minutt med rolig pust hjelper deg å lande.</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="97" />
        <source>Start</source>
        <translation>Begynn</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="101" />
        <source>Later</source>
        <translation>Senere</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="105" />
        <source>Skip</source>
        <translation>Hopp over</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="109" />
        <source>Stop</source>
        <translation>Avslutt</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="113" />
        <source>Full screen</source>
        <translation>Fullskjerm</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="117" />
        <source>Slow: in 4, out 6</source>
        <translation>Rolig: inn 4, ut 6</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="121" />
        <source>Box: 4-4-4-4</source>
        <translation>Firkant: 4-4-4-4</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="125" />
        <source>Breathe in</source>
        <translation>Pust inn</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="129" />
        <source>Hold</source>
        <translation>Hold pusten</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="133" />
        <source>Breathe out</source>
        <translation>Pust ut</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="137" />
        <source>%1 left</source>
        <translation>%1 igjen</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="141" />
        <source>Well done. Back when you're ready.</source>
        <translation>Godt jobbet. Fortsett når du er klar.</translation>
    </message>
</context><context>
    <name>CallNote</name>
    <message>
        <location filename="../agent/coaching/texts.py" line="145" />
        <source>After the call</source>
        <translation>Etter samtalen</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="149" />
        <source>This note is only on your screen</source>
        <translation>Notatet er bare på skjermen din</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="153" />
        <source>The caller declined: nothing of the tone was kept</source>
        <translation>Kunden sa nei: ingenting av tonefallet ble beholdt</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="157" />
        <source>Customer sounded frustrated for %1</source>
        <translation>Kunden hørtes frustrert ut i %1</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="161" />
        <source>The customer sounded calm throughout</source>
        <translation>Kunden hørtes rolig ut hele samtalen</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="166" />
        <source>It eased before the end</source>
        <translation>Det roet seg før slutten</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="167" />
        <source>It had not eased by the end</source>
        <translation>Det hadde ikke roet seg ved slutten</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="172" />
        <source>No tips shown</source>
        <translation>Ingen tips ble vist</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="173" />
        <source>Tips shown: %1</source>
        <translation>Tips som ble vist: %1</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="177" />
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="181" />
        <source>Close the note</source>
        <translation>Lukk notatet</translation>
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
        <translation>Dere snakker samtidig</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="56" />
        <source>You've done most of the talking</source>
        <translation>Du har snakket mest</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="57" />
        <source>Faster than your usual pace</source>
        <translation>Raskere enn ditt vanlige tempo</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="58" />
        <source>Louder than your usual level</source>
        <translation>Høyere stemme enn du pleier</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="59" />
        <source>It has been quiet for a while</source>
        <translation>Det har vært stille en stund</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="65" />
        <source>Pause and let them finish</source>
        <translation>Ta en pause og la kunden snakke ferdig</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="66" />
        <source>Ask an open question</source>
        <translation>Still et åpent spørsmål</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="67" />
        <source>Slow down a little</source>
        <translation>Senk tempoet litt</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="68" />
        <source>Soften your voice a little</source>
        <translation>Senk stemmen litt</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="69" />
        <source>Check in with the customer</source>
        <translation>Sjekk at kunden fortsatt er med</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="74" />
        <source>Only you see this</source>
        <translation>Bare du ser dette</translation>
    </message>
</context><context>
    <name>CoachTip</name>
    <message>
        <location filename="../agent/coaching/texts.py" line="24" />
        <source>Name the feeling before the facts</source>
        <translation>Anerkjenn følelsen før du går inn på fakta</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="25" />
        <source>Let them finish, then answer</source>
        <translation>La kunden snakke ferdig før du svarer</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="26" />
        <source>If we got something wrong, say sorry plainly</source>
        <translation>Har vi gjort noe feil, si unnskyld rett ut</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="27" />
        <source>Move on to what you can do now</source>
        <translation>Gå over til det du kan gjøre nå</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="28" />
        <source>Thank them for explaining</source>
        <translation>Takk kunden for at de forklarte</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="34" />
        <source>I can hear this has been really frustrating.</source>
        <translation>Jeg hører at dette har vært skikkelig frustrerende.</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="35" />
        <source>Sorry, go ahead. I'm listening.</source>
        <translation>Unnskyld, bare fortsett. Jeg hører på.</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="36" />
        <source>I'm sorry, that shouldn't have happened.</source>
        <translation>Beklager, det skulle ikke ha skjedd.</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="37" />
        <source>Here's what I can do for you right now.</source>
        <translation>Dette kan jeg gjøre for deg med en gang.</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="38" />
        <source>Thank you for taking the time to explain.</source>
        <translation>Takk for at du tok deg tid til å forklare.</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="43" />
        <source>Tip</source>
        <translation>Tips</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="49" />
        <source>Dismiss</source>
        <translation>Lukk</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="50" />
        <source>Dismiss (%1)</source>
        <translation>Lukk (%1)</translation>
    </message>
</context></TS>
