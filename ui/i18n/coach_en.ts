<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
    <context>
    <name>Breathing</name>
    <message>
        <location filename="../agent/coaching/texts.py" line="78" />
        <source>Take a minute to breathe?</source>
        <translation>Take a minute to breathe?</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="83" />
        <source>That was a demanding call. A minute of slow breathing helps you reset.</source>
        <translation>That was a demanding call. A minute of slow breathing helps you reset.</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="86" />
        <source>That was a long call. A minute of slow breathing helps you reset.</source>
        <translation>That was a long call. A minute of slow breathing helps you reset.</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="89" />
        <source>A minute of slow breathing. Follow the circle.</source>
        <translation>A minute of slow breathing. Follow the circle.</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="90" />
        <source>Ready now? A minute of slow breathing helps you reset.</source>
        <translation>Ready now? A minute of slow breathing helps you reset.</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="97" />
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="101" />
        <source>Later</source>
        <translation>Later</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="105" />
        <source>Skip</source>
        <translation>Skip</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="109" />
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="113" />
        <source>Full screen</source>
        <translation>Full screen</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="117" />
        <source>Slow: in 4, out 6</source>
        <translation>Slow: in 4, out 6</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="121" />
        <source>Box: 4-4-4-4</source>
        <translation>Box: 4-4-4-4</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="125" />
        <source>Breathe in</source>
        <translation>Breathe in</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="129" />
        <source>Hold</source>
        <translation>Hold</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="133" />
        <source>Breathe out</source>
        <translation>Breathe out</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="137" />
        <source>%1 left</source>
        <translation>%1 left</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="141" />
        <source>Well done. Back when you're ready.</source>
        <translation>Well done. Back when you're ready.</translation>
    </message>
</context><context>
    <name>CallNote</name>
    <message>
        <location filename="../agent/coaching/texts.py" line="145" />
        <source>After the call</source>
        <translation>After the call</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="149" />
        <source>This note is only on your screen</source>
        <translation>This note is only on your screen</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="153" />
        <source>The caller declined: nothing of the tone was kept</source>
        <translation>The caller declined: nothing of the tone was kept</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="157" />
        <source>Customer sounded frustrated for %1</source>
        <translation>Customer sounded frustrated for %1</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="161" />
        <source>The customer sounded calm throughout</source>
        <translation>The customer sounded calm throughout</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="166" />
        <source>It eased before the end</source>
        <translation>It eased before the end</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="167" />
        <source>It had not eased by the end</source>
        <translation>It had not eased by the end</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="172" />
        <source>No tips shown</source>
        <translation>No tips shown</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="173" />
        <source>Tips shown: %1</source>
        <translation>Tips shown: %1</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="177" />
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="181" />
        <source>Close the note</source>
        <translation>Close the note</translation>
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
        <translation>You're both talking</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="56" />
        <source>You've done most of the talking</source>
        <translation>You've done most of the talking</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="57" />
        <source>Faster than your usual pace</source>
        <translation>Faster than your usual pace</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="58" />
        <source>Louder than your usual level</source>
        <translation>Louder than your usual level</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="59" />
        <source>It has been quiet for a while</source>
        <translation>It has been quiet for a while</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="65" />
        <source>Pause and let them finish</source>
        <translation>Pause and let them finish</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="66" />
        <source>Ask an open question</source>
        <translation>Ask an open question</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="67" />
        <source>Slow down a little</source>
        <translation>Slow down a little</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="68" />
        <source>Soften your voice a little</source>
        <translation>Soften your voice a little</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="69" />
        <source>Check in with the customer</source>
        <translation>Check in with the customer</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="74" />
        <source>Only you see this</source>
        <translation>Only you see this</translation>
    </message>
</context><context>
    <name>CoachTip</name>
    <message>
        <location filename="../agent/coaching/texts.py" line="24" />
        <source>Name the feeling before the facts</source>
        <translation>Name the feeling before the facts</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="25" />
        <source>Let them finish, then answer</source>
        <translation>Let them finish, then answer</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="26" />
        <source>If we got something wrong, say sorry plainly</source>
        <translation>If we got something wrong, say sorry plainly</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="27" />
        <source>Move on to what you can do now</source>
        <translation>Move on to what you can do now</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="28" />
        <source>Thank them for explaining</source>
        <translation>Thank them for explaining</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="34" />
        <source>I can hear this has been really frustrating.</source>
        <translation>I can hear this has been really frustrating.</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="35" />
        <source>Sorry, go ahead. I'm listening.</source>
        <translation>Sorry, go ahead. I'm listening.</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="36" />
        <source>I'm sorry, that shouldn't have happened.</source>
        <translation>I'm sorry, that shouldn't have happened.</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="37" />
        <source>Here's what I can do for you right now.</source>
        <translation>Here's what I can do for you right now.</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="38" />
        <source>Thank you for taking the time to explain.</source>
        <translation>Thank you for taking the time to explain.</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="43" />
        <source>Tip</source>
        <translation>Tip</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="49" />
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <location filename="../agent/coaching/texts.py" line="50" />
        <source>Dismiss (%1)</source>
        <translation>Dismiss (%1)</translation>
    </message>
</context></TS>
