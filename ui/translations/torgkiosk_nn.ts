<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nn_NO" sourcelanguage="en">
<context>
    <name>AttractScreen</name>
    <message>
        <source>Welcome to</source>
        <translation>Velkomen til</translation>
    </message>
    <message>
        <source>Here you can:</source>
        <translation>Her kan du:</translation>
    </message>
    <message>
        <source>Touch to start</source>
        <translation>Trykk for å starte</translation>
    </message>
    <message>
        <source>Start animation</source>
        <translation>Start animasjonen</translation>
    </message>
    <message>
        <source>Pause animation</source>
        <translation>Stopp animasjonen</translation>
    </message>
</context>
<context>
    <name>Capability</name>
    <message>
        <source>Form help</source>
        <translation>Skjemahjelp</translation>
    </message>
    <message>
        <source>Fill in the municipality&apos;s forms, step by step</source>
        <translation>Fyll ut skjema frå kommunen, steg for steg</translation>
    </message>
    <message>
        <source>Talk to a caseworker</source>
        <translation>Snakk med ein saksbehandlar</translation>
    </message>
    <message>
        <source>A video call with someone from the municipality</source>
        <translation>Videosamtale med nokon frå kommunen</translation>
    </message>
    <message>
        <source>Collect reserved items</source>
        <translation>Hent reservert</translation>
    </message>
    <message>
        <source>Pick up library books from the lockers</source>
        <translation>Hent bøker frå biblioteket i skapa</translation>
    </message>
    <message>
        <source>Entrance / open library</source>
        <translation>Inngang / meirope</translation>
    </message>
    <message>
        <source>Card and PIN for entry outside staffed hours</source>
        <translation>Kom inn med kort og PIN-kode når det ikkje er betent</translation>
    </message>
    <message>
        <source>What&apos;s on</source>
        <translation>Kva skjer</translation>
    </message>
    <message>
        <source>Events and news at this torg</source>
        <translation>Arrangement og nyheiter her på torget</translation>
    </message>
</context>
<context>
    <name>ComingSoonScreen</name>
    <message>
        <source>%1: coming soon</source>
        <translation>%1: kjem snart</translation>
    </message>
    <message>
        <source>This service is not available on this terminal yet. We are working on it.</source>
        <translation>Du kan ikkje bruke denne tenesta her enno. Vi jobbar med det.</translation>
    </message>
    <message>
        <source>Staff can help you in person today: %1.</source>
        <translation>I dag kan du få hjelp av ein tilsett: %1.</translation>
    </message>
    <message>
        <source>There are no staffed hours today. Please come back during staffed hours.</source>
        <translation>Det er ingen tilsette her i dag. Kom gjerne tilbake ein annan dag når det er betent.</translation>
    </message>
    <message>
        <source>Back to the start page</source>
        <translation>Tilbake til startsida</translation>
    </message>
</context>
<context>
    <name>EventsScreen</name>
    <message>
        <source>What&apos;s on</source>
        <translation>Kva skjer</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Hentar …</translation>
    </message>
    <message>
        <source>Nothing has been downloaded yet. The list appears when the terminal is online.</source>
        <translation>Ingenting er lasta ned enno. Lista kjem når skjermen er tilkopla.</translation>
    </message>
    <message>
        <source>The list cannot be shown right now. Please ask the staff.</source>
        <translation>Lista kan ikkje visast akkurat no. Spør dei tilsette.</translation>
    </message>
    <message>
        <source>Last updated %1</source>
        <translation>Sist oppdatert %1</translation>
    </message>
    <message>
        <source>No events are planned right now.</source>
        <translation>Ingen arrangement er planlagde akkurat no.</translation>
    </message>
    <message>
        <source>Back to the start page</source>
        <translation>Tilbake til startsida</translation>
    </message>
