<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb_NO" sourcelanguage="en">
<context>
    <name>AttractScreen</name>
    <message>
        <source>Welcome to</source>
        <translation>Velkommen til</translation>
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
        <translation>Fyll ut skjema fra kommunen, steg for steg</translation>
    </message>
    <message>
        <source>Talk to a caseworker</source>
        <translation>Snakk med en saksbehandler</translation>
    </message>
    <message>
        <source>A video call with someone from the municipality</source>
        <translation>Videosamtale med noen fra kommunen</translation>
    </message>
    <message>
        <source>Collect reserved items</source>
        <translation>Hent reservert</translation>
    </message>
    <message>
        <source>Pick up library books from the lockers</source>
        <translation>Hent bøker fra biblioteket i skapene</translation>
    </message>
    <message>
        <source>Entrance / open library</source>
        <translation>Inngang / meråpent</translation>
    </message>
    <message>
        <source>Card and PIN for entry outside staffed hours</source>
        <translation>Kom inn med kort og PIN-kode når det ikke er betjent</translation>
    </message>
    <message>
        <source>What&apos;s on</source>
        <translation>Hva skjer</translation>
    </message>
    <message>
        <source>Events and news at this torg</source>
        <translation>Arrangementer og nyheter her på torget</translation>
    </message>
</context>
<context>
    <name>ComingSoonScreen</name>
    <message>
        <source>%1: coming soon</source>
        <translation>%1: kommer snart</translation>
    </message>
    <message>
        <source>This service is not available on this terminal yet. We are working on it.</source>
        <translation>Du kan ikke bruke denne tjenesten her ennå. Vi jobber med det.</translation>
    </message>
    <message>
        <source>Staff can help you in person today: %1.</source>
        <translation>I dag kan du få hjelp av en ansatt: %1.</translation>
    </message>
    <message>
        <source>There are no staffed hours today. Please come back during staffed hours.</source>
        <translation>Det er ingen ansatte her i dag. Kom gjerne tilbake en annen dag når det er betjent.</translation>
    </message>
    <message>
        <source>Back to the start page</source>
        <translation>Tilbake til startsiden</translation>
    </message>
</context>
<context>
    <name>EventsScreen</name>
    <message>
        <source>What&apos;s on</source>
        <translation>Hva skjer</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Henter …</translation>
    </message>
    <message>
        <source>Nothing has been downloaded yet. The list appears when the terminal is online.</source>
        <translation>Ingenting er lastet ned ennå. Lista kommer når skjermen er tilkoblet.</translation>
    </message>
    <message>
        <source>The list cannot be shown right now. Please ask the staff.</source>
        <translation>Lista kan ikke vises akkurat nå. Spør de ansatte.</translation>
    </message>
    <message>
        <source>Last updated %1</source>
        <translation>Sist oppdatert %1</translation>
    </message>
    <message>
        <source>No events are planned right now.</source>
        <translation>Ingen arrangementer er planlagt akkurat nå.</translation>
    </message>
    <message>
        <source>Back to the start page</source>
        <translation>Tilbake til startsiden</translation>
    </message>
</context>
<context>
    <name>Footer</name>
    <message>
        <source>Need help?</source>
        <translation>Trenger du hjelp?</translation>
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
        <translation>Høy kontrast</translation>
    </message>
    <message>
        <source>High contrast: on</source>
        <translation>Høy kontrast: på</translation>
    </message>
    <message>
        <source>High contrast: off</source>
        <translation>Høy kontrast: av</translation>
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
        <translation>Betjent i dag: %1</translation>
    </message>
    <message>
        <source>No staffed hours today</source>
        <translation>Ikke betjent i dag</translation>
    </message>
    <message>
        <source>Open library: %1</source>
        <translation>Meråpent: %1</translation>
    </message>
    <message>
        <source>Checking connection…</source>
        <translation>Sjekker tilkoblingen …</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Tilkoblet</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Frakoblet</translation>
    </message>
    <message>
        <source>Storage full: tell the staff</source>
        <translation>Lagringsplassen er full – si fra til de ansatte</translation>
    </message>
    <message>
        <source>Storage fault: tell the staff</source>
        <translation>Feil ved lagring – si fra til de ansatte</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting to be sent</source>
        <translation>
            <numerusform>%n venter på å bli sendt</numerusform>
            <numerusform>%n venter på å bli sendt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be sent: tell the staff</source>
        <translation>
            <numerusform>%n kunne ikke sendes – si fra til de ansatte</numerusform>
            <numerusform>%n kunne ikke sendes – si fra til de ansatte</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HelpCard</name>
    <message>
        <source>Need help?</source>
        <translation>Trenger du hjelp?</translation>
    </message>
    <message>
        <source>Touch a large button to choose. You can make the text larger and change the contrast at the bottom of the screen. &quot;Finish&quot; deletes everything you entered.</source>
        <translation>Trykk på en stor knapp for å velge. Nederst på skjermen kan du gjøre teksten større og endre kontrasten. «Avslutt» sletter alt du har skrevet inn.</translation>
    </message>
    <message>
        <source>Staff are here today: %1.</source>
        <translation>Ansatte er her i dag: %1.</translation>
    </message>
    <message>
        <source>There are no staffed hours today.</source>
        <translation>Det er ingen ansatte her i dag.</translation>
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
        <translation>Hva vil du gjøre?</translation>
    </message>
