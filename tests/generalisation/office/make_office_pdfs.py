"""Write the four office documents as flat ODT (src/*.fodt) and convert them to PDF with
LibreOffice Writer (`soffice --headless --convert-to pdf`).

The PDFs are committed as fixtures, so the tests need no LibreOffice; run this only to
regenerate them (LibreOffice Writer, fonts-liberation and hyphen-no installed locally):

    .venv/bin/python tests/generalisation/office/make_office_pdfs.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from fodt import Doc  # type: ignore[import-not-found,no-redef]
else:
    from .fodt import Doc

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"

FILLER_NB = (
    "Samarbeidet mellom spesialisthelsetjenesten og kommunehelsetjenesten skal bygge på "
    "gjensidig tillit, felles forståelse av utfordringsbildet og likeverdige "
    "beslutningsprosesser, slik at pasientforløpene oppleves sammenhengende for "
    "pasientene og de pårørende."
)


def referat_samarbeidsforum() -> Doc:
    doc = Doc(header="Referat Samarbeidsforum 5. mars 2025")
    doc.p("Referat Samarbeidsforum", "Title")
    doc.p("Helsefellesskapet Sykehuset Østfold og kommunene", "Subtitle")
    doc.label("Møtedato:", "5. mars 2025")
    doc.label("Møtested:", "Sykehuset Østfold Kalnes, møterom Glomma")
    doc.label("Til stede:")
    doc.items([
        "Kari Holm, kommunalsjef, Fredrikstad kommune",
        "Lars Eriksen, direktør, Sykehuset Østfold HF",
        "Nina Fjeld, kommuneoverlege, Sarpsborg kommune",
    ])
    doc.label("Forfall:")
    doc.items(["Turid Dahl, helse- og omsorgssjef, Halden kommune"])
    doc.label("Referent:", "Eva Lie")
    doc.p(
        "Samarbeidsforum er den offisielle arenaen for flere av de profilerte "
        "samhandlingsprosjektene mellom spesialisthelsetjenesten og kommunehelsetjenesten "
        "i opptaksområdet, og referatet publiseres på nettsidene til helsefellesskapet."
    )
    doc.plain_heading("Sak 14/25 Godkjenning av innkalling og saksliste")
    doc.label("Vedtak:")
    doc.p("Innkalling og saksliste godkjennes.")
    doc.plain_heading("Sak 15/25 Felles handlingsplan for utskrivningsklare pasienter")
    doc.p(
        "Arbeidsgruppen har utarbeidet et utkast til felles handlingsplan for "
        "utskrivningsklare pasienter. Planen beskriver ansvarsfordelingen ved overføring "
        "fra sykehuset til de kommunale helse- og omsorgstjenestene, og den legger vekt på "
        "tidlig dialog om pasientenes funksjonsnivå og behov for oppfølging.",
        note="Utkastet ble sendt ut sammen med innkallingen 19. februar 2025.",
    )
    for _ in range(5):
        doc.p(FILLER_NB)
    doc.label("Vedtak:")
    doc.items([
        "Samarbeidsforum slutter seg til utkastet til felles handlingsplan for utskrivningsklare pasienter.",
        "Kommunene og sykehuset utarbeider en felles profil for kommunikasjon om planen.",
        "Planen evalueres etter ett års drift, og evalueringen legges frem for Samarbeidsforum.",
    ], numbered=True)
    doc.plain_heading("Sak 16/25 Status for digital hjemmeoppfølging")
    doc.p(
        "Prosjektlederen orienterte om erfaringene fra pilotkommunene, der flere "
        "pasientgrupper nå følges opp digitalt."
    )
    doc.label("Vedtak:")
    doc.p("Saken tas til orientering.")
    doc.plain_heading("Sak 17/25 Eventuelt")
    doc.p("Ingen saker ble meldt under eventuelt.")
    return doc


def kommune_protokoll() -> Doc:
    doc = Doc(header="Nordre Follo kommune – Møteprotokoll Helse- og omsorgsutvalget")
    doc.p("Nordre Follo kommune", "Subtitle")
    doc.p("MØTEPROTOKOLL", "Title")
    doc.p("Helse- og omsorgsutvalget", "Subtitle")
    doc.label("Møtedato:", "11.02.2025")
    doc.label("Møtested:", "Kommunestyresalen, Ski rådhus")
    doc.label("Møtetid:", "kl.\u00a018:00\u00a0–\u00a020:15")
    doc.p("Følgende medlemmer og varamedlemmer deltok i møtet:")
    doc.table(
        [
            ["Navn", "Funksjon", "Parti", "Merknad"],
            ["Kari Nordby", "Leder", "Ap", ""],
            ["Per Egil Haugen", "Nestleder", "H", ""],
            ["Sigrid Aasen", "Medlem", "Sp", "Forfall"],
            ["Jon Berg", "Varamedlem", "SV", "Møtte for Sigrid Aasen"],
            ["Tor Magne Lie", "Medlem", "FrP", ""],
        ],
        [4.5, 3.5, 2.0, 6.0],
    )
    doc.label("Protokollfører:", "Anne Lise Dahl")
    doc.plain_heading("PS 5/25 Godkjenning av protokoll fra forrige møte")
    doc.label("Innstilling:")
    doc.p("Protokoll fra møtet 14.01.2025 godkjennes.")
    doc.label("Vedtak:")
    doc.p("Protokoll fra møtet 14.01.2025 godkjennes.")
    doc.plain_heading("PS 6/25 Kommunal handlingsplan mot ensomhet 2025–2028")
    doc.p(
        "Kommunedirektøren la frem forslag til handlings\u00adplan mot ensomhet. Planen er "
        "utarbeidet i samarbeid med frivillighetssentralene, eldrerådet og rådet for "
        "personer med funksjonsnedsettelse, og den bygger på folkehelseprofilen for kommunen."
    )
    doc.label("Innstilling:")
    doc.p("Helse- og omsorgsutvalget anbefaler kommunestyret å vedta handlingsplanen.")
    doc.label("Vedtak:")
    doc.p(
        "Helse- og omsorgsutvalget anbefaler kommunestyret å vedta handlingsplanen. "
        "Tiltakene finansieres innenfor vedtatte budsjettrammer."
    )
    doc.plain_heading("PS 7/25 Orientering om legevaktsordningen")
    doc.label("Innstilling:")
    doc.p("Saken tas til orientering.")
    doc.label("Vedtak:")
    doc.p("Saken tas til orientering.")
    return doc


def styresak() -> Doc:
    doc = Doc(header="Helse Stavanger HF – Styresak 12/2025", font="DejaVu Serif")
    doc.p("Helse Stavanger HF", "Subtitle")
    doc.label("Dato:", "20. februar 2025")
    doc.label("Saksbehandler:", "Marit Sola, fagdirektør")
    doc.label("Til:", "Styret")
    doc.p("Styresak 12/2025 Ventetider og fristbrudd i psykisk helsevern", "Title")
    doc.heading("Bakgrunn", 1, style="Case")
    doc.p(
        "Styret har bedt om en o\ufb00isiell oversikt over ventetider og fristbrudd i psykisk "
        "helsevern for barn, unge og voksne. Oversikten viser at \ufb02ere av poliklinikkene "
        "har redusert ventetidene, men at fristbruddene fortsatt er for høye i "
        "barne- og ungdomspsykiatrien."
    )
    doc.p("Tabellen viser gjennomsnittlig ventetid i dager per fagområde:")
    doc.table(
        [
            ["Fagområde", "2023", "2024", "Endring"],
            ["Psykisk helsevern voksne", "52", "47", "−5"],
            ["Psykisk helsevern barn og unge", "61", "58", "−3"],
            ["Tverrfaglig spesialisert rusbehandling", "34", "31", "−3"],
        ],
        [7.0, 2.5, 2.5, 3.0],
    )
    doc.heading("Vurdering", 1, style="Case")
    for _ in range(3):
        doc.p(FILLER_NB)
    doc.label("Forslag til vedtak:", style="ToLandscape")
    doc.items([
        "Styret tar oversikten over ventetider og fristbrudd til etterretning.",
        "Styret ber administrerende direktør legge frem en tiltaksplan for å redusere fristbruddene i barne- og ungdomspsykiatrien.",
    ], numbered=True)
    doc.p("Stavanger, 20. februar 2025", "Standard")
    doc.p("Inger Tveit", "Standard")
    doc.p("administrerende direktør", "Standard")
    return doc


def arsmelding_nynorsk() -> Doc:
    doc = Doc(header="Årsmelding 2024 – Helsefellesskapet Helse Førde", language="nn")
    doc.p("Årsmelding 2024", "Title")
    doc.p("Helsefellesskapet Helse Førde og kommunane i Sogn og Fjordane", "Subtitle")
    entries = [
        (1, "1. Innleiing", 2),
        (2, "1.1 Bakgrunn", 2),
        (2, "1.2 Organisering", 2),
        (1, "2. Verksemda i 2024", 3),
        (2, "2.1 Partnarskapsmøtet", 3),
        (2, "2.2 Strategisk samarbeidsutval", 3),
        (1, "3. Vidare arbeid", 4),
        (2, "3.1 Prioriterte område", 4),
        (2, "3.2 Evaluering", 4),
    ]
    doc.toc("Innhald", entries)
    body = (
        "Helsefellesskapet er den offisielle samarbeidsarenaen mellom Helse Førde og "
        "kommunane, og fleire av dei prioriterte pasientgruppene har fått eigne "
        "samhandlingstiltak i løpet av året. Spesialisthelsetenesta og "
        "kommunehelsetenesta har saman utarbeidd ein felles profil for arbeidet."
    )
    doc.heading("Innleiing", 1, style="H1Break")
    doc.heading("Bakgrunn", 2)
    doc.p(body, note="Samarbeidsavtalen vart revidert i 2023.")
    doc.heading("Organisering", 2)
    doc.p(body)
    doc.heading("Verksemda i 2024", 1, style="H1Break")
    doc.heading("Partnarskapsmøtet", 2)
    doc.p(body)
    doc.heading("Strategisk samarbeidsutval", 2)
    doc.p(body)
    doc.heading("Vidare arbeid", 1, style="H1Break")
    doc.heading("Prioriterte område", 2)
    doc.p(body)
    doc.heading("Evaluering", 2)
    doc.p(body)
    return doc


DOCUMENTS = {
    "office_referat_samarbeidsforum": referat_samarbeidsforum,
    "office_protokoll_helse_omsorg": kommune_protokoll,
    "office_styresak_hf": styresak,
    "office_arsmelding_nynorsk": arsmelding_nynorsk,
}


def main() -> int:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    SRC.mkdir(exist_ok=True)
    sources = []
    for name, compose in DOCUMENTS.items():
        path = SRC / f"{name}.fodt"
        path.write_text(compose().xml(), encoding="utf-8")
        sources.append(path)
    if soffice is None:
        print("soffice not found: wrote the sources only", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
             "--outdir", str(HERE), *map(str, sources)],
            check=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