</context>
<context>
    <name>Footer</name>
    <message>
        <source>Need help?</source>
        <translation>Treng du hjelp?</translation>
    </message>
    <message>
        <source>Large text</source>
        <translation>Stor tekst</translation>
    </message>
    <message>
        <source>Large text: on</source>
        <translation>Stor tekst: på</translation>
    </message>
    <message>
        <source>Large text: off</source>
        <translation>Stor tekst: av</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Høg kontrast</translation>
    </message>
    <message>
        <source>High contrast: on</source>
        <translation>Høg kontrast: på</translation>
    </message>
    <message>
        <source>High contrast: off</source>
        <translation>Høg kontrast: av</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Avslutt</translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message>
        <source>Closed today (%1)</source>
        <translation>Stengt i dag (%1)</translation>
    </message>
    <message>
        <source>Closed today</source>
        <translation>Stengt i dag</translation>
    </message>
    <message>
        <source>Staffed today: %1</source>
        <translation>Betent i dag: %1</translation>
    </message>
    <message>
        <source>No staffed hours today</source>
        <translation>Ikkje betent i dag</translation>
    </message>
    <message>
        <source>Open library: %1</source>
        <translation>Meirope: %1</translation>
    </message>
    <message>
        <source>Checking connection…</source>
        <translation>Sjekkar tilkoplinga …</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Tilkopla</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Fråkopla</translation>
    </message>
    <message>
        <source>Storage full: tell the staff</source>
        <translation>Lagringsplassen er full – sei frå til dei tilsette</translation>
    </message>
    <message>
        <source>Storage fault: tell the staff</source>
        <translation>Feil ved lagring – sei frå til dei tilsette</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting to be sent</source>
        <translation>
            <numerusform>%n ventar på å bli sendt</numerusform>
            <numerusform>%n ventar på å bli sendt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be sent: tell the staff</source>
        <translation>
            <numerusform>%n kunne ikkje sendast – sei frå til dei tilsette</numerusform>
            <numerusform>%n kunne ikkje sendast – sei frå til dei tilsette</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HelpCard</name>
    <message>
        <source>Need help?</source>
        <translation>Treng du hjelp?</translation>
    </message>
    <message>
        <source>Touch a large button to choose. You can make the text larger and change the contrast at the bottom of the screen. &quot;Finish&quot; deletes everything you entered.</source>
        <translation>Trykk på ein stor knapp for å velje. Nedst på skjermen kan du gjere teksten større og endre kontrasten. «Avslutt» slettar alt du har skrive inn.</translation>
    </message>
    <message>
        <source>Staff are here today: %1.</source>
        <translation>Tilsette er her i dag: %1.</translation>
    </message>
    <message>
        <source>There are no staffed hours today.</source>
        <translation>Det er ingen tilsette her i dag.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>What would you like to do?</source>
        <translation>Kva vil du gjere?</translation>
    </message>
</context>
<context>
    <name>IdleWarning</name>
    <message>
        <source>Are you still there?</source>
        <translation>Er du framleis her?</translation>
    </message>
    <message>
        <source>I need more time</source>
        <translation>Eg treng meir tid</translation>
    </message>
    <message numerus="yes">
        <source>The screen will start over in %n second(s), and what you entered will be deleted.</source>
        <translation>
            <numerusform>Skjermen startar på nytt om %n sekund, og det du har skrive, blir sletta.</numerusform>
            <numerusform>Skjermen startar på nytt om %n sekund, og det du har skrive, blir sletta.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Simulated devices</source>
        <translation>Simulerte einingar</translation>
    </message>
</context>
<context>
    <name>OutOfServiceScreen</name>
    <message>
        <source>Out of service</source>
        <translation>Ute av drift</translation>
    </message>
    <message>
        <source>This terminal is not working right now. The fault has been logged for the technician. Please ask the staff, or try again later.</source>
        <translation>Denne skjermen verkar ikkje akkurat no. Vi har sagt frå til ein teknikar. Spør dei tilsette, eller prøv igjen seinare.</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>PIN pad</source>
        <translation>Tastatur for PIN-kode</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Slett</translation>
    </message>
    <message>
        <source>Delete last digit</source>
        <translation>Slett siste siffer</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Confirm PIN code</source>
        <translation>Stadfest PIN-koden</translation>
    </message>
    <message numerus="yes">
        <source>PIN code, %n digit(s) entered</source>
        <translation>
            <numerusform>PIN-kode, %n siffer skrive inn</numerusform>
            <numerusform>PIN-kode, %n siffer skrive inn</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tile</name>
    <message>
        <source>Coming soon</source>
        <translation>Kjem snart</translation>
    </message>
