"""Composed documents of formats the samples lack, as blocks for `build_pdf`.

Each function returns (blocks, style). The texts are written for the tests: the
expected values in the tests come from what is written here.
"""

from __future__ import annotations

from .builders import Gap, Labelled, Line, PageBreak, Row, ScannedPage, Style, Table


def kommune_protokoll() -> tuple[list, Style]:
    """A municipal møteprotokoll of a helse- og omsorgsutvalg with PS cases."""
    blocks = [
        Line("Lørenskog kommune", bold=True, size=12),
        Line("MØTEPROTOKOLL", bold=True, size=18, space_before=6),
        Line("Helse- og omsorgsutvalget", bold=True, size=14),
        Gap(6),
        Labelled("Møtedato:", "14.03.2024", value_x=170),
        Labelled("Møtested:", "Kommunestyresalen, rådhuset", value_x=170),
        Labelled("Møtetid:", "kl. 17:00 – 19:30", value_x=170),
        Gap(6),
        Line("Faste medlemmer som møtte:", bold=True),
        Line("Kari Nordby, leder (Ap)"),
        Line("Per Egil Haugen, nestleder (H)"),
        Line("Sigrid Aasen (Sp)"),
        Line("Tor Magne Lie (FrP)"),
        Gap(4),
        Line("Forfall:", bold=True),
        Line("Ingrid Solberg (SV)"),
        Gap(4),
        Line("Varamedlemmer som møtte:", bold=True),
        Line("Jon Berg (SV) for Ingrid Solberg"),
        Gap(4),
        Line("Fra administrasjonen:", bold=True),
        Line("Hilde Mo, kommunalsjef helse og omsorg"),
        Gap(4),
        Labelled("Protokollfører:", "Anne Lise Dahl, utvalgssekretær"),
        Gap(10),
        Line("Saksliste", bold=True, size=13),
        Line("PS 12/24 Godkjenning av protokoll fra forrige møte"),
        Line("PS 13/24 Plan for legetjenester 2024–2027"),
        Line("PS 14/24 Dagaktivitetstilbud for personer med demens"),
        PageBreak(),
        Line("PS 12/24 Godkjenning av protokoll fra forrige møte", bold=True, size=12),
        Line("Innstilling:", bold=True, space_before=4),
        Line("Protokoll fra møtet 08.02.2024 godkjennes."),
        Line("Behandling:", bold=True, space_before=4),
        Line("Innstillingen ble enstemmig vedtatt."),
        Line("Vedtak:", bold=True, space_before=4),
        Line("Protokoll fra møtet 08.02.2024 godkjennes."),
        Gap(10),
        Line("PS 13/24 Plan for legetjenester 2024–2027", bold=True, size=12),
        Line("Innstilling:", bold=True, space_before=4),
        Line("Helse- og omsorgsutvalget anbefaler kommunestyret å vedta plan for"),
        Line("legetjenester 2024–2027."),
        Line("Behandling:", bold=True, space_before=4),
        Line("Sigrid Aasen (Sp) fremmet følgende tilleggsforslag: Planen evalueres i 2026."),
        Line("Innstillingen med tilleggsforslaget ble enstemmig vedtatt."),
        Line("Vedtak:", bold=True, space_before=4),
        Line("Helse- og omsorgsutvalget anbefaler kommunestyret å vedta plan for"),
        Line("legetjenester 2024–2027. Planen evalueres i 2026."),
        Gap(10),
        Line("PS 14/24 Dagaktivitetstilbud for personer med demens", bold=True, size=12),
        Line("Innstilling:", bold=True, space_before=4),
        Line("Saken tas til orientering."),
        Line("Vedtak:", bold=True, space_before=4),
        Line("Saken tas til orientering."),
    ]
    return blocks, Style(header="Lørenskog kommune – Møteprotokoll Helse- og omsorgsutvalget", footer="side_av")


def nynorsk_referat() -> tuple[list, Style]:
    """A nynorsk referat of a samarbeidsutval, `Sak 01-21` cases, `Framlegg til vedtak:`."""
    blocks = [
        Line("Referat", bold=True, size=20),
        Line("Samarbeidsutvalet Helse Førde og kommunane i Sogn og Fjordane", bold=True, size=13),
        Gap(6),
        Labelled("Dato:", "12. januar 2021", value_x=150),
        Labelled("Stad:", "Teams", value_x=150),
        Gap(4),
        Line("Til stades:", bold=True),
        Line("Kjersti Nes, kommunalsjef, Sunnfjord kommune (leiar), Eirik Sande, klinikkdirektør,"),
        Line("Helse Førde, Marit Hovland, fagdirektør, Helse Bergen, Lars Vik, kommuneoverlege,"),
        Line("Kinn kommune, Solveig Brekke, brukarrepresentant"),
        Line("Forfall:", bold=True),
        Line("Arne Dale, administrerande direktør, Helse Førde"),
        Labelled("Referent:", "Gunn Eide, rådgjevar, Helse Førde"),
        Gap(10),
        Line("Sak 01-21 Godkjenning av innkalling og sakliste", bold=True, size=11.5),
        Line("Framlegg til vedtak:", bold=True),
        Line("Innkalling og sakliste vert godkjende."),
        Line("Vedtak:", bold=True),
        Line("Innkalling og sakliste vart godkjende utan merknader."),
        Gap(8),
        Line("Sak 02-21 Felles handlingsplan for helsefellesskapet", bold=True, size=11.5),
        Line("Bakgrunn:", bold=True),
        Line("Helsefellesskapet skal utarbeide ein felles handlingsplan for dei prioriterte"),
        Line("pasientgruppene. Arbeidsgruppa har levert sitt forslag."),
        Line("Framlegg til vedtak:", bold=True),
        Line("Samarbeidsutvalet sluttar seg til utkastet til handlingsplan."),
        Line("Vedtak:", bold=True),
        Line("Samarbeidsutvalet sluttar seg til utkastet til handlingsplan. Planen vert"),
        Line("lagd fram for partnarskapsmøtet i mars."),
        Gap(8),
        Line("Sak 03-21 Eventuelt", bold=True, size=11.5),
        Line("Det var ingen saker under eventuelt."),
    ]
    return blocks, Style(font="times", size=11, header="Helse Førde HF – Samarbeidsutvalet", footer="dash")


