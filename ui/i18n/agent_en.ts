<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
    <context>
    <name>AgentApp</name>
    <message>
        <location filename="../agent/app.py" line="287" />
        <source>Your settings could not be written to %1 (%2). Lugn goes on as before; if this keeps happening, tell IT.</source>
        <translation>Your settings could not be written to %1 (%2). Lugn goes on as before; if this keeps happening, tell IT.</translation>
    </message>
    <message>
        <location filename="../agent/app.py" line="292" />
        <source>Settings not saved</source>
        <translation>Settings not saved</translation>
    </message>
</context><context>
    <name>Indicator</name>
    <message>
        <location filename="../agent/look.py" line="97" />
        <source>No call</source>
        <translation>No call</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="98" />
        <source>Listening</source>
        <translation>Listening</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="99" />
        <source>Paused</source>
        <translation>Paused</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="100" />
        <source>No analysis</source>
        <translation>No analysis</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="101" />
        <source>Headset lost</source>
        <translation>Headset lost</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="102" />
        <source>Calm</source>
        <translation>Calm</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="103" />
        <source>Uneasy</source>
        <translation>Uneasy</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="104" />
        <source>Frustrated</source>
        <translation>Frustrated</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="105" />
        <source>Notice first</source>
        <translation>Notice first</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="106" />
        <source>Waiting for IVR</source>
        <translation>Waiting for IVR</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="107" />
        <source>Declined</source>
        <translation>Declined</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="108" />
        <source>Tone off</source>
        <translation>Tone off</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="115" />
        <source>Customer tone</source>
        <translation>Customer tone</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="117" />
        <source>Waiting for a call</source>
        <translation>Waiting for a call</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="118" />
        <source>Listening to the customer</source>
        <translation>Listening to the customer</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="119" />
        <source>Analysis is paused</source>
        <translation>Analysis is paused</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="120" />
        <source>Tone analysis is unavailable</source>
        <translation>Tone analysis is unavailable</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="121" />
        <source>Check the headset connection</source>
        <translation>Check the headset connection</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="122" />
        <source>No analysis before the notice</source>
        <translation>No analysis before the notice</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="125" />
        <source>The IVR tells the caller first</source>
        <translation>The IVR tells the caller first</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="126" />
        <source>Caller declined: no analysis</source>
        <translation>Caller declined: no analysis</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="127" />
        <source>Switched off for this site</source>
        <translation>Switched off for this site</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="133" />
        <source>rising</source>
        <translation>rising</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="134" />
        <source>steady</source>
        <translation>steady</translation>
    </message>
    <message>
        <location filename="../agent/look.py" line="135" />
        <source>easing</source>
        <translation>easing</translation>
    </message>
</context><context>
    <name>IndicatorView</name>
    <message>
        <location filename="../agent/indicator.py" line="126" />
        <source>Breathing exercise</source>
        <translation>Breathing exercise</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="127" />
        <source>Start a breathing exercise</source>
        <translation>Start a breathing exercise</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="142" />
        <source>Team metrics paused</source>
        <translation>Team metrics paused</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="144" />
        <source>Pause analysis</source>
        <translation>Pause analysis</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="144" />
        <source>Resume analysis</source>
        <translation>Resume analysis</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="149" />
        <source>Customer tone: %1, %2</source>
        <translation>Customer tone: %1, %2</translation>
    </message>
</context><context>
    <name>IndicatorWindow</name>
    <message>
        <location filename="../agent/indicator.py" line="264" />
        <location filename="../agent/indicator.py" line="263" />
        <source>Lugn – customer tone</source>
        <translation>Lugn – customer tone</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="315" />
        <source>Breathing exercise</source>
        <translation>Breathing exercise</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="318" />
        <source>Settings…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location filename="../agent/indicator.py" line="319" />
        <source>Quit Lugn</source>
        <translation>Quit Lugn</translation>
    </message>
</context><context>
    <name>KioskWindow</name>
    <message>
        <location filename="../agent/kiosk.py" line="245" />
        <source>Lugn – customer tone</source>
        <translation>Lugn – customer tone</translation>
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
        <translation>Leave kiosk mode (IT only)</translation>
    </message>
    <message>
        <location filename="../agent/kiosk.py" line="249" />
        <source>What Lugn does and what leaves this computer</source>
        <translation>What Lugn does and what leaves this computer</translation>
    </message>
