"""Build the sample PDFs: ``python -m samples.generator.make_samples [--out DIR] [--only STEM]``.

Each document is a :class:`DocSpec` (page size, furniture, metadata, expected
page count) plus its text in ``content/<stem>.txt``. Output is reproducible:
ReportLab runs in invariant mode and the creation date is fixed per document.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas

from .layout import DocSpec, build_pdf, make_styles, write_pdf
from .markup import parse

HERE = Path(__file__).resolve().parent
CONTENT = HERE / "content"
SAMPLES = HERE.parent
SLIDE = (960.0, 540.0)  # 13.33 x 7.5 inch, landscape 16:9


def _small(canv: Canvas, spec: DocSpec, size: float = 8.5, bold: bool = False) -> None:
    canv.setFont(spec.bold if bold else spec.family, size)
    canv.setFillColor(colors.black)


# -- page furniture ----------------------------------------------------------------
def ssu_furniture(canv: Canvas, spec: DocSpec, page: int) -> None:
    width, height = spec.pagesize
    left, right, top, _bottom = spec.margins
    if page == 1:
        _small(canv, spec, 14, bold=True)
        canv.setFillColor(colors.HexColor("#2A2859"))
        canv.drawString(left, height - top + 30, "Helsefellesskap Oslo")
    else:
        _small(canv, spec, 9)
        canv.drawString(left, height - top + 24, "Referat Strategisk samarbeidsutvalg 05.12.24")
        canv.setLineWidth(0.4)
        canv.line(left, height - top + 18, width - right, height - top + 18)
    _small(canv, spec, 9)
    canv.drawCentredString(width / 2, 1.3 * cm, f"Side {page} av {spec.pages}")


def ahus2019_furniture(canv: Canvas, spec: DocSpec, page: int) -> None:
    width, height = spec.pagesize
    _left, right, top, _bottom = spec.margins
    _small(canv, spec, 8)
    canv.drawRightString(width - right, height - top + 16,
                         "Årsrapport 2019 – Ahus og bydelene Alna, Grorud og Stovner")
    canv.drawCentredString(width / 2, 1.0 * cm, str(page))


def ahus2025_furniture(canv: Canvas, spec: DocSpec, page: int) -> None:
    width, height = spec.pagesize
    left, right, top, _bottom = spec.margins
    canv.setFillColor(colors.HexColor("#005B7F"))
    _small(canv, spec, 9, bold=True)
    canv.setFillColor(colors.HexColor("#005B7F"))
    canv.drawString(left, height - top + 28, str(page))
    _small(canv, spec, 9)
    canv.setFillColor(colors.HexColor("#005B7F"))
    canv.drawString(left + 18, height - top + 28, "Helsefellesskapet – Ahus og kommunene")
    canv.setStrokeColor(colors.HexColor("#005B7F"))
    canv.setLineWidth(0.8)
    canv.line(left, height - top + 22, width - right, height - top + 22)


def ous_furniture(canv: Canvas, spec: DocSpec, page: int) -> None:
    if page == 1:
        return
    width, height = spec.pagesize
    _left, right, top, _bottom = spec.margins
    _small(canv, spec, 8.5)
    canv.drawRightString(width - right, height - top + 24,
                         f"Oslo universitetssykehus HF styresak 19/2021 Side {page} av {spec.pages}")


def slide_furniture(canv: Canvas, spec: DocSpec, page: int) -> None:
    width, height = spec.pagesize
    canv.setFillColor(colors.HexColor("#003A70"))
    canv.rect(0, height - 14, width, 14, stroke=0, fill=1)
    canv.setFillColor(colors.HexColor("#7FA7CC"))
    canv.rect(0, 0, width, 3, stroke=0, fill=1)
    _small(canv, spec, 9)
    canv.setFillColor(colors.HexColor("#003A70"))
    canv.drawString(36, 14, "Oslo universitetssykehus HF")
    canv.drawRightString(width - 36, 14, str(page))


# -- the documents -------------------------------------------------------------------
SPECS: list[DocSpec] = [
    DocSpec(
        stem="ahus-oslo-bydeler-arsrapport-2019",
        title="Årsrapport 2019 – Samarbeidet mellom bydelene Alna, Grorud, Stovner, Velferds-, Helse- og "
        "Sykehjemsetaten i Oslo kommune, og Akershus universitetssykehus HF",
        author="Akershus universitetssykehus HF",
        subject="Årsrapport 2019 for samarbeidet mellom Ahus og bydelene Alna, Grorud og Stovner",
        keywords="Ahus; Oslo kommune; årsrapport; Direktørmøte; Samarbeidsforum",
        created=dt.datetime(2020, 6, 2, 14, 0),
        pages=8,
        pagesize=A4,
        margins=(1.6 * cm, 1.6 * cm, 2.0 * cm, 1.8 * cm),
        base_size=9.5,
        leading=1.3,
        furniture=ahus2019_furniture,
    ),
    DocSpec(
        stem="helsefellesskap-oslo-ssu-referat-2024-12-05",
        title="Referat Strategisk samarbeidsutvalg 05.12.24",
        author="Helsefellesskap Oslo",
        subject="Referat fra møte i Strategisk samarbeidsutvalg (SSU), Helsefellesskap Oslo, 5. desember 2024",
        keywords="Helsefellesskap Oslo; SSU; referat",
        created=dt.datetime(2024, 12, 12, 9, 30),
        pages=7,
        pagesize=A4,
        margins=(2.3 * cm, 2.3 * cm, 2.6 * cm, 2.2 * cm),
        base_size=12,
        leading=1.3,
        furniture=ssu_furniture,
    ),
    DocSpec(
        stem="helsefellesskapet-ahus-arsrapport-2025",
        title="Årsrapport 2025 – Helsefellesskapet Ahus og kommunene",
        author="Helsefellesskapet – Ahus og kommunene",
        subject="Årsrapport 2025 for Helsefellesskapet – Akershus universitetssykehus og kommunene",
        keywords="Helsefellesskapet Ahus; årsrapport; SSU; fagråd; LSF",
        created=dt.datetime(2026, 2, 5, 12, 0),
        pages=23,
        pagesize=A4,
        margins=(2.5 * cm, 2.5 * cm, 2.8 * cm, 2.2 * cm),
        base_size=11,
        leading=1.3,
        furniture=ahus2025_furniture,
    ),
    DocSpec(
        stem="ous-styresak-19-2021-helsefellesskap",
        title="Styresak 19/2021 Helsefellesskap Oslo",
        author="Oslo universitetssykehus HF",
        subject="Styresak 19/2021 til styret i Oslo universitetssykehus HF: Helsefellesskap Oslo",
        keywords="Oslo universitetssykehus; styresak; Helsefellesskap Oslo",
        created=dt.datetime(2021, 3, 18, 8, 0),
        pages=7,
        pagesize=A4,
        margins=(2.3 * cm, 2.3 * cm, 2.4 * cm, 2.6 * cm),
        base_size=11,
        leading=1.22,
        family="Serif",
        furniture=ous_furniture,
    ),
    DocSpec(
        stem="ous-pko-presentasjon-2018",
        title="Praksiskonsulentordningen i OUS og Møteplass Oslo",
        author="Oslo universitetssykehus HF",
        subject="Presentasjon: PKO i OUS, medisinsk samhandling og Møteplass Oslo (2018)",
        keywords="praksiskonsulent; PKO; Møteplass Oslo; samhandling; fastleger",
        created=dt.datetime(2018, 4, 25, 10, 0),
        pages=31,
        pagesize=SLIDE,
        margins=(56, 56, 44, 40),
        base_size=20,
        leading=1.2,
        furniture=slide_furniture,
        style_overrides={
            "h1": {"fontSize": 26, "leading": 31, "spaceAfter": 16, "spaceBefore": 0,
                   "textColor": colors.HexColor("#003A70")},
            "body": {"spaceAfter": 7},
            "small": {"fontSize": 16, "leading": 19.5, "spaceAfter": 6},
            "tiny": {"fontSize": 13, "leading": 15.5, "spaceAfter": 5},
        },
    ),
]


def build(spec: DocSpec, *, strict: bool = True) -> bytes:
    styles = make_styles(spec)
    text = (CONTENT / f"{spec.stem}.txt").read_text(encoding="utf-8")
    return build_pdf(spec, parse(text, spec, styles), styles, strict=strict)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=SAMPLES, help="output directory (default: samples/)")
    parser.add_argument("--only", action="append", help="build only this stem (repeatable)")
    parser.add_argument("--draft", action="store_true", help="write the PDF even when the page count is off")
    args = parser.parse_args(argv)
    for spec in SPECS:
        if args.only and spec.stem not in args.only:
            continue
        path = write_pdf(spec, build(spec, strict=not args.draft), args.out)
        print(f"{path} ({spec.pages} pages)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