def lsu_innkalling() -> tuple[list, Style]:
    """A notice for an LSU meeting: the saksliste with proposed decisions only."""
    blocks = [
        Line("Innkalling til møte i Lokalt samarbeidsutvalg (LSU)", bold=True, size=16),
        Line("Helsefellesskapet Sykehuset Innlandet og kommunene i Gjøvik-regionen", size=11),
        Gap(6),
        Labelled("Tid:", "Torsdag 6. februar 2025 kl. 09.00–12.00", value_x=140),
        Labelled("Sted:", "Sykehuset Innlandet Gjøvik, møterom Mjøsa", value_x=140),
        Gap(4),
        Line("Forfall meldes til sekretær Ragnhild Strand innen 3. februar."),
        Gap(8),
        Line("Saksliste", bold=True, size=13),
        Gap(4),
        Line("Sak 1/25 Godkjenning av innkalling og saksliste", bold=True),
        Line("Forslag til vedtak:", bold=True),
        Line("Innkalling og saksliste godkjennes."),
        Gap(6),
        Line("Sak 2/25 Godkjenning av referat fra møte 28. november 2024", bold=True),
        Line("Forslag til vedtak:", bold=True),
        Line("Referatet godkjennes."),
        Gap(6),
        Line("Sak 3/25 Felles rutine for utskrivning av eldre pasienter", bold=True),
        Line("Arbeidsgruppen har revidert rutinen etter innspill fra kommunene og klinikkene."),
        Line("Forslag til vedtak:", bold=True),
        Line("1. LSU slutter seg til revidert rutine for utskrivning av eldre pasienter."),
        Line("2. Rutinen gjøres gjeldende fra 1. april 2025."),
        Line("Vedlegg:", bold=True),
        Line("Revidert rutine, datert 15.01.2025"),
        Gap(6),
        Line("Sak 4/25 Orientering om ny legevaktsordning", bold=True),
        Line("Forslag til vedtak:", bold=True),
        Line("Saken tas til orientering."),
        Gap(6),
        Line("Sak 5/25 Eventuelt", bold=True),
    ]
    return blocks, Style(header="Sykehuset Innlandet HF", footer="plain")


def styresak() -> tuple[list, Style]:
    """A board case (styresak) of another HF with the director's numbered proposal."""
    blocks = [
        Line("Sykehuset Østfold HF", bold=True, size=11),
        Gap(4),
        Line("Styresak 45-2023", bold=True, size=16),
        Line("Økonomisk langtidsplan 2024–2027", bold=True, size=16),
        Gap(6),
        Labelled("Saksnr.:", "045-2023", value_x=160),
        Labelled("Møtedato:", "21.06.2023", value_x=160),
        Labelled("Saksbehandler:", "Økonomidirektør Even Holt", value_x=160),
        Labelled("Vedlegg:", "Økonomisk langtidsplan 2024–2027", value_x=160),
        Gap(8),
        Line("ADM. DIREKTØRS INNSTILLING:", bold=True),
        Line("Styret vedtar følgende:"),
        Line("1. Styret godkjenner økonomisk langtidsplan 2024–2027 som grunnlag for"),
        Line("innspill til Helse Sør-Øst RHF."),
        Line("2. Styret ber administrerende direktør sikre at investeringene i ny"),
        Line("psykiatribygning prioriteres innenfor planperioden."),
        Line("3. Styret ber om en statusrapport i styremøtet i desember 2023."),
        Gap(6),
        Line("Sarpsborg, 14. juni 2023"),
        Line("Hege Berg"),
        Line("administrerende direktør"),
        Gap(8),
        Line("Bakgrunn", bold=True, size=12),
        Line("Helse Sør-Øst RHF ba i brev av 2. mai 2023 om helseforetakenes innspill til"),
        Line("økonomisk langtidsplan. Planen bygger på vedtatt utviklingsplan og"),
        Line("Sykehuset Østfolds strategi. Styret behandlet en orientering om planarbeidet"),
        Line("i sak 31-2023."),
    ]
    return blocks, Style(font="times", size=11, header="Styremøte Sykehuset Østfold HF 21. juni 2023", footer="side_av")


def attendee_table_referat() -> tuple[list, Style]:
    """A referat whose attendees are a ruled table with a Merknad column."""
    rows = [
        ("Navn", "Stilling", "Organisasjon", "Merknad"),
        ("Tone Ikdahl", "Klinikkleder", "Sykehuset Telemark HF", ""),
        ("Hans Olav Lien", "Kommunalsjef", "Skien kommune", "Leder"),
        ("Berit Aas", "Helse- og omsorgssjef", "Porsgrunn kommune", "Forfall"),
        ("Geir Moen", "Enhetsleder", "Porsgrunn kommune", "Vara for Berit Aas"),
        ("Lise Tveit", "Fastlege", "Skien kommune", ""),
        ("Oddvar Bø", "Brukerrepresentant", "Brukerutvalget", "Forfall"),
        ("Randi Holm", "Rådgiver", "Sykehuset Telemark HF", "Referent"),
    ]
    blocks = [
        Line("Møtereferat", bold=True, size=18),
        Line("Fagråd for psykisk helse og rus – Telemark", bold=True, size=13),
        Gap(4),
        Labelled("Dato:", "5. september 2023", value_x=140),
        Labelled("Sted:", "Skien rådhus", value_x=140),
        Gap(6),
        Table(rows, widths=[110, 120, 140, 110]),
        Gap(6),
        Line("Sak 21/23 Godkjenning av referat", bold=True),
        Line("Vedtak:", bold=True),
        Line("Referat fra møtet 13. juni godkjennes."),
        Gap(6),
        Line("Sak 22/23 Ventetider i poliklinikk for psykisk helsevern", bold=True),
        Line("Klinikkleder orienterte om ventetidene og tiltak for å redusere dem."),
        Line("Vedtak:", bold=True),
        Line("Fagrådet tar orienteringen til etterretning."),
    ]
    return blocks, Style(header="Helsefellesskapet i Telemark", footer="slash")


def one_per_line_referat() -> tuple[list, Style]:
    """Til stede one person per line, names broken across lines, Dessuten møtte."""
    blocks = [
        Line("REFERAT", bold=True, size=18),
        Line("Strategisk samarbeidsutvalg Vestre Viken", bold=True, size=13),
        Gap(4),
        Labelled("Møtedato:", "7. november 2022", value_x=150),
        Labelled("Møtested:", "Drammen sykehus", value_x=150),
        Gap(6),
        Line("Til stede:", bold=True),
        Line("Anne Grethe Kristiansen"),
        Line("Bjørn Erik"),
        Line("Svendsen"),
        Line("Camilla Tangen"),
        Line("Dag Inge Ulstein"),
        Gap(4),
        Line("Dessuten møtte:", bold=True),
        Line("Eva Marie Lunde, seniorrådgiver, Vestre Viken HF"),
        Gap(4),
        Line("Forfall:", bold=True),
        Line("Frode Hagen"),
        Gap(4),
        Labelled("Møteleder:", "Anne Grethe Kristiansen"),
        Labelled("Referent:", "Eva Marie Lunde"),
        Gap(10),
        Line("Sak 30/22 Godkjenning av innkalling og referat", bold=True),
        Line("Vedtak:", bold=True),
        Line("Innkalling og referat fra forrige møte godkjennes."),
        Gap(6),
        Line("Sak 31/22 Tjenesteavtale om utskrivningsklare pasienter", bold=True),
        Line("Vedtak:", bold=True),
        Line("SSU godkjenner revidert tjenesteavtale 3 og 5."),
    ]
    return blocks, Style(header="Vestre Viken HF og kommunene", footer="side_av")


