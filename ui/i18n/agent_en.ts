<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
    <context>
    <name>AgentApp</name>
    <message>
        <location filename="../agent/app.py" line="199" />
        <source>Settings not saved</source>
        <translation>Settings not saved</translation>
    </message>
</context><context>
    <name>Indicator</name>
    <message>
        <location filename="../agent/look.py" line="43" />
        <source>No call</source>
        <translation>No call</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="44" />
        <source>Listening</source>
        <translation>Listening</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="45" />
        <source>Paused</source>
        <translation>Paused</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="46" />
        <source>No analysis</source>
        <translation>No analysis</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="47" />
        <source>Headset lost</source>
        <translation>Headset lost</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="48" />
        <source>Calm</source>
        <translation>Calm</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="49" />
        <source>Uneasy</source>
        <translation>Uneasy</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="50" />
        <source>Frustrated</source>
        <translation>Frustrated</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="57" />
        <source>Customer tone</source>
        <translation>Customer tone</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="59" />
        <source>Waiting for a call</source>
        <translation>Waiting for a call</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="60" />
        <source>Listening to the customer</source>
        <translation>Listening to the customer</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="61" />
        <source>Analysis is paused</source>
        <translation>Analysis is paused</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="62" />
        <source>Tone analysis is unavailable</source>
        <translation>Tone analysis is unavailable</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="63" />
        <source>Check the headset connection</source>
        <translation>Check the headset connection</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="69" />
        <source>rising</source>
        <translation>rising</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="70" />
        <source>steady</source>
        <translation>steady</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="71" />
        <source>easing</source>
        <translation>easing</translation>
    </message>
</context><context>
    <name>IndicatorView</name>
    <message>
        <location filename="../agent/indicator.py" line="216" />
        <source>Breathing exercise</source>
        <translation>Breathing exercise</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="217" />
        <source>Start a breathing exercise</source>
        <translation>Start a breathing exercise</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="232" />
        <source>Team metrics paused</source>
        <translation>Team metrics paused</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="234" />
        <source>Pause analysis</source>
        <translation>Pause analysis</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="234" />
        <source>Resume analysis</source>
        <translation>Resume analysis</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="239" />
        <source>Customer tone: %1, %2</source>
        <translation>Customer tone: %1, %2</translation>
    </message>
</context><context>
    <name>IndicatorWindow</name>
    <message>
        <location filename="../agent/indicator.py" line="342" />
        <source>Lugn – customer tone</source>
        <translation>Lugn – customer tone</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="384" />
        <source>Breathing exercise</source>
        <translation>Breathing exercise</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="387" />
        <source>Settings…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="388" />
        <source>Quit Lugn</source>
        <translation>Quit Lugn</translation>
    </message>
</context><context>
    <name>KioskWindow</name>
    <message>
        <location filename="../agent/kiosk.py" line="149" />
        <source>Lugn – customer tone</source>
        <translation>Lugn – customer tone</translation>
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
        <translation>Leave kiosk mode (IT only)</translation>
    </message>
</context><context>
    <name>PinDialog</name>
    <message>
        <location filename="../agent/kiosk.py" line="80" />
        <source>Leave kiosk mode</source>
        <translation>Leave kiosk mode</translation>
    </message>
    <message>
        <location filename="../agent/kiosk.py" line="81" />
        <source>Enter the PIN from your IT department.</source>
        <translation>Enter the PIN from your IT department.</translation>
    </message>
    <message>
        <location filename="../agent/kiosk.py" line="82" />
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../agent/kiosk.py" line="83" />
        <source>Leave kiosk</source>
        <translation>Leave kiosk</translation>
    </message>
    <message>
        <location filename="../agent/kiosk.py" line="84" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message numerus="yes">
        <location filename="../agent/kiosk.py" line="95" />
        <source>Too many attempts. Try again in %n s.</source>
        <translation>
            <numerusform>Too many attempts. Try again in %n second.</numerusform>
            <numerusform>Too many attempts. Try again in %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../agent/kiosk.py" line="107" />
        <source>Wrong PIN.</source>
        <translation>Wrong PIN.</translation>
    </message>
</context><context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../agent/settings_dialog.py" line="161" />
        <source>Lugn settings</source>
        <translation>Lugn settings</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="163" />
        <source>Your IT department's settings could not all be read. Lugn runs with safe defaults for now.</source>
        <translation>Your IT department's settings could not all be read. Lugn runs with safe defaults for now.</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="167" />
        <source>Audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="168" />
        <source>Your microphone</source>
        <translation>Your microphone</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="169" />
        <source>Customer audio</source>
        <translation>Customer audio</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="170" />
        <source>Headset default</source>
        <translation>Headset default</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="171" />
        <source>Automatic (headset output)</source>
        <translation>Automatic (headset output)</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="173" />
        <source>Audio devices cannot be listed on this computer.</source>
        <translation>Audio devices cannot be listed on this computer.</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="175" />
        <source>New audio sources are used from the next start of Lugn.</source>
        <translation>New audio sources are used from the next start of Lugn.</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="176" />
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="177" />
        <source>Automatic (system language)</source>
        <translation>Automatic (system language)</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="178" />
        <source>Coaching</source>
        <translation>Coaching</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="179" />
        <source>Show empathy tips</source>
        <translation>Show empathy tips</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="180" />
        <source>Show cues about my delivery</source>
        <translation>Show cues about my delivery</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="181" />
        <source>Offer breathing exercises</source>
        <translation>Offer breathing exercises</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="183" />
        <source>Set by your IT department</source>
        <translation>Set by your IT department</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="184" />
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../agent/settings_dialog.py" line="185" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context><context>
    <name>TrayController</name>
    <message>
        <location filename="../agent/tray.py" line="74" />
        <source>Resume analysis</source>
        <translation>Resume analysis</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="74" />
        <source>Pause analysis</source>
        <translation>Pause analysis</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="75" />
        <source>Breathing exercise</source>
        <translation>Breathing exercise</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="76" />
        <source>Dismiss tip</source>
        <translation>Dismiss tip</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="77" />
        <source>Settings…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="78" />
        <source>Quit Lugn</source>
        <translation>Quit Lugn</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="82" />
        <source>Lugn: %1</source>
        <translation>Lugn: %1</translation>
    </message>
</context></TS>
