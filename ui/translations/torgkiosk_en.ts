<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en">
<context>
    <name>AttractScreen</name>
    <message>
        <source>Welcome to</source>
        <translation>Welcome to</translation>
    </message>
    <message>
        <source>Here you can:</source>
        <translation>Here you can:</translation>
    </message>
    <message>
        <source>Touch to start</source>
        <translation>Touch to start</translation>
    </message>
    <message>
        <source>Start animation</source>
        <translation>Start animation</translation>
    </message>
    <message>
        <source>Pause animation</source>
        <translation>Pause animation</translation>
    </message>
</context>
<context>
    <name>Capability</name>
    <message>
        <source>Form help</source>
        <translation>Form help</translation>
    </message>
    <message>
        <source>Fill in the municipality&apos;s forms, step by step</source>
        <translation>Fill in the municipality&apos;s forms, step by step</translation>
    </message>
    <message>
        <source>Talk to a caseworker</source>
        <translation>Talk to a caseworker</translation>
    </message>
    <message>
        <source>A video call with someone from the municipality</source>
        <translation>A video call with someone from the municipality</translation>
    </message>
    <message>
        <source>Collect reserved items</source>
        <translation>Collect reserved items</translation>
    </message>
    <message>
        <source>Pick up library books from the lockers</source>
        <translation>Pick up library books from the lockers</translation>
    </message>
    <message>
        <source>Entrance / open library</source>
        <translation>Entrance / open library</translation>
    </message>
    <message>
        <source>Card and PIN for entry outside staffed hours</source>
        <translation>Card and PIN for entry outside staffed hours</translation>
    </message>
    <message>
        <source>What&apos;s on</source>
        <translation>What&apos;s on</translation>
    </message>
    <message>
        <source>Events and news at this torg</source>
        <translation>Events and news at this torg</translation>
    </message>
</context>
<context>
    <name>ComingSoonScreen</name>
    <message>
        <source>%1: coming soon</source>
        <translation>%1: coming soon</translation>
    </message>
    <message>
        <source>This service is not available on this terminal yet. We are working on it.</source>
        <translation>This service is not available on this terminal yet. We are working on it.</translation>
    </message>
    <message>
        <source>Staff can help you in person today: %1.</source>
        <translation>Staff can help you in person today: %1.</translation>
    </message>
    <message>
        <source>There are no staffed hours today. Please come back during staffed hours.</source>
        <translation>There are no staffed hours today. Please come back during staffed hours.</translation>
    </message>
    <message>
        <source>Back to the start page</source>
        <translation>Back to the start page</translation>
    </message>
</context>
<context>
    <name>EventsScreen</name>
    <message>
        <source>What&apos;s on</source>
        <translation>What&apos;s on</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Nothing has been downloaded yet. The list appears when the terminal is online.</source>
        <translation>Nothing has been downloaded yet. The list appears when the terminal is online.</translation>
    </message>
    <message>
        <source>The list cannot be shown right now. Please ask the staff.</source>
        <translation>The list cannot be shown right now. Please ask the staff.</translation>
    </message>
    <message>
        <source>Last updated %1</source>
        <translation>Last updated %1</translation>
    </message>
    <message>
        <source>No events are planned right now.</source>
        <translation>No events are planned right now.</translation>
    </message>
    <message>
        <source>Back to the start page</source>
        <translation>Back to the start page</translation>
    </message>
</context>
<context>
    <name>Footer</name>
    <message>
        <source>Need help?</source>
        <translation>Need help?</translation>
    </message>
    <message>
        <source>Large text</source>
        <translation>Large text</translation>
    </message>
    <message>
        <source>Large text: on</source>
        <translation>Large text: on</translation>
    </message>
    <message>
        <source>Large text: off</source>
        <translation>Large text: off</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>High contrast</translation>
    </message>
    <message>
        <source>High contrast: on</source>
        <translation>High contrast: on</translation>
    </message>
    <message>
        <source>High contrast: off</source>
        <translation>High contrast: off</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Finish</translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message>
        <source>Closed today (%1)</source>
        <translation>Closed today (%1)</translation>
    </message>
    <message>
        <source>Closed today</source>
        <translation>Closed today</translation>
    </message>
    <message>
        <source>Staffed today: %1</source>
        <translation>Staffed today: %1</translation>
    </message>
    <message>
        <source>No staffed hours today</source>
        <translation>No staffed hours today</translation>
    </message>
    <message>
        <source>Open library: %1</source>
        <translation>Open library: %1</translation>
    </message>
    <message>
        <source>Checking connection…</source>
        <translation>Checking connection…</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Storage full: tell the staff</source>
        <translation>Storage full: tell the staff</translation>
    </message>
    <message>
        <source>Storage fault: tell the staff</source>
        <translation>Storage fault: tell the staff</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting to be sent</source>
        <translation>
            <numerusform>%n waiting to be sent</numerusform>
            <numerusform>%n waiting to be sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be sent: tell the staff</source>
        <translation>
            <numerusform>%n could not be sent: tell the staff</numerusform>
            <numerusform>%n could not be sent: tell the staff</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HelpCard</name>
    <message>
        <source>Need help?</source>
        <translation>Need help?</translation>
    </message>
    <message>
        <source>Touch a large button to choose. You can make the text larger and change the contrast at the bottom of the screen. &quot;Finish&quot; deletes everything you entered.</source>
        <translation>Touch a large button to choose. You can make the text larger and change the contrast at the bottom of the screen. &quot;Finish&quot; deletes everything you entered.</translation>
    </message>
    <message>
        <source>Staff are here today: %1.</source>
        <translation>Staff are here today: %1.</translation>
    </message>
    <message>
        <source>There are no staffed hours today.</source>
        <translation>There are no staffed hours today.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>What would you like to do?</source>
        <translation>What would you like to do?</translation>
    </message>