def mixed_headings_minutes() -> tuple[list, Style]:
    """`Sak 2014/15`-style year-first numbers and `Sak nr. 7/2022:` with the title below."""
    blocks = [
        Line("Referat fra møte i Samarbeidsforum", bold=True, size=16),
        Labelled("Dato:", "22.09.2022"),
        Labelled("Til stede:", "Ola Bratt, Kari Sunde, Nils Myhre"),
        Gap(8),
        Line("Sak nr. 7/2022:", bold=True, size=12),
        Line("Orienteringssak: Status for digital hjemmeoppfølging", bold=True, size=12),
        Line("Prosjektleder orienterte om erfaringene fra pilotkommunene."),
        Line("Vedtak:", bold=True),
        Line("Saken tas til orientering."),
        Gap(8),
        Line("Sak 2022/8 Drøftingssak: Fremtidig organisering av legevakt", bold=True, size=12),
        Line("Medlemmene drøftet modeller for interkommunal legevakt."),
        Line("Konklusjon:", bold=True),
        Line("Sekretariatet utreder to modeller til neste møte."),
        Gap(8),
        Line("Sak 2022/9 Eventuelt", bold=True, size=12),
        Line("Ingen saker."),
    ]
    return blocks, Style(footer="plain")


def numbers_not_cases() -> tuple[list, Style]:
    """Dates, times, page numbers and references that must not become case numbers."""
    blocks = [
        Line("Referat", bold=True, size=18),
        Line("Samarbeidsutvalget Helse Stavanger og kommunene", bold=True, size=13),
        Labelled("Dato:", "05.12.24 kl. 13.30–15.30"),
        Labelled("Til stede:", "Siri Lund, Ivar Tjelta, Mona Skår"),
        Gap(8),
        Line("Sak 40/24 Oppfølging av nasjonal helse- og samhandlingsplan", bold=True),
        Line("Det vises til sak 84/2021 behandlet i styremøtet og til Meld. St. 7 (2019–2020)."),
        Line("Om lag 1/3 av kommunene har etablert felles tiltak, se side 2/7 i vedlegget."),
        Line("Møtet ble avbrutt kl. 14.15 og fortsatte 14.30."),
        Line("Vedtak:", bold=True),
        Line("Samarbeidsutvalget tar saken til orientering og ber om ny sak 12.03.25."),
        Gap(8),
        Line("Sak 41/24 Møteplan 2025", bold=True),
        Line("Vedtak:", bold=True),
        Line("Møteplanen vedtas med møter 12.03.25, 11.06.25 og 5.11.25."),
    ]
    return blocks, Style(header="Helse Stavanger HF", footer="slash")


def nynorsk_kommune_protokoll() -> tuple[list, Style]:
    """A nynorsk municipal protocol whose numbered vedtak runs across a page break."""
    filler = [
        Line(
            f"Utvalet drøfta tilrådinga. Punkt {k} i saksutgreiinga vart gått gjennom av kommunalsjefen."
        )
        for k in range(1, 26)
    ]
    blocks = [
        Line("Sogndal kommune", bold=True, size=11),
        Line("MØTEPROTOKOLL", bold=True, size=18),
        Line("Hovudutval for helse og omsorg", bold=True, size=14),
        Gap(4),
        Labelled("Møtedato:", "03.10.2023", value_x=160),
        Labelled("Møtestad:", "Kommunehuset, møterom Fjøra", value_x=160),
        Gap(4),
        Line("Faste medlemer som møtte:", bold=True),
        Line("Ragnhild Fosse, leiar (Sp)"),
        Line("Terje Hauge (Ap)"),
        Line("Forfall:", bold=True),
        Line("Liv Berge (H)"),
        Line("Varamedlemer som møtte:", bold=True),
        Line("Knut Ølmheim (H) for Liv Berge"),
        Gap(8),
        Line("PS 31/23 Bustadsosial handlingsplan 2024–2028", bold=True, size=12),
        Line("Kommunedirektøren si tilråding:", bold=True),
        Line("Bustadsosial handlingsplan vert send på høyring."),
        Line("Handsaming:", bold=True),
        *filler,
        Line("Vedtak:", bold=True),
        Line("1. Bustadsosial handlingsplan 2024–2028 vert send på høyring med dei endringane"),
        Line("som kom fram i møtet."),
        Line("2. Høyringsfristen vert sett til 1. desember 2023."),
        Line("3. Planen vert lagd fram for kommunestyret i februar 2024."),
        Line("Vedlegg:", bold=True),
        Line("1. Utkast til bustadsosial handlingsplan"),
        Line("2. Høyringsliste"),
        Gap(8),
        Line("PS 32/23 Referatsaker", bold=True, size=12),
        Line("Vedtak:", bold=True),
        Line("Referatsakene vert tekne til orientering."),
    ]
    return blocks, Style(font="times", size=11, header="Sogndal kommune – Hovudutval for helse og omsorg", footer="dash")


def scanned_page_referat() -> tuple[list, Style]:
    """A referat with a scanned (text-less) attachment page between its case pages."""
    blocks = [
        Line("Referat", bold=True, size=18),
        Line("Overordnet samarbeidsorgan Helse Møre og Romsdal og kommunene", bold=True, size=13),
        Labelled("Møtedato:", "4. mai 2023", value_x=150),
        Labelled("Møtested:", "Molde sjukehus", value_x=150),
        Gap(6),
        Line("Til stede:", bold=True),
        Line("Kristin Roald, kommunedirektør, Molde kommune"),
        Line("Petter Strand, direktør, Helse Møre og Romsdal HF"),
        Line("Forfall:", bold=True),
        Line("Unni Lystad, kommuneoverlege, Ålesund kommune"),
        Labelled("Referent:", "Tove Myklebust"),
        Gap(10),
        Line("Sak 14/23 Felles kompetanseplan for sjukepleiarar", bold=True, size=12),
        Line("Forslag til vedtak:", bold=True),
        Line("OSO godkjenner felles kompetanseplan."),
        Line("Vedtak:", bold=True),
        Line("OSO godkjenner felles kompetanseplan med de endringer som kom frem i møtet."),
        ScannedPage(),
        Line("Sak 15/23 Eventuelt", bold=True, size=12),
        Line("Ingen saker var meldt."),
    ]
    return blocks, Style(header="Helse Møre og Romsdal HF", footer="side_av")