</context>
<context>
    <name>_AudioSection</name>
    <message>
        <source>Speaker: last tones</source>
        <translation>Høgtalar: siste lydar</translation>
    </message>
    <message>
        <source>attention</source>
        <translation>obs</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>åtvaring</translation>
    </message>
    <message>
        <source>success</source>
        <translation>vellukka</translation>
    </message>
    <message>
        <source>error</source>
        <translation>feil</translation>
    </message>
    <message>
        <source>♪ {tone} at {volume} %</source>
        <translation>♪ {tone} på {volume} %</translation>
    </message>
</context>
<context>
    <name>_CardReaderSection</name>
    <message>
        <source>Card reader</source>
        <translation>Kortlesar</translation>
    </message>
    <message>
        <source>Present card: {label}</source>
        <translation>Hald fram kort: {label}</translation>
    </message>
    <message>
        <source>Card UID (hex)</source>
        <translation>Kort-UID (heksadesimal)</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Hald fram</translation>
    </message>
    <message>
        <source>Remove card</source>
        <translation>Ta bort kortet</translation>
    </message>
    <message>
        <source>Reader disconnected</source>
        <translation>Kortlesar fråkopla</translation>
    </message>
    <message>
        <source>Not a hex UID</source>
        <translation>Ikkje ein gyldig heksadesimal UID</translation>
    </message>
    <message>
        <source>⚠ Reader disconnected</source>
        <translation>⚠ Kortlesar fråkopla</translation>
    </message>
    <message>
        <source>○ No card on the reader</source>
        <translation>○ Ikkje noko kort på lesaren</translation>
    </message>
    <message>
        <source>● Card on the reader: {card}</source>
        <translation>● Kort på lesaren: {card}</translation>
    </message>
</context>
<context>
    <name>_DoorSection</name>
    <message>
        <source>Entrance door</source>
        <translation>Inngangsdør</translation>
    </message>
    <message>
        <source>Open door</source>
        <translation>Opne døra</translation>
    </message>
    <message>
        <source>Close door</source>
        <translation>Lukk døra</translation>
    </message>
    <message>
        <source>Force open</source>
        <translation>Bryt opp</translation>
    </message>
    <message>
        <source>Jammed</source>
        <translation>Sit fast</translation>
    </message>
    <message>
        <source>Controller offline</source>
        <translation>Dørstyring fråkopla</translation>
    </message>
    <message>
        <source>Sensor fault</source>
        <translation>Sensorfeil</translation>
    </message>
    <message>
        <source>The door did not give: locked or jammed</source>
        <translation>Døra gjekk ikkje opp: låst eller sit fast</translation>
    </message>
    <message>
        <source>Lock: {state}</source>
        <translation>Lås: {state}</translation>
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
        <translation>Henteskap</translation>
    </message>
    <message>
        <source>Bank offline</source>
        <translation>Skapa fråkopla</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Opne</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
    <message>
        <source>Item inside</source>
        <translation>Noko inni</translation>
    </message>
    <message>
        <source>Jammed</source>
        <translation>Sit fast</translation>
    </message>
    <message>
        <source>● item inside</source>
        <translation>● noko inni</translation>
    </message>
    <message>
        <source>○ empty</source>
        <translation>○ tomt</translation>
    </message>
    <message>
        <source>? contents unknown</source>
        <translation>? ukjent innhald</translation>
    </message>
    <message>
        <source>No. {number}</source>
        <translation>Nr. {number}</translation>
    </message>
</context>
<context>
    <name>_Section</name>
    <message>
        <source>locked</source>
        <translation>låst</translation>
    </message>
    <message>
        <source>released</source>
        <translation>opplåst</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>lukka</translation>
    </message>
    <message>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>ukjent</translation>
    </message>
</context>
</TS>
