<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE" sourcelanguage="en_GB">
    <context>
    <name>Breathing</name>
    <message>
        <location filename="../agent/coaching/texts.py" line="78" />
        <source>Take a minute to breathe?</source>
        <translation>Vill du ta en kort andningspaus?</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="83" />
        <source>That was a demanding call. A minute of slow breathing helps you reset.</source>
        <translation>Det var ett tufft samtal. En minut med lugn andning hjälper dig att landa.</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="86" />
        <source>That was a long call. A minute of slow breathing helps you reset.</source>
        <translation>Det var ett långt samtal. En minut med lugn andning hjälper dig att landa.</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="89" />
        <source>A minute of slow breathing. Follow the circle.</source>
        <translation>En minut med lugn andning. Följ cirkeln.</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="90" />
        <source>Ready now? A minute of slow breathing helps you reset.</source>
        <translation>Passar det nu? En minut med lugn andning hjälper dig att landa.</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="97" />
        <source>Start</source>
        <translation>Börja</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="101" />
        <source>Later</source>
        <translation>Senare</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="105" />
        <source>Skip</source>
        <translation>Hoppa över</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="109" />
        <source>Stop</source>
        <translation>Avsluta</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="113" />
        <source>Full screen</source>
        <translation>Helskärm</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="117" />
        <source>Slow: in 4, out 6</source>
        <translation>Långsam: in 4, ut 6</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="121" />
        <source>Box: 4-4-4-4</source>
        <translation>Fyrkant: 4-4-4-4</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="125" />
        <source>Breathe in</source>
        <translation>Andas in</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="129" />
        <source>Hold</source>
        <translation>Håll andan</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="133" />
        <source>Breathe out</source>
        <translation>Andas ut</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="137" />
        <source>%1 left</source>
        <translation>%1 kvar</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="141" />
        <source>Well done. Back when you're ready.</source>
        <translation>Bra jobbat. Fortsätt när du är redo.</translation>
    </message>
</context><context>
    <name>CallNote</name>
    <message>
        <location filename="../agent/coaching/texts.py" line="145" />
        <source>After the call</source>
        <translation>Efter samtalet</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="149" />
        <source>This note is only on your screen</source>
        <translation>Anteckningen finns bara på din skärm</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="153" />
        <source>The caller declined: nothing of the tone was kept</source>
        <translation>Kunden avböjde: inget av tonläget sparades</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="157" />
        <source>Customer sounded frustrated for %1</source>
        <translation>Kunden lät frustrerad i %1</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="161" />
        <source>The customer sounded calm throughout</source>
        <translation>Kunden lät lugn hela samtalet</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="166" />
        <source>It eased before the end</source>
        <translation>Det lugnade sig före slutet</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="167" />
        <source>It had not eased by the end</source>
        <translation>Det hade inte lugnat sig vid slutet</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="172" />
        <source>No tips shown</source>
        <translation>Inga tips visades</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="173" />
        <source>Tips shown: %1</source>
        <translation>Tips som visades: %1</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="177" />
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="181" />
        <source>Close the note</source>
        <translation>Stäng anteckningen</translation>
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
        <translation>Ni pratar samtidigt</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="56" />
        <source>You've done most of the talking</source>
        <translation>Du har pratat mest</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="57" />
        <source>Faster than your usual pace</source>
        <translation>Snabbare än ditt vanliga tempo</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="58" />
        <source>Louder than your usual level</source>
        <translation>Högre röst än du brukar</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="59" />
        <source>It has been quiet for a while</source>
        <translation>Det har varit tyst en stund</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="65" />
        <source>Pause and let them finish</source>
        <translation>Pausa och låt kunden prata klart</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="66" />
        <source>Ask an open question</source>
        <translation>Ställ en öppen fråga</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="67" />
        <source>Slow down a little</source>
        <translation>Sakta ner lite</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="68" />
        <source>Soften your voice a little</source>
        <translation>Sänk rösten lite</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="69" />
        <source>Check in with the customer</source>
        <translation>Stäm av med kunden</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="74" />
        <source>Only you see this</source>
        <translation>Bara du ser det här</translation>
    </message>
</context><context>
    <name>CoachTip</name>
    <message>
        <location filename="../agent/coaching/texts.py" line="24" />
        <source>Name the feeling before the facts</source>
        <translation>Bekräfta känslan innan du går in på fakta</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="25" />
        <source>Let them finish, then answer</source>
        <translation>Låt kunden prata klart innan du svarar</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="26" />
        <source>If we got something wrong, say sorry plainly</source>
        <translation>Har vi gjort fel, be om ursäkt rakt ut</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="27" />
        <source>Move on to what you can do now</source>
        <translation>Gå vidare till det du kan göra nu</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="28" />
        <source>Thank them for explaining</source>
        <translation>Tacka kunden för att hen förklarade</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="34" />
        <source>I can hear this has been really frustrating.</source>
        <translation>Jag hör att det här har varit riktigt frustrerande.</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="35" />
        <source>Sorry, go ahead. I'm listening.</source>
        <translation>Förlåt, fortsätt du. Jag lyssnar.</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="36" />
        <source>I'm sorry, that shouldn't have happened.</source>
        <translation>Jag ber om ursäkt, det borde inte ha hänt.</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="37" />
        <source>Here's what I can do for you right now.</source>
        <translation>Så här kan jag hjälpa dig redan nu.</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="38" />
        <source>Thank you for taking the time to explain.</source>
        <translation>Tack för att du tog dig tid att förklara.</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="43" />
        <source>Tip</source>
        <translation>Tips</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="49" />
        <source>Dismiss</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="50" />
        <source>Dismiss (%1)</source>
        <translation>Stäng (%1)</translation>
    </message>
</context></TS>