def side_by_side_attendees() -> tuple[list, Style]:
    """A referat with `Til stede:` in the left column beside `Forfall:` in the right."""
    blocks = [
        Line("Referat fra møte i Samarbeidsforum somatikk", bold=True, size=16),
        Gap(6),
        Labelled("Dato:", "5. mars 2025, kl. 09:00–11:00", value_x=140),
        Labelled("Sted:", "Kalnes, møterom Glomma", value_x=140),
        Gap(8),
        Row([(62, "Til stede:", True), (310, "Forfall:", True)]),
        Row([(62, "Lise Aamodt, Sykehuset Østfold", False), (310, "Bjørn Tangen, Fredrikstad kommune", False)]),
        Row([(62, "Geir Olav Hauge, Sarpsborg kommune", False), (310, "Marit Kolstad, Halden kommune", False)]),
        Row([(62, "Hanne Strand, Moss kommune", False), (310, "", False)]),
        Row([(62, "Knut Eriksen, Fredrikstad kommune", False), (310, "", False)]),
        Gap(6),
        Labelled("Referent:", "Tone Vik", value_x=140),
        Gap(10),
        Line("Sak 07/25 Godkjenning av innkalling og saksliste", bold=True, size=12),
        Line("Innkalling og saksliste ble godkjent uten merknader."),
        Line("Vedtak:", bold=True, space_before=4),
        Line("Innkalling og saksliste godkjennes."),
        Gap(8),
        Line("Sak 08/25 Utskrivningsklare pasienter", bold=True, size=12),
        Line("Sykehuset orienterte om antall liggedøgn for utskrivningsklare pasienter i 2024."),
        Line("Vedtak:", bold=True, space_before=4),
        Line("Saken tas til orientering."),
    ]
    return blocks, Style(header="Helsefellesskapet i Østfold", footer="side_av")


def label_column_attendees() -> tuple[list, Style]:
    """A form: labels `Til stede:` / `Forfall:` / `Referent:` at left, values listed at right."""
    blocks = [
        Line("Møtereferat", bold=True, size=18),
        Line("Strategisk samarbeidsutvalg", bold=True, size=13),
        Gap(6),
        Row([(62, "Tidspunkt:", True), (180, "12. mars 2025 kl. 13.00–15.30", False)]),
        Row([(62, "Sted:", True), (180, "Teams", False)]),
        Row([(62, "Til stede:", True), (180, "Hilde Brekke, leder, Sandnes kommune", False)]),
        Row([(62, "", False), (180, "Arne Vold, Helse Stavanger", False)]),
        Row([(62, "", False), (180, "Ragnhild Sola, Stavanger kommune", False)]),
        Row([(62, "", False), (180, "Terje Naustvik, Sola kommune", False)]),
        Row([(62, "Forfall:", True), (180, "Eli Fosse, Klepp kommune", False)]),
        Row([(62, "", False), (180, "Sverre Moe, Time kommune", False)]),
        Row([(62, "Referent:", True), (180, "Oddny Lien", False)]),
        Gap(10),
        Line("Sak 11/25 Godkjenning av referat", bold=True, size=12),
        Line("Referatet fra forrige møte ble godkjent."),
        Gap(8),
        Line("Sak 12/25 Felles plan for legevakt", bold=True, size=12),
        Line("Utvalget drøftet utkast til felles plan for legevakt."),
        Line("Vedtak:", bold=True, space_before=4),
        Line("Utkastet sendes på høring til kommunene."),
    ]
    return blocks, Style(header="Referat SSU 12.03.2025", footer="plain")


def styresak_without_heading_number() -> tuple[list, Style]:
    """A board case whose number is only in a `Saksnr.:` field; the title is a `Sak:` label."""
    blocks = [
        Line("Helse Fonna HF", bold=True, size=11),
        Line("STYRESAK", bold=True, size=14, space_before=4),
        Gap(4),
        Labelled("Sak:", "Økonomirapport per mai 2023", size=14),
        Gap(6),
        Labelled("Saksnr.:", "045-2023", value_x=160),
        Labelled("Møtedato:", "14.06.2023", value_x=160),
        Labelled("Saksbehandler:", "Økonomidirektør Randi Skeie", value_x=160),
        Gap(8),
        Line("Forslag til vedtak:", bold=True),
        Line("Styret tar økonomirapporten per mai 2023 til orientering."),
        Gap(6),
        Line("Bakgrunn", bold=True),
        Line("Resultatet per mai viser et underskudd på 12 millioner kroner mot budsjett."),
        Line("Helseforetaket følger opp tiltakene fra sak 31-2023."),
    ]
    return blocks, Style(header="Styremøte Helse Fonna HF 14. juni 2023", footer="side_av")


def styresak_largest_bold_title() -> tuple[list, Style]:
    """A board case with only `Saksnr.:`; its title is the largest bold line."""
    blocks = [
        Line("Sykehuset Telemark HF", bold=True, size=10),
        Gap(4),
        Line("Styresaksframlegg", bold=True, size=11),
        Line("Revidert investeringsbudsjett 2024", bold=True, size=17, space_before=6),
        Gap(6),
        Labelled("Saksnr.:", "12/2024", value_x=160),
        Labelled("Styremøte:", "20.03.2024", value_x=160),
        Gap(8),
        Line("Administrerende direktørs forslag til vedtak:", bold=True),
        Line("Styret godkjenner revidert investeringsbudsjett for 2024."),
    ]
    return blocks, Style(font="times", size=11, header="Sykehuset Telemark HF", footer="plain")


def styremote_protokoll() -> tuple[list, Style]:
    """`Protokoll fra styremøte` with `Tid:` / `Sted:` fields and board cases numbered `Sak 23/2024`."""
    blocks = [
        Line("Protokoll fra styremøte", bold=True, size=17),
        Line("Helgelandssykehuset HF", bold=True, size=12),
        Gap(6),
        Labelled("Tid:", "Onsdag 24. april 2024 kl. 10.00–14.00", value_x=130),
        Labelled("Sted:", "Mosjøen, administrasjonsbygget", value_x=130),
        Gap(6),
        Line("Til stede fra styret:", bold=True),
        Line("Grete Møllersen (styreleder), Rolf Fagerli, Siv Lorentzen, Eirik Bakken"),
        Line("Fra administrasjonen:", bold=True),
        Line("Administrerende direktør Tor Jarle Pettersen"),
        Gap(10),
        Line("Sak 23/2024 Godkjenning av protokoll fra styremøte 13. mars 2024", bold=True),
        Line("Vedtak:", bold=True),
        Line("Protokollen godkjennes."),
        Gap(6),
        Line("Sak 24/2024 Virksomhetsrapport mars 2024", bold=True),
        Line("Vedtak:", bold=True),
        Line("Styret tar virksomhetsrapporten til orientering."),
    ]
    return blocks, Style(header="Helgelandssykehuset HF – Protokoll", footer="side_av")