</context>
<context>
    <name>IdleWarning</name>
    <message>
        <source>Are you still there?</source>
        <translation>Er du fortsatt her?</translation>
    </message>
    <message>
        <source>I need more time</source>
        <translation>Jeg trenger mer tid</translation>
    </message>
    <message numerus="yes">
        <source>The screen will start over in %n second(s), and what you entered will be deleted.</source>
        <translation>
            <numerusform>Skjermen starter på nytt om %n sekund, og det du har skrevet, blir slettet.</numerusform>
            <numerusform>Skjermen starter på nytt om %n sekunder, og det du har skrevet, blir slettet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Simulated devices</source>
        <translation>Simulerte enheter</translation>
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
        <translation>Denne skjermen virker ikke akkurat nå. Vi har sagt fra til en tekniker. Spør de ansatte, eller prøv igjen senere.</translation>
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
        <translation>Bekreft PIN-koden</translation>
    </message>
    <message numerus="yes">
        <source>PIN code, %n digit(s) entered</source>
        <translation>
            <numerusform>PIN-kode, %n siffer skrevet inn</numerusform>
            <numerusform>PIN-kode, %n siffer skrevet inn</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tile</name>
    <message>
        <source>Coming soon</source>
        <translation>Kommer snart</translation>
    </message>
</context>
<context>
    <name>_AudioSection</name>
    <message>
        <source>Speaker: last tones</source>
        <translation>Høyttaler: siste lyder</translation>
    </message>
    <message>
        <source>attention</source>
        <translation>obs</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>advarsel</translation>
    </message>
    <message>
        <source>success</source>
        <translation>vellykket</translation>
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
        <translation>Kortleser</translation>
    </message>
    <message>
        <source>Present card: {label}</source>
        <translation>Hold fram kort: {label}</translation>
    </message>
    <message>
        <source>Card UID (hex)</source>
        <translation>Kort-UID (heksadesimal)</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Hold fram</translation>
    </message>
    <message>
        <source>Remove card</source>
        <translation>Ta bort kortet</translation>
    </message>
    <message>
        <source>Reader disconnected</source>
        <translation>Kortleser frakoblet</translation>
    </message>
    <message>
        <source>Not a hex UID</source>
        <translation>Ikke en gyldig heksadesimal UID</translation>
    </message>
    <message>
        <source>⚠ Reader disconnected</source>
        <translation>⚠ Kortleser frakoblet</translation>
    </message>
    <message>
        <source>○ No card on the reader</source>
        <translation>○ Ingen kort på leseren</translation>
    </message>
    <message>
        <source>● Card on the reader: {card}</source>
        <translation>● Kort på leseren: {card}</translation>
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
        <translation>Åpne døra</translation>
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
        <translation>Sitter fast</translation>
    </message>
    <message>
        <source>Controller offline</source>
        <translation>Dørstyring frakoblet</translation>
    </message>
    <message>
        <source>Sensor fault</source>
        <translation>Sensorfeil</translation>
    </message>
    <message>
        <source>The door did not give: locked or jammed</source>
        <translation>Døra gikk ikke opp: låst eller sitter fast</translation>
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
        <translation>Hentskap</translation>
    </message>
    <message>
        <source>Bank offline</source>
        <translation>Skapene frakoblet</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Åpne</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
    <message>
        <source>Item inside</source>
        <translation>Noe inni</translation>
    </message>
    <message>
        <source>Jammed</source>
        <translation>Sitter fast</translation>
    </message>
    <message>
        <source>● item inside</source>
        <translation>● noe inni</translation>
    </message>
    <message>
        <source>○ empty</source>
        <translation>○ tomt</translation>
    </message>
    <message>
        <source>? contents unknown</source>
        <translation>? ukjent innhold</translation>
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
        <translation>lukket</translation>
    </message>
    <message>
        <source>open</source>
        <translation>åpen</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>ukjent</translation>
    </message>
</context>
</TS>
