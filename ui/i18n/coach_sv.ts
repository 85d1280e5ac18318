<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE" sourcelanguage="en_GB">
    <context>
    <name>Breathing</name>
    <message>
        <location filename="../agent/coaching/texts.py" line="77" />
        <source>Take a minute to breathe?</source>
        <translation>Vill du ta en kort andningspaus?</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="82" />
        <source>That was a demanding call. A minute of slow breathing helps you reset.</source>
        <translation>Det var ett tufft samtal. En minut med lugn andning hjälper dig att landa.</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="85" />
        <source>That was a long call. A minute of slow breathing helps you reset.</source>
        <translation>Det var ett långt samtal. En minut med lugn andning hjälper dig att landa.</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="88" />
        <source>A minute of slow breathing. Follow the circle.</source>
        <translation>En minut med lugn andning. Följ cirkeln.</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="89" />
        <source>Ready now? A minute of slow breathing helps you reset.</source>
        <translation>Passar det nu? En minut med lugn andning hjälper dig att landa.</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="96" />
        <source>Start</source>
        <translation>Börja</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="100" />
        <source>Later</source>
        <translation>Senare</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="104" />
        <source>Skip</source>
        <translation>Hoppa över</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="108" />
        <source>Stop</source>
        <translation>Avsluta</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="112" />
        <source>Full screen</source>
        <translation>Helskärm</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="116" />
        <source>Slow: in 4, out 6</source>
        <translation>Långsam: in 4, ut 6</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="120" />
        <source>Box: 4-4-4-4</source>
        <translation>Fyrkant: 4-4-4-4</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="124" />
        <source>Breathe in</source>
        <translation>Andas in</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="128" />
        <source>Hold</source>
        <translation>Håll andan</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="132" />
        <source>Breathe out</source>
        <translation>Andas ut</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="136" />
        <source>%1 left</source>
        <translation>%1 kvar</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="140" />
        <source>Well done. Back when you're ready.</source>
        <translation>Bra jobbat. Fortsätt när du är redo.</translation>
    </message>
</context><context>
    <name>CallNote</name>
    <message>
        <location filename="../agent/coaching/texts.py" line="144" />
        <source>After the call</source>
        <translation>Efter samtalet</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="148" />
        <source>Only you see this</source>
        <translation>Bara du ser det här</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="152" />
        <source>Customer sounded frustrated for %1</source>
        <translation>Kunden lät frustrerad i %1</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="156" />
        <source>The customer sounded calm throughout</source>
        <translation>Kunden lät lugn hela samtalet</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="161" />
        <source>It eased before the end</source>
        <translation>Det lugnade sig före slutet</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="162" />
        <source>It had not eased by the end</source>
        <translation>Det hade inte lugnat sig vid slutet</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="167" />
        <source>No tips shown</source>
        <translation>Inga tips visades</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="168" />
        <source>Tips shown: %1</source>
        <translation>Tips som visades: %1</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="172" />
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="176" />
        <source>Close the note</source>
        <translation>Stäng anteckningen</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="183" />
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="184" />
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
</context><context>
    <name>CoachCue</name>
    <message>
        <location filename="../agent/coaching/texts.py" line="54" />
        <source>You're both talking</source>
        <translation>Ni pratar samtidigt</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="55" />
        <source>You've done most of the talking</source>
        <translation>Du har pratat mest</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="56" />
        <source>Faster than your usual pace</source>
        <translation>Snabbare än ditt vanliga tempo</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="57" />
        <source>Louder than your usual level</source>
        <translation>Högre röst än du brukar</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="58" />
        <source>It has been quiet for a while</source>
        <translation>Det har varit tyst en stund</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="64" />
        <source>Pause and let them finish</source>
        <translation>Pausa och låt kunden prata klart</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="65" />
        <source>Ask an open question</source>
        <translation>Ställ en öppen fråga</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="66" />
        <source>Slow down a little</source>
        <translation>Sakta ner lite</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="67" />
        <source>Soften your voice a little</source>
        <translation>Sänk rösten lite</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="68" />
        <source>Check in with the customer</source>
        <translation>Stäm av med kunden</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="73" />
        <source>Only you see this</source>
        <translation>Bara du ser det här</translation>
    </message>
</context><context>
    <name>CoachTip</name>
    <message>
        <location filename="../agent/coaching/texts.py" line="23" />
        <source>Name the feeling before the facts</source>
        <translation>Bekräfta känslan innan du går in på fakta</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="24" />
        <source>Let them finish, then answer</source>
        <translation>Låt kunden prata klart innan du svarar</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="25" />
        <source>If we got something wrong, say sorry plainly</source>
        <translation>Har vi gjort fel, be om ursäkt rakt ut</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="26" />
        <source>Move on to what you can do now</source>
        <translation>Gå vidare till det du kan göra nu</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="27" />
        <source>Thank them for explaining</source>
        <translation>Tacka kunden för att hen förklarade</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="33" />
        <source>I can hear this has been really frustrating.</source>
        <translation>Jag hör att det här har varit riktigt frustrerande.</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="34" />
        <source>Sorry, go ahead. I'm listening.</source>
        <translation>Förlåt, fortsätt du. Jag lyssnar.</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="35" />
        <source>I'm sorry, that shouldn't have happened.</source>
        <translation>Jag ber om ursäkt, det borde inte ha hänt.</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="36" />
        <source>Here's what I can do for you right now.</source>
        <translation>Så här kan jag hjälpa dig redan nu.</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="37" />
        <source>Thank you for taking the time to explain.</source>
        <translation>Tack för att du tog dig tid att förklara.</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="42" />
        <source>Tip</source>
        <translation>Tips</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="48" />
        <source>Dismiss</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="49" />
        <source>Dismiss (%1)</source>
        <translation>Stäng (%1)</translation>
    </message>
</context></TS>