def bare_referat_heading() -> tuple[list, Style]:
    """`REFERAT` alone as the title, the body on the next line, a running header with a date."""
    blocks = [
        Line("REFERAT", bold=True, size=18),
        Gap(4),
        Labelled("Møte:", "Lokalt samarbeidsutvalg Kongsberg", value_x=140),
        Labelled("Dato:", "Tirsdag 4. februar 2025", value_x=140),
        Labelled("Tid:", "kl. 12.00–14.00", value_x=140),
        Labelled("Sted:", "Kongsberg sykehus", value_x=140),
        Labelled("Til stede:", "Mona Rud, Harald Tveit, Berit Nyhus", value_x=140),
        Labelled("Referent:", "Stian Holm", value_x=140),
        Gap(10),
        Line("Sak 1/25 Godkjenning av referat fra 10.12.2024", bold=True),
        Line("Referatet ble godkjent."),
        Line("Sak 2/25 Samhandling om utskrivning", bold=True),
        Line("Vedtak:", bold=True),
        Line("Arbeidsgruppen legger frem forslag i neste møte."),
    ]
    return blocks, Style(header="Referat LSU 10.12.2024 – godkjent 04.02.2025", footer="plain")


def case_table_referat() -> tuple[list, Style]:
    """Minutes whose cases are rows of a ruled table `Saksnr. | Sak | Vedtak`."""
    blocks = [
        Line("Referat", bold=True, size=18),
        Line("Fagråd for psykisk helse og rus", bold=True, size=13),
        Gap(6),
        Labelled("Dato:", "18.09.2024", value_x=130),
        Labelled("Sted:", "Teams", value_x=130),
        Labelled("Til stede:", "Anita Moe, Bjarne Lund, Cecilie Rønning", value_x=130),
        Gap(10),
        Table(
            rows=[
                ["Saksnr.", "Sak", "Vedtak"],
                ["21/24", "Godkjenning av innkalling og referat", "Godkjent uten merknader."],
                ["22/24", "Ventetider i poliklinikk", "Fagrådet tar orienteringen til etterretning."],
                ["23/24", "Felles rutine for overføring", "Rutinen vedtas og sendes til SSU."],
            ],
            widths=[60, 190, 220],
        ),
    ]
    return blocks, Style(header="Helsefellesskapet Vestfold", footer="side_av")


def action_table_referat() -> tuple[list, Style]:
    """Minutes with cases as rows of a ruled table `Sak | Innhold | Ansvar`."""
    blocks = [
        Line("Møtereferat", bold=True, size=18),
        Line("Lokalt samarbeidsutvalg Lillehammer", bold=True, size=13),
        Gap(6),
        Labelled("Dato:", "3. oktober 2024", value_x=130),
        Gap(10),
        Table(
            rows=[
                ["Sak", "Innhold", "Ansvar"],
                ["Sak 14/24 Referat fra forrige møte", "Referatet godkjennes.", "Leder"],
                ["Sak 15/24 Kapasitet i legevakten", "Kommunen orienterte om bemanning.", "Kommunen"],
            ],
            widths=[190, 200, 80],
        ),
    ]
    return blocks, Style(header="Sykehuset Innlandet HF", footer="plain")


def side_by_side_inline_labels() -> tuple[list, Style]:
    """Present and absent side by side, the first name on each label's line."""
    blocks = [
        Line("Protokoll", bold=True, size=18),
        Line("Overordnet samarbeidsorgan", bold=True, size=13),
        Labelled("Dato:", "20.11.2024", value_x=130),
        Gap(8),
        Row([(62, "Til stede: Vigdis Lunde", False), (320, "Forfall: Arvid Holm", False)]),
        Row([(62, "Petter Aune", False), (320, "Sissel Brandvold", False)]),
        Row([(62, "Inger Lise Nygård", False), (320, "", False)]),
        Gap(10),
        Line("Sak 40/24 Budsjett for helsefellesskapet 2025", bold=True),
        Line("Vedtak:", bold=True),
        Line("Budsjettet vedtas."),
    ]
    return blocks, Style(header="Helsefellesskapet Nord-Trøndelag", footer="plain")


def case_table_across_pages() -> tuple[list, Style]:
    """A case table that breaks across a page; the next page repeats no header row."""
    blocks = [
        Line("Referat", bold=True, size=18),
        Line("Klinisk samarbeidsutvalg rus og psykisk helse", bold=True, size=13),
        Labelled("Dato:", "10.04.2024", value_x=130),
        Labelled("Til stede:", "Ole Kristian Bø, Randi Fjeld", value_x=130),
        Gap(560),
        Table(
            rows=[
                ["Saksnr.", "Sak", "Vedtak"],
                ["08/24", "Godkjenning av referat", "Godkjent."],
                ["09/24", "Samhandling ved utskrivning", "Arbeidsgruppe opprettes."],
                ["10/24", "Eventuelt", "Ingen saker."],
                ["11/24", "Neste møte", "Neste møte holdes 12. juni."],
                ["12/24", "Rapportering til SSU", "KSU rapporterer i juni."],
            ],
            widths=[60, 190, 220],
        ),
    ]
    return blocks, Style(header="Helsefellesskapet Innlandet", footer="side_av")


def attendees_across_page_break() -> tuple[list, Style]:
    """An attendance list that runs over a page break (the entry before the break ends
    in a comma, a name breaks after its initial) and cases whose decisions start on the
    page after their heading: one at the top of the next page, one whose `Vedtak:` label
    ends a page."""
    blocks = [
        Line("Referat", bold=True, size=18),
        Line("Lokalt samarbeidsutvalg Vestre Viken", bold=True, size=13),
        Labelled("Dato:", "14.03.2024", value_x=130),
        Gap(560),
        Line("Til stede: Kari Nordmann, kommunalsjef Drammen kommune, Ola Hansen,"),
        Line("fagsjef Vestre Viken HF, Per W."),
        PageBreak(),
        Line("Dahl, rådgiver Lier kommune, Liv Berg, fastlege,"),
        Line("Trond Aasen, brukerrepresentant"),
        Line("Forfall: Nina Ask"),
        Gap(6),
        Line("Sak 5/24 Godkjenning av innkalling og saksliste", bold=True),
        Line("Innkalling og saksliste ble gjennomgått uten merknader."),
        PageBreak(),
        Line("Vedtak:", bold=True),
        Line("Innkalling og saksliste godkjennes."),
        Gap(6),
        Line("Sak 6/24 Felles rutine for utskrivning", bold=True),
        Line("Arbeidsgruppen la fram forslag til ny rutine."),
        Gap(560),
        Line("Vedtak:", bold=True),
        PageBreak(),
        Line("Rutinen vedtas og gjøres gjeldende fra 1. mai."),
        Gap(6),
        Line("Sak 7/24 Eventuelt", bold=True),
    ]
    return blocks, Style(header="Helsefellesskapet Vestre Viken", footer="side_av")


