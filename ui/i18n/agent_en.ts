<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
    <context>
    <name>AgentApp</name>
    <message>
        <location filename="../agent/app.py" line="205" />
        <source>Settings not saved</source>
        <translation>Settings not saved</translation>
    </message>
</context><context>
    <name>Indicator</name>
    <message>
        <location filename="../agent/look.py" line="93" />
        <source>No call</source>
        <translation>No call</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="94" />
        <source>Listening</source>
        <translation>Listening</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="95" />
        <source>Paused</source>
        <translation>Paused</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="96" />
        <source>No analysis</source>
        <translation>No analysis</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="97" />
        <source>Headset lost</source>
        <translation>Headset lost</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="98" />
        <source>Calm</source>
        <translation>Calm</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="99" />
        <source>Uneasy</source>
        <translation>Uneasy</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="100" />
        <source>Frustrated</source>
        <translation>Frustrated</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="107" />
        <source>Customer tone</source>
        <translation>Customer tone</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="109" />
        <source>Waiting for a call</source>
        <translation>Waiting for a call</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="110" />
        <source>Listening to the customer</source>
        <translation>Listening to the customer</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="111" />
        <source>Analysis is paused</source>
        <translation>Analysis is paused</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="112" />
        <source>Tone analysis is unavailable</source>
        <translation>Tone analysis is unavailable</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="113" />
        <source>Check the headset connection</source>
        <translation>Check the headset connection</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="119" />
        <source>rising</source>
        <translation>rising</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="120" />
        <source>steady</source>
        <translation>steady</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="121" />
        <source>easing</source>
        <translation>easing</translation>
    </message>
</context><context>
    <name>IndicatorView</name>
    <message>
        <location filename="../agent/indicator.py" line="223" />
        <source>Breathing exercise</source>
        <translation>Breathing exercise</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="224" />
        <source>Start a breathing exercise</source>
        <translation>Start a breathing exercise</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="239" />
        <source>Team metrics paused</source>
        <translation>Team metrics paused</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="241" />
        <source>Pause analysis</source>
        <translation>Pause analysis</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="241" />
        <source>Resume analysis</source>
        <translation>Resume analysis</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="246" />
        <source>Customer tone: %1, %2</source>
        <translation>Customer tone: %1, %2</translation>
    </message>
</context><context>
    <name>IndicatorWindow</name>
    <message>
        <location filename="../agent/indicator.py" line="360" />
        <location filename="../agent/indicator.py" line="359" />
        <source>Lugn – customer tone</source>
        <translation>Lugn – customer tone</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="408" />
        <source>Breathing exercise</source>
        <translation>Breathing exercise</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="411" />
        <source>Settings…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="412" />
        <source>Quit Lugn</source>
        <translation>Quit Lugn</translation>
    </message>
</context><context>
    <name>KioskWindow</name>
    <message>
        <location filename="../agent/kiosk.py" line="238" />
        <source>Lugn – customer tone</source>
        <translation>Lugn – customer tone</translation>
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
        <translation>Leave kiosk mode (IT only)</translation>
    </message>
</context><context>
    <name>PinDialog</name>
    <message>
        <location filename="../agent/kiosk.py" line="146" />
        <source>Leave kiosk mode</source>
        <translation>Leave kiosk mode</translation>
    </message>
    <message>
        <location filename="../agent/kiosk.py" line="147" />
        <source>Enter the PIN from your IT department.</source>
        <translation>Enter the PIN from your IT department.</translation>
    </message>
    <message>
        <location filename="../agent/kiosk.py" line="148" />
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../agent/kiosk.py" line="149" />
        <source>Leave kiosk</source>
        <translation>Leave kiosk</translation>
    </message>
    <message>
        <location filename="../agent/kiosk.py" line="150" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message numerus="yes">
        <location filename="../agent/kiosk.py" line="161" />
        <source>Too many attempts. Try again in %n s.</source>
        <translation>
            <numerusform>Too many attempts. Try again in %n second.</numerusform>
            <numerusform>Too many attempts. Try again in %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../agent/kiosk.py" line="171" />
        <source>Wrong PIN.</source>
        <translation>Wrong PIN.</translation>
    </message>
</context><context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../agent/settings_dialog.py" line="171" />
        <source>Lugn settings</source>
        <translation>Lugn settings</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="173" />
        <source>Your IT department's settings could not all be read. Lugn runs with safe defaults for now.</source>
        <translation>Your IT department's settings could not all be read. Lugn runs with safe defaults for now.</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="177" />
        <source>Audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="178" />
        <source>Your microphone</source>
        <translation>Your microphone</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="179" />
        <source>Customer audio</source>
        <translation>Customer audio</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="180" />
        <source>Headset default</source>
        <translation>Headset default</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="181" />
        <source>Automatic (headset output)</source>
        <translation>Automatic (headset output)</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="183" />
        <source>Audio devices cannot be listed on this computer.</source>
        <translation>Audio devices cannot be listed on this computer.</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="185" />
        <source>New audio sources are used from the next start of Lugn.</source>
        <translation>New audio sources are used from the next start of Lugn.</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="186" />
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="187" />
        <source>Language of Lugn</source>
        <translation>Language of Lugn</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="194" />
        <source>Automatic (system language)</source>
        <translation>Automatic (system language)</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="195" />
        <source>Coaching</source>
        <translation>Coaching</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="196" />
        <source>Show empathy tips</source>
        <translation>Show empathy tips</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="197" />
        <source>Show cues about my delivery</source>
        <translation>Show cues about my delivery</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="198" />
        <source>Offer breathing exercises</source>
        <translation>Offer breathing exercises</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="200" />
        <source>Set by your IT department</source>
        <translation>Set by your IT department</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="201" />
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="202" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context><context>
    <name>TrayController</name>
    <message>
        <location filename="../agent/tray.py" line="86" />
        <source>Resume analysis</source>
        <translation>Resume analysis</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="86" />
        <source>Pause analysis</source>
        <translation>Pause analysis</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="88" />
        <source>Breathing exercise</source>
        <translation>Breathing exercise</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="89" />
        <source>Dismiss tip</source>
        <translation>Dismiss tip</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="90" />
        <source>Settings…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="91" />
        <source>Quit Lugn</source>
        <translation>Quit Lugn</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="99" />
        <source>Customer tone: %1</source>
        <translation>Customer tone: %1</translation>
    </message>
</context></TS>