</context><context>
    <name>Notice</name>
    <message>
        <location filename="../agent/notice.py" line="102" />
        <source>Tell the caller first</source>
        <translation>Tell the caller first</translation>
    </message>
    <message>
        <location filename="../agent/notice.py" line="105" />
        <source>No tone analysis until you confirm. Read aloud, in the caller's language:</source>
        <translation>No tone analysis until you confirm. Read aloud, in the caller's language:</translation>
    </message>
    <message>
        <location filename="../agent/notice.py" line="107" />
        <source>Told</source>
        <translation>Told</translation>
    </message>
    <message>
        <location filename="../agent/notice.py" line="107" />
        <source>Declined</source>
        <translation>Declined</translation>
    </message>
    <message>
        <location filename="../agent/notice.py" line="114" />
        <source>The caller was told: start the tone analysis</source>
        <translation>The caller was told: start the tone analysis</translation>
    </message>
    <message>
        <location filename="../agent/notice.py" line="115" />
        <source>The caller declined: no tone analysis this call</source>
        <translation>The caller declined: no tone analysis this call</translation>
    </message>
    <message>
        <location filename="../agent/notice.py" line="130" />
        <source>Caller notice answered</source>
        <translation>Caller notice answered</translation>
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
    <name>Privacy</name>
    <message>
        <location filename="../agent/privacy/texts.py" line="25" />
        <source>Calls</source>
        <translation>Calls</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="26" />
        <source>Calls with a frustrated customer</source>
        <translation>Calls with a frustrated customer</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="27" />
        <source>Seconds the customer sounded frustrated</source>
        <translation>Seconds the customer sounded frustrated</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="28" />
        <source>Times a frustrated customer calmed down</source>
        <translation>Times a frustrated customer calmed down</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="29" />
        <source>Tips shown</source>
        <translation>Tips shown</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="30" />
        <source>Tips you closed</source>
        <translation>Tips you closed</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="31" />
        <source>Breathing exercises offered</source>
        <translation>Breathing exercises offered</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="32" />
        <source>Breathing exercises taken</source>
        <translation>Breathing exercises taken</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="33" />
        <source>Calls where the caller declined</source>
        <translation>Calls where the caller declined</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="39" />
        <source>Message format</source>
        <translation>Message format</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="40" />
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="41" />
        <source>Your team</source>
        <translation>Your team</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="42" />
        <source>Time interval</source>
        <translation>Time interval</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="43" />
        <source>Random number (so a resent message counts once)</source>
        <translation>Random number (so a resent message counts once)</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="44" />
        <source>Sent to (MQTT topic)</source>
        <translation>Sent to (MQTT topic)</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="64" />
        <source>What Lugn does during your calls</source>
        <translation>What Lugn does during your calls</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="68" />
        <source>Only the customer's voice is tone-analysed</source>
        <translation>Only the customer's voice is tone-analysed</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="72" />
        <source>A small model on this computer estimates from the sound of the customer's voice – not the words – whether they sound calm, uneasy or frustrated. Nothing is recorded.</source>
        <translation>A small model on this computer estimates from the sound of the customer's voice – not the words – whether they sound calm, uneasy or frustrated. Nothing is recorded.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="80" />
        <source>Your own voice: pace, loudness and overlap only</source>
        <translation>Your own voice: pace, loudness and overlap only</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="84" />
        <source>From your microphone Lugn measures how fast and how loud you speak and whether you talk over the customer. It never judges your emotions. These cues are shown only to you, kept only during the call, and never stored or sent.</source>
        <translation>From your microphone Lugn measures how fast and how loud you speak and whether you talk over the customer. It never judges your emotions. These cues are shown only to you, kept only during the call, and never stored or sent.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="186" />
        <location filename="../agent/privacy/texts.py" line="94" />
        <source>What leaves this computer</source>
        <translation>What leaves this computer</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="98" />
        <source>Counts only, once per %1 minutes: calls, calls with a frustrated customer, frustrated seconds, calmed-down moments, tips, breathing exercises and declined calls. No audio, no words, no names.</source>
        <translation>Counts only, once per %1 minutes: calls, calls with a frustrated customer, frustrated seconds, calmed-down moments, tips, breathing exercises and declined calls. No audio, no words, no names.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="106" />
        <source>Team metrics are off on this computer: nothing about your calls leaves it.</source>
        <translation>Team metrics are off on this computer: nothing about your calls leaves it.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="110" />
        <source>Who sees it</source>
        <translation>Who sees it</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="115" />
        <source>Your supervisor sees only your team's totals, and only for %2-minute intervals in which at least %1 computers sent counts; otherwise no numbers at all. Nobody sees your own counts in the dashboard. IT staff who run the message servers could technically tell one computer's counts apart.</source>
        <translation>Your supervisor sees only your team's totals, and only for %2-minute intervals in which at least %1 computers sent counts; otherwise no numbers at all. Nobody sees your own counts in the dashboard. IT staff who run the message servers could technically tell one computer's counts apart.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="129" />
        <source>Nobody else: your indicator, tips and notes are only on your screen.</source>
        <translation>Nobody else: your indicator, tips and notes are only on your screen.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="133" />
        <source>Callers are told</source>
        <translation>Callers are told</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="138" />
        <source>At the start of each call you read a short notice to the caller. Until you confirm it, the tone of the caller is not analysed. If the caller declines, Lugn stops for the rest of the call.</source>
        <translation>At the start of each call you read a short notice to the caller. Until you confirm it, the tone of the caller is not analysed. If the caller declines, Lugn stops for the rest of the call.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="145" />
        <source>The phone system tells callers before they reach you. Until it confirms that, the tone is not analysed. If the caller declines, Lugn stops for the rest of the call.</source>
        <translation>The phone system tells callers before they reach you. Until it confirms that, the tone is not analysed. If the caller declines, Lugn stops for the rest of the call.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="150" />
        <source>Your employer tells callers in another way. If a caller declines, Lugn stops for the call.</source>
        <translation>Your employer tells callers in another way. If a caller declines, Lugn stops for the call.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="157" />
        <source>You are in control</source>
        <translation>You are in control</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="161" />
        <source>Pause the analysis at any time: the pause button, the tray menu or your shortcut.</source>
        <translation>Pause the analysis at any time: the pause button, the tray menu or your shortcut.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="167" />
        <source>Tone analysis is switched off at this site: Lugn does not analyse callers at all.</source>
        <translation>Tone analysis is switched off at this site: Lugn does not analyse callers at all.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="173" />
        <source>What leaves this computer…</source>
        <translation>What leaves this computer…</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="177" />
        <source>Understood</source>
        <translation>Understood</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="181" />
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="191" />
        <source>Team metrics are on: counts go to %1 once per %2 minutes.</source>
        <translation>Team metrics are on: counts go to %1 once per %2 minutes.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="198" />
        <source>Team metrics are switched on but not connected: counts wait here (once per %1 minutes) and are not sent.</source>
        <translation>Team metrics are switched on but not connected: counts wait here (once per %1 minutes) and are not sent.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="206" />
        <source>Team metrics are off: nothing about your calls leaves this computer.</source>
        <translation>Team metrics are off: nothing about your calls leaves this computer.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="210" />
        <source>Counted now, sent after %1</source>
        <translation>Counted now, sent after %1</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="214" />
        <source>Nothing counted yet in this interval.</source>
        <translation>Nothing counted yet in this interval.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="218" />
        <source>Waiting to be sent: %1</source>
        <translation>Waiting to be sent: %1</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="222" />
        <source>Nothing is waiting to be sent.</source>
        <translation>Nothing is waiting to be sent.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="226" />
        <source>Last sent, confirmed at %1</source>
        <translation>Last sent, confirmed at %1</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="230" />
        <source>Nothing has been sent since Lugn started.</source>
        <translation>Nothing has been sent since Lugn started.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="234" />
        <source>What your supervisor sees for the team</source>
        <translation>What your supervisor sees for the team</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="238" />
        <source>An interval in which fewer than %1 computers of your team sent counts: no numbers at all.</source>
        <translation>An interval in which fewer than %1 computers of your team sent counts: no numbers at all.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="244" />
        <source>An interval with at least %1 computers: only the team's totals, like this example (made-up numbers).</source>
        <translation>An interval with at least %1 computers: only the team's totals, like this example (made-up numbers).</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="252" />
        <source>Not enough computers: no figures</source>
        <translation>Not enough computers: no figures</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="256" />
        <source>Computers that sent counts</source>
        <translation>Computers that sent counts</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="260" />
        <source>Share of calls with a frustrated customer</source>
        <translation>Share of calls with a frustrated customer</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="264" />
        <source>For IT: this computer's status</source>
        <translation>For IT: this computer's status</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="268" />
        <source>Whether Lugn is running, its versions, and how many counts wait to be sent. Nothing about calls.</source>
        <translation>Whether Lugn is running, its versions, and how many counts wait to be sent. Nothing about calls.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="275" />
        <source>Show the exact messages (JSON)</source>
        <translation>Show the exact messages (JSON)</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="279" />
        <source>Show in words</source>
        <translation>Show in words</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="284" />
        <source>Shared: nothing (team metrics are off).</source>
        <translation>Shared: nothing (team metrics are off).</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="288" />
        <source>Shared: only one “declined” count; nothing else of this call.</source>
        <translation>Shared: only one “declined” count; nothing else of this call.</translation>
    </message>
    <message>
        <location filename="../agent/privacy/texts.py" line="293" />
        <source>Shared, in this computer's %1-minute totals: %2. Your supervisor sees only sums of %3 or more computers.</source>
        <translation>Shared, in this computer's %1-minute totals: %2. Your supervisor sees only sums of %3 or more computers.</translation>
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
        <location filename="../agent/tray.py" line="110" />
        <source>Resume analysis</source>
        <translation>Resume analysis</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="110" />
        <source>Pause analysis</source>
        <translation>Pause analysis</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="112" />
        <source>Breathing exercise</source>
        <translation>Breathing exercise</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="113" />
        <source>Dismiss tip</source>
        <translation>Dismiss tip</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="114" />
        <source>Caller was told</source>
        <translation>Caller was told</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="115" />
        <source>Caller declined</source>
        <translation>Caller declined</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="116" />
        <source>What Lugn does…</source>
        <translation>What Lugn does…</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="117" />
        <source>What leaves this computer…</source>
        <translation>What leaves this computer…</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="118" />
        <source>Settings…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="119" />
        <source>Quit Lugn</source>
        <translation>Quit Lugn</translation>
    </message>
    <message>
        <location filename="../agent/tray.py" line="127" />
        <source>Customer tone: %1</source>
        <translation>Customer tone: %1</translation>
    </message>
</context></TS>