def agenda_then_cases() -> tuple[list, Style]:
    """A notice and minutes that open with a saksliste (page numbers, a presenter) and
    then repeat every case in full with its decision; Helse Bergen's running header."""
    blocks = [
        Line("Møtereferat", bold=True, size=18),
        Line("Samarbeidsutvalget Helse Bergen og kommunene", bold=True, size=13),
        Labelled("Dato:", "05.12.2024", value_x=150),
        Labelled("Sted:", "Haukeland universitetssjukehus, møterom 2", value_x=150),
        Gap(6),
        Line("Saksliste", bold=True, size=13),
        Line("Sak 12/24 Godkjenning av innkalling .................. 2"),
        Line("Sak 13/24 Handlingsplan for legemiddelsamstemming (Kari Holm) ...... 2"),
        Line("Sak 14/24 Kompetansedeling mellom nivåene ........... 3"),
        PageBreak(),
        Line("Sak 12/24 Godkjenning av innkalling", bold=True, size=12),
        Line("Vedtak:", bold=True),
        Line("Innkallingen godkjennes uten merknader."),
        Gap(8),
        Line("Sak 13/24 Handlingsplan for legemiddelsamstemming", bold=True, size=12),
        Line("Kari Holm presenterte utkastet til handlingsplan."),
        Line("Vedtak/konklusjon:", bold=True),
        Line("Samarbeidsutvalget slutter seg til handlingsplanen."),
        Line("Oppfølging: Sekretariatet sender planen til kommunene."),
        Line("Ansvar: Kari Holm"),
        PageBreak(),
        Line("Sak 14/24 Kompetansedeling mellom nivåene", bold=True, size=12),
        Line("Vedtak (enstemmig):", bold=True),
        Line("Det etableres et hospiteringsprogram fra 2025."),
        Line("Ansvar: Fagrådet"),
    ]
    return blocks, Style(header="Helse Bergen HF", footer="side_av")


def decision_label_variants() -> tuple[list, Style]:
    """Minutes whose cases close with `Konklusjon:`, `Oppsummering/vedtak:`,
    `Beslutning:` and `Anbefaling:` (a recommendation, no decision label)."""
    blocks = [
        Line("Referat", bold=True, size=18),
        Line("Strategisk samarbeidsutvalg", bold=True, size=13),
        Labelled("Dato:", "torsdag 5. desember 2024", value_x=150),
        Gap(6),
        Line("Sak 20/24 Status for helsefellesskapet", bold=True),
        Line("Konklusjon:", bold=True),
        Line("Utvalget tar statusrapporten til etterretning."),
        Line("Sak 21/24 Felles prosedyre for utskrivning", bold=True),
        Line("Oppsummering/vedtak:", bold=True),
        Line("Prosedyren vedtas med de endringer som kom fram i møtet."),
        Line("Ansvarlig: Fagrådet for utskrivning"),
        Line("Sak 22/24 Ny modell for legevakt", bold=True),
        Line("Beslutning:", bold=True),
        Line("Modellen prøves ut i ett år."),
        Line("Sak 23/24 Innspill til nasjonal helseplan", bold=True),
        Line("Anbefaling:", bold=True),
        Line("Arbeidsgruppen anbefaler at utvalget gir innspill."),
        Line("Sak 24/24 Eventuelt", bold=True),
        Line("Ingen saker."),
    ]
    return blocks, Style(footer="plain")


def _dated_referat(date: str, *, before: tuple[str, ...] = (), after: tuple[str, ...] = ()) -> tuple[list, Style]:
    blocks = [Line("Referat", bold=True, size=18), Line("Strategisk samarbeidsutvalg", bold=True, size=13)]
    blocks += [Line(text) for text in before]
    if date:
        blocks += [Labelled("Dato:", date, value_x=150), Labelled("Sted:", "Teams", value_x=150)]
    blocks += [Gap(6), *(Line(text) for text in after)]
    blocks += [Line("Sak 30/24 Godkjenning av referat", bold=True), Line("Vedtak:", bold=True),
               Line("Referatet godkjennes.")]
    return blocks, Style(footer="plain")


def date_dotted() -> tuple[list, Style]:
    return _dated_referat("05.12.2024")


def date_dotted_short_day() -> tuple[list, Style]:
    return _dated_referat("5.12.2024")


def date_weekday_month_name() -> tuple[list, Style]:
    return _dated_referat("torsdag 5. desember 2024")


def date_iso() -> tuple[list, Style]:
    return _dated_referat("2024-12-05")


def date_two_digit_year_and_time() -> tuple[list, Style]:
    return _dated_referat("05.12.24 kl. 09.00-11.00")


def date_among_other_dates() -> tuple[list, Style]:
    """The meeting date labelled; a deadline and the previous meeting's minutes around it."""
    return _dated_referat(
        "05.12.2024",
        before=("Referat fra 09.10.24 ble godkjent på e-post.",),
        after=("Innspill til handlingsplanen sendes sekretariatet innen frist 1. februar.",),
    )


def date_unlabelled_after_references() -> tuple[list, Style]:
    """No date label: the previous meeting and a deadline come before the meeting's date."""
    return _dated_referat(
        "",
        before=(
            "Oppfølging av referat fra 09.10.24, med frist 1. februar 2025 for innspill.",
            "Møte torsdag 5. desember 2024 kl. 09.00–11.00 på Teams",
        ),
    )


def nynorsk_date_referat() -> tuple[list, Style]:
    blocks = [
        Line("Referat", bold=True, size=18),
        Line("Samarbeidsutvalet", bold=True, size=13),
        Labelled("Dato:", "tysdag 3. mars 2025", value_x=150),
        Labelled("Stad:", "Teams", value_x=150),
        Line("Sak 5/25 Godkjenning av referat", bold=True),
        Line("Vedtak:", bold=True),
        Line("Referatet vart godkjent utan merknader."),
    ]
    return blocks, Style(font="times", footer="dash")


def _titled(title: str, second: str, *body: str) -> tuple[list, Style]:
    blocks = [Line(title, bold=True, size=18), Line(second, bold=True, size=13),
              Labelled("Dato:", "05.12.2024", value_x=150), Gap(6)]
    blocks += [Line(text) for text in body or ("Samarbeid mellom sykehuset og kommunene om pasientforløp.",)]
    return blocks, Style(footer="plain")


def type_moteprotokoll() -> tuple[list, Style]:
    return _titled("Møteprotokoll", "Strategisk samarbeidsutvalg")


def type_protokoll_fra_mote() -> tuple[list, Style]:
    return _titled("Protokoll fra møte i Strategisk samarbeidsutvalg", "Helsefellesskapet")


def type_saksframlegg() -> tuple[list, Style]:
    return _titled("Saksframlegg", "Felles kompetanseplan")