</context>
<context>
    <name>IdleWarning</name>
    <message>
        <source>Are you still there?</source>
        <translation>Are you still there?</translation>
    </message>
    <message>
        <source>I need more time</source>
        <translation>I need more time</translation>
    </message>
    <message numerus="yes">
        <source>The screen will start over in %n second(s), and what you entered will be deleted.</source>
        <translation>
            <numerusform>The screen will start over in %n second, and what you entered will be deleted.</numerusform>
            <numerusform>The screen will start over in %n seconds, and what you entered will be deleted.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Simulated devices</source>
        <translation>Simulated devices</translation>
    </message>
</context>
<context>
    <name>OutOfServiceScreen</name>
    <message>
        <source>Out of service</source>
        <translation>Out of service</translation>
    </message>
    <message>
        <source>This terminal is not working right now. The fault has been logged for the technician. Please ask the staff, or try again later.</source>
        <translation>This terminal is not working right now. The fault has been logged for the technician. Please ask the staff, or try again later.</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>PIN pad</source>
        <translation>PIN pad</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Delete last digit</source>
        <translation>Delete last digit</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Confirm PIN code</source>
        <translation>Confirm PIN code</translation>
    </message>
    <message numerus="yes">
        <source>PIN code, %n digit(s) entered</source>
        <translation>
            <numerusform>PIN code, %n digit entered</numerusform>
            <numerusform>PIN code, %n digits entered</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tile</name>
    <message>
        <source>Coming soon</source>
        <translation>Coming soon</translation>
    </message>
</context>
<context>
    <name>_AudioSection</name>
    <message>
        <source>Speaker: last tones</source>
        <translation>Speaker: last tones</translation>
    </message>
    <message>
        <source>attention</source>
        <translation>attention</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>warning</translation>
    </message>
    <message>
        <source>success</source>
        <translation>success</translation>
    </message>
    <message>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <source>♪ {tone} at {volume} %</source>
        <translation>♪ {tone} at {volume} %</translation>
    </message>
</context>
<context>
    <name>_CardReaderSection</name>
    <message>
        <source>Card reader</source>
        <translation>Card reader</translation>
    </message>
    <message>
        <source>Present card: {label}</source>
        <translation>Present card: {label}</translation>
    </message>
    <message>
        <source>Card UID (hex)</source>
        <translation>Card UID (hex)</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>Remove card</source>
        <translation>Remove card</translation>
    </message>
    <message>
        <source>Reader disconnected</source>
        <translation>Reader disconnected</translation>
    </message>
    <message>
        <source>Not a hex UID</source>
        <translation>Not a hex UID</translation>
    </message>
    <message>
        <source>⚠ Reader disconnected</source>
        <translation>⚠ Reader disconnected</translation>
    </message>
    <message>
        <source>○ No card on the reader</source>
        <translation>○ No card on the reader</translation>
    </message>
    <message>
        <source>● Card on the reader: {card}</source>
        <translation>● Card on the reader: {card}</translation>
    </message>
</context>
<context>
    <name>_DoorSection</name>
    <message>
        <source>Entrance door</source>
        <translation>Entrance door</translation>
    </message>
    <message>
        <source>Open door</source>
        <translation>Open door</translation>
    </message>
    <message>
        <source>Close door</source>
        <translation>Close door</translation>
    </message>
    <message>
        <source>Force open</source>
        <translation>Force open</translation>
    </message>
    <message>
        <source>Jammed</source>
        <translation>Jammed</translation>
    </message>
    <message>
        <source>Controller offline</source>
        <translation>Controller offline</translation>
    </message>
    <message>
        <source>Sensor fault</source>
        <translation>Sensor fault</translation>
    </message>
    <message>
        <source>The door did not give: locked or jammed</source>
        <translation>The door did not give: locked or jammed</translation>
    </message>
    <message>
        <source>Lock: {state}</source>
        <translation>Lock: {state}</translation>
    </message>
    <message>
        <source>Sensor: {state}</source>
        <translation>Sensor: {state}</translation>
    </message>
</context>
<context>
    <name>_LockerBankSection</name>
    <message>
        <source>Pickup lockers</source>
        <translation>Pickup lockers</translation>
    </message>
    <message>
        <source>Bank offline</source>
        <translation>Bank offline</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Item inside</source>
        <translation>Item inside</translation>
    </message>
    <message>
        <source>Jammed</source>
        <translation>Jammed</translation>
    </message>
    <message>
        <source>● item inside</source>
        <translation>● item inside</translation>
    </message>
    <message>
        <source>○ empty</source>
        <translation>○ empty</translation>
    </message>
    <message>
        <source>? contents unknown</source>
        <translation>? contents unknown</translation>
    </message>
    <message>
        <source>No. {number}</source>
        <translation>No. {number}</translation>
    </message>
</context>
<context>
    <name>_Section</name>
    <message>
        <source>locked</source>
        <translation>locked</translation>
    </message>
    <message>
        <source>released</source>
        <translation>released</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>closed</translation>
    </message>
    <message>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
</context>
</TS>