def type_styresak() -> tuple[list, Style]:
    return _titled("Styresak 45/2024 Økonomisk langtidsplan", "Styremøte 05.12.2024")


def type_retningslinje() -> tuple[list, Style]:
    return _titled("Retningslinje for utskrivning av pasienter", "Helsefellesskapet")


def type_samarbeidsavtale() -> tuple[list, Style]:
    return _titled("Samarbeidsavtale mellom Vestre Viken HF og kommunene", "Delavtale 3")


def type_tjenesteavtale() -> tuple[list, Style]:
    return _titled("Tjenesteavtale 2", "Innleggelse i sykehus")


def type_moteinnkalling() -> tuple[list, Style]:
    return _titled("Møteinnkalling", "Strategisk samarbeidsutvalg")


def type_arsmelding() -> tuple[list, Style]:
    return _titled("Årsmelding 2023", "Helsefellesskapet")


def type_presentasjon() -> tuple[list, Style]:
    return _titled("Presentasjon", "Strategisk samarbeidsutvalg")


def area_publisher_line() -> tuple[list, Style]:
    return _titled("Referat", "Samarbeidsutvalget", "Utgitt av: Helse Bergen HF")


def area_unn_possessive() -> tuple[list, Style]:
    return _titled("Referat", "Samarbeidsutvalget i Troms", "Universitetssykehuset Nord-Norges klinikker deltok.")


def area_st_olav_title() -> tuple[list, Style]:
    return _titled("Referat fra St. Olavs hospital", "Samarbeidsutvalget")


def area_innlandet_possessive() -> tuple[list, Style]:
    return _titled("Referat", "Sykehuset Innlandets samarbeidsutvalg")


def area_vestre_viken_possessive() -> tuple[list, Style]:
    return _titled("Referat", "Samarbeidsutvalget", "Vestre Vikens helsefellesskap møttes på Drammen sykehus.")


def area_passing_list() -> tuple[list, Style]:
    return _titled(
        "Referat", "Strategisk samarbeidsutvalg",
        "Kartleggingen omfattet Helse Bergen, St. Olavs hospital, UNN, Sykehuset Innlandet, Vestre Viken,",
        "Sørlandet sykehus og Helse Stavanger.",
        "Utvalget diskuterte resultatene.",
    )


def english_minutes() -> tuple[list, Style]:
    blocks = [
        Line("Minutes", bold=True, size=18),
        Line("Joint Health Partnership Committee", bold=True, size=13),
        Labelled("Date:", "5 December 2024", value_x=150),
        Gap(6),
        Line("The committee discussed the collaboration between the hospital and the municipalities."),
        Line("The members agreed that the working group should present a new plan in the spring."),
    ]
    return blocks, Style(footer="plain")


def bokmal_quoting_nynorsk() -> tuple[list, Style]:
    blocks = [
        Line("Referat", bold=True, size=18),
        Line("Strategisk samarbeidsutvalg", bold=True, size=13),
        Labelled("Dato:", "05.12.2024", value_x=150),
        Gap(6),
        Line("Utvalget diskuterte samarbeidet mellom sykehuset og kommunene om utskrivning."),
        Line("Kommunen siterte fra sitt høringssvar: «Vi meiner at kommunane ikkje kan ta over"),
        Line("fleire oppgåver utan at dei får midlar til det.»"),
        Line("Utvalget ble enige om å følge opp saken i neste møte, og sekretariatet skal"),
        Line("lage et notat om økonomiske konsekvenser for kommunene."),
    ]
    return blocks, Style(footer="plain")


def agenda_then_case_per_page() -> tuple[list, Style]:
    """A notice whose bold saksliste names presenters and pages, then one case per page
    with the number alone on the heading line and the title below it."""
    blocks = [
        Line("Innkalling", bold=True, size=18),
        Line("Strategisk samarbeidsutvalg Helse Bergen", bold=True, size=13),
        Labelled("Møtedato:", "5.12.2024", value_x=150),
        Gap(6),
        Line("Sakliste", bold=True, size=13),
        Line("Sak 12/24 Godkjenning av innkalling og saksliste v/ leder 2", bold=True),
        Line("Sak 13/24 Handlingsplan for legemiddelsamstemming – Kari Holm 3", bold=True),
        Line("Sak 14/24 Eventuelt 4", bold=True),
        PageBreak(),
        Line("Sak 12/24", bold=True, size=12),
        Line("Godkjenning av innkalling og saksliste", bold=True, size=12),
        Line("Forslag til vedtak:", bold=True),
        Line("Innkalling og saksliste godkjennes."),
        PageBreak(),
        Line("Sak 13/24", bold=True, size=12),
        Line("Handlingsplan for legemiddelsamstemming", bold=True, size=12),
        Line("Arbeidsgruppen har levert utkast til handlingsplan etter innspill fra kommunene."),
        Line("Forslag til vedtak:", bold=True),
        Line("Handlingsplanen vedtas."),
        Line("Vedlegg:", bold=True),
        Line("Utkast til handlingsplan"),
        PageBreak(),
        Line("Sak 14/24", bold=True, size=12),
        Line("Eventuelt", bold=True, size=12),
    ]
    return blocks, Style(footer="side_av")


def area_unn_genitive() -> tuple[list, Style]:
    return _titled("Referat", "Samarbeidsutvalget i Troms", "UNNs klinikksjefer deltok.", "UNNs direktør orienterte.")


def area_publisher_with_hospital_list() -> tuple[list, Style]:
    """Sykehuset Innlandet's minutes (running header) listing many hospitals in a survey,
    one of them named once more in passing."""
    blocks, style = _titled(
        "Referat", "Samarbeidsutvalget",
        "Kartleggingen omfattet Helse Bergen, St. Olavs hospital, UNN, Sykehuset Innlandet, Vestre Viken,",
        "Sørlandet sykehus og Helse Stavanger.",
        "Pasienter fra Vestre Viken ble omtalt.",
        "Sykehuset Innlandet orienterte om status for arbeidet.",
    )
    blocks += [PageBreak(), Line("Sak 31/24 Eventuelt", bold=True), Line("Ingen saker.")]
    style.header = "Sykehuset Innlandet HF – Samarbeidsutvalget"
    return blocks, style


def metadata_table_referat() -> tuple[list, Style]:
    """Minutes whose meeting data is a ruled two-column label/value table under the title."""
    blocks = [
        Line("Referat", bold=True, size=18),
        Gap(4),
        Table(
            rows=[
                ["Møtedato", "12.03.2025"],
                ["Tid", "09.00–11.00"],
                ["Sted", "Ahus, Nordbyhagen"],
                ["Møtegruppe / Utvalg", "Lokalt samarbeidsutvalg"],
                ["Referent", "Marte Kolstad"],
            ],
            widths=[140, 330],
            header_bold=False,
            bold_column=0,
        ),
        Gap(6),
        Line("Til stede:", bold=True),
        Line("Eirik Sandvik, Lene Hovde, Marte Kolstad"),
        Line("Forfall:", bold=True),
        Line("Geir Opsahl"),
        Gap(8),
        Line("Sak 7/25 Godkjenning av innkalling og referat", bold=True),
        Line("Vedtak:", bold=True),
        Line("Innkalling og referat godkjennes."),
        Line("Sak 8/25 Felles plan for utskrivningsklare pasienter", bold=True),
        Line("Ahus orienterte om antall liggedøgn i 2024."),
        Line("Vedtak:", bold=True),
        Line("Utvalget slutter seg til planen."),
    ]
    return blocks, Style(header="Helsefellesskapet Ahus", footer="side_av")


def metadata_header_table_innkalling() -> tuple[list, Style]:
    """A meeting notice whose meeting data is a ruled table: labels as a header row over
    one row of values."""
    blocks = [
        Line("Møteinnkalling", bold=True, size=18),
        Gap(4),
        Table(
            rows=[
                ["Utvalg", "Møtedato", "Møtested", "Tidspunkt"],
                ["Strategisk samarbeidsutvalg", "03.06.2025", "Sørlandet sykehus, Arendal", "12.00–15.00"],
            ],
            widths=[150, 80, 160, 80],
        ),
        Gap(6),
        Line("Forfall meldes til sekretariatet."),
        Gap(8),
        Line("Sak 19/25 Godkjenning av innkalling og saksliste", bold=True),
        Line("Forslag til vedtak:", bold=True),
        Line("Innkalling og saksliste godkjennes."),
        Line("Sak 20/25 Handlingsplan for helsefellesskapet 2025–2026", bold=True),
        Line("Forslag til vedtak:", bold=True),
        Line("Handlingsplanen vedtas."),
    ]
    return blocks, Style(font="times", footer="plain")


def case_block_protokoll(gap: float = 250) -> tuple[list, Style]:
    """A municipal protocol whose cases are ruled label/text blocks: `Innstilling:`,
    `Behandling:`, `Vedtak:` in the left cell, the text in the right; the last case's
    decision is a list of numbered points that runs onto the next page."""

    def block(*rows: tuple[str, str]) -> Table:
        return Table(rows=[list(row) for row in rows], widths=[95, 380], header_bold=False, bold_column=0)

    blocks = [
        Line("Ringsaker kommune", bold=True, size=12),
        Line("MØTEPROTOKOLL", bold=True, size=18, space_before=6),
        Line("Helse- og omsorgsutvalget", bold=True, size=14),
        Gap(6),
        Labelled("Møtedato:", "22.05.2025", value_x=170),
        Labelled("Møtested:", "Formannskapssalen", value_x=170),
        Gap(6),
        Line("Til stede:", bold=True),
        Line("Tone Brekke (Ap), Olav Granum (Sp), Hanne Rustad (H)"),
        Gap(10),
        Line("PS 31/25 Godkjenning av protokoll", bold=True, size=12),
        block(
            ("Innstilling:", "Protokoll fra møtet 10.04.2025 godkjennes."),
            ("Behandling:", "Innstillingen ble enstemmig vedtatt."),
            ("Vedtak:", "Protokoll fra møtet 10.04.2025 godkjennes."),
        ),
        Gap(8),
        Line("PS 32/25 Rehabiliteringsplan 2025–2028", bold=True, size=12),
        block(
            ("Innstilling:", "Helse- og omsorgsutvalget anbefaler at planen vedtas."),
            ("Behandling:", "Olav Granum (Sp) fremmet et tilleggsforslag om årlig rapportering.\n"
                            "Innstillingen med tilleggsforslaget ble enstemmig vedtatt."),
            ("Vedtak:", "Helse- og omsorgsutvalget anbefaler at planen vedtas.\n"
                        "Planens tiltak rapporteres årlig til utvalget."),
        ),
        Gap(8),
        Line("PS 33/25 Legevaktsamarbeid med nabokommunene", bold=True, size=12),
        Gap(gap),
        block(
            ("Innstilling:", "Rådmannen anbefaler at samarbeidet videreføres."),
            ("Behandling:", "Tone Brekke (Ap) fremmet forslag om evaluering.\n"
                            "Forslaget ble vedtatt med 5 mot 2 stemmer."),
            ("Vedtak:", "1. Legevaktsamarbeidet med Hamar og Stange videreføres fra 1.1.2026.\n"
                        "2. Avtalen forhandles med en kostnadsfordeling etter innbyggertall.\n"
                        "3. Samarbeidet evalueres innen utgangen av 2027.\n"
                        "4. Utvalget får en orientering om legevaktens bemanning hvert halvår.\n"
                        "5. Kommunedirektøren gis fullmakt til å signere avtalen."),
        ),
    ]
    return blocks, Style(header="Ringsaker kommune – Helse- og omsorgsutvalget", footer="side_av")


def innkalling_og_referat() -> tuple[list, Style]:
    """A notice and minutes in one document: the title says both, the body records the
    meeting held (present, decisions)."""
    blocks = [
        Line("Møteinnkalling og referat", bold=True, size=18),
        Line("Klinisk samarbeidsutvalg for eldre", bold=True, size=13),
        Labelled("Dato:", "09.01.2025", value_x=130),
        Labelled("Til stede:", "Kjersti Hagen, Rune Bakke, Vibeke Sæther", value_x=130),
        Gap(8),
        Line("Sak 1/25 Godkjenning av innkalling", bold=True),
        Line("Vedtak:", bold=True),
        Line("Innkallingen godkjennes."),
        Line("Sak 2/25 Felles kompetanseplan", bold=True),
        Line("Vedtak:", bold=True),
        Line("Planen sendes på høring til kommunene."),
    ]
    return blocks, Style(footer="plain")


def innkalling_og_referat_not_held() -> tuple[list, Style]:
    """`Innkalling og referat` as a template's title, filled in only as a notice: no one
    recorded present, only proposed decisions."""
    blocks = [
        Line("Innkalling og referat", bold=True, size=18),
        Line("Klinisk samarbeidsutvalg for eldre", bold=True, size=13),
        Labelled("Dato:", "06.03.2025", value_x=130),
        Gap(8),
        Line("Sak 5/25 Godkjenning av innkalling", bold=True),
        Line("Forslag til vedtak:", bold=True),
        Line("Innkallingen godkjennes."),
    ]
    return blocks, Style(footer="plain")


def case_block_protokoll_vedtak_cell_split() -> tuple[list, Style]:
    """The same protocol with the page break inside the Vedtak row's cell, between its
    numbered points."""
    return case_block_protokoll(gap=GAP_SPLITTING_VEDTAK)


GAP_SPLITTING_VEDTAK = 205  # the break falls after the first point
