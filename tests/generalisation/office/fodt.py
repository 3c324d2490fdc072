"""A small writer of flat ODT (.fodt) documents that uses real Writer features: page
header and footer with page-number fields, justified paragraphs with automatic
hyphenation (nb/nn), outline-numbered headings, bullet and numbered list styles,
bordered tables, footnotes, a landscape master page and a table of contents.

Only `make_office_pdfs.py` uses it, to write the sources the committed PDFs come from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.sax.saxutils import escape

SUFFIX = 'style:num-suffix="."'
NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0"'
)


def inline(text: str) -> str:
    """Escape text; a tab becomes <text:tab/>, runs of spaces stay as in the source."""
    return escape(text).replace("\t", "<text:tab/>")


@dataclass
class Doc:
    """One document: body XML is appended by the helper methods in reading order."""

    header: str
    language: str = "nb"  # nb or nn
    font: str = "Liberation Serif"
    body: list[str] = field(default_factory=list)
    _notes: int = 0

    def p(self, text: str, style: str = "Body", note: str | None = None) -> None:
        """A paragraph; `note` adds a footnote at its end."""
        xml = inline(text)
        if note is not None:
            self._notes += 1
            n = self._notes
            xml += (
                f'<text:note text:id="ftn{n}" text:note-class="footnote">'
                f"<text:note-citation>{n}</text:note-citation><text:note-body>"
                f'<text:p text:style-name="Footnote">{inline(note)}</text:p></text:note-body></text:note>'
            )
        self.body.append(f'<text:p text:style-name="{style}">{xml}</text:p>')

    def label(self, label: str, rest: str = "", style: str = "Label") -> None:
        """A bold label (`Vedtak:`) with optional plain text after it on the same line."""
        tail = f" {inline(rest)}" if rest else ""
        self.body.append(f'<text:p text:style-name="{style}"><text:span text:style-name="B">{inline(label)}</text:span>{tail}</text:p>')

    def heading(self, text: str, level: int = 1, style: str | None = None) -> None:
        name = style or f"Heading_20_{level}"
        self.body.append(f'<text:h text:style-name="{name}" text:outline-level="{level}">{inline(text)}</text:h>')

    def plain_heading(self, text: str, style: str = "Case") -> None:
        """A bold case heading outside the outline numbering (`Sak 14/25 ...`)."""
        self.body.append(f'<text:p text:style-name="{style}">{inline(text)}</text:p>')

    def items(self, texts: list[str], numbered: bool = False) -> None:
        style = "LNum" if numbered else "LBullet"
        items = "".join(f'<text:list-item><text:p text:style-name="ListPara">{inline(t)}</text:p></text:list-item>' for t in texts)
        self.body.append(f'<text:list text:style-name="{style}">{items}</text:list>')

    def table(self, rows: list[list[str]], widths_cm: list[float]) -> None:
        n = len(self.body)
        cols = "".join(f'<table:table-column table:style-name="Col{i}"/>' for i in range(len(widths_cm)))
        out = [f'<table:table table:name="Tabell{n}" table:style-name="Tbl">{cols}']
        for r, row in enumerate(rows):
            cells = "".join(
                f'<table:table-cell table:style-name="Cell" office:value-type="string">'
                f'<text:p text:style-name="{"CellHead" if r == 0 else "CellText"}">{inline(c)}</text:p></table:table-cell>'
                for c in row
            )
            out.append(f"<table:table-row>{cells}</table:table-row>")
        out.append("</table:table>")
        self.body.append("".join(out))
        self._col_widths = widths_cm

    def toc(self, title: str, entries: list[tuple[int, str, int]]) -> None:
        """Writer's table-of-contents field with its body filled in (headless conversion
        does not update indexes): entries as (level, 'number title', page)."""
        templates = "".join(
            f'<text:table-of-content-entry-template text:outline-level="{lvl}" text:style-name="Contents_20_{lvl}">'
            "<text:index-entry-chapter/><text:index-entry-text/>"
            '<text:index-entry-tab-stop style:type="right" style:leader-char="."/>'
            "<text:index-entry-page-number/></text:table-of-content-entry-template>"
            for lvl in (1, 2)
        )
        lines = "".join(
            f'<text:p text:style-name="Contents_20_{lvl}">{inline(text)}<text:tab/>{page}</text:p>' for lvl, text, page in entries
        )
        self.body.append(
            '<text:table-of-content text:style-name="Sect" text:protected="true" text:name="Innhald">'
            '<text:table-of-content-source text:outline-level="2">'
            f'<text:index-title-template text:style-name="Contents_20_Heading">{inline(title)}</text:index-title-template>'
            f"{templates}</text:table-of-content-source><text:index-body>"
            '<text:index-title text:style-name="Sect" text:name="Innhald_Head">'
            f'<text:p text:style-name="Contents_20_Heading">{inline(title)}</text:p></text:index-title>'
            f"{lines}</text:index-body></text:table-of-content>"
        )

    def xml(self) -> str:
        lang, country = self.language, "NO"
        widths = getattr(self, "_col_widths", [4.0])
        col_styles = "".join(
            f'<style:style style:name="Col{i}" style:family="table-column">'
            f'<style:table-column-properties style:column-width="{w}cm"/></style:style>'
            for i, w in enumerate(widths)
        )
        outline = "".join(
            f'<text:outline-level-style text:level="{lvl}" style:num-format="1" '
            f'{SUFFIX if lvl == 1 else ""} text:display-levels="{lvl}">'
            '<style:list-level-properties text:list-level-position-and-space-mode="label-alignment">'
            f'<style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="{0.6 + 0.4 * lvl}cm" '
            'fo:text-indent="0cm" fo:margin-left="0cm"/></style:list-level-properties></text:outline-level-style>'
            for lvl in (1, 2, 3)
        )
        body_para = (
            'fo:text-align="justify" fo:hyphenate="true" fo:hyphenation-remain-char-count="2" '
            'fo:hyphenation-push-char-count="2" fo:margin-bottom="0.2cm"'
        )
        return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document {NS} office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>
 <style:font-face style:name="{self.font}" svg:font-family="'{self.font}'" style:font-family-generic="roman"/>
 <style:font-face style:name="OpenSymbol" svg:font-family="OpenSymbol" style:font-charset="x-symbol"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties style:tab-stop-distance="1.25cm"/>
  <style:text-properties style:font-name="{self.font}" fo:font-size="11pt" fo:language="{lang}" fo:country="{country}" fo:hyphenate="false"/>
 </style:default-style>
 <style:style style:name="Standard" style:family="paragraph" style:class="text"/>
 <style:style style:name="Body" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties {body_para}/>
  <style:text-properties fo:hyphenate="true" fo:hyphenation-remain-char-count="2" fo:hyphenation-push-char-count="2" fo:language="{lang}" fo:country="{country}"/>
 </style:style>
 <style:style style:name="ListPara" style:family="paragraph" style:parent-style-name="Body"/>
 <style:style style:name="Footnote" style:family="paragraph" style:parent-style-name="Standard">
  <style:text-properties fo:font-size="9pt"/>
 </style:style>
 <style:style style:name="Label" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-top="0.2cm" fo:margin-bottom="0.1cm" fo:keep-with-next="always"/>
 </style:style>
 <style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-bottom="0.3cm"/>
  <style:text-properties fo:font-size="18pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Subtitle" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-bottom="0.3cm"/>
  <style:text-properties fo:font-size="13pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Case" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-top="0.4cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always"/>
  <style:text-properties fo:font-size="12pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="1" style:class="text">
  <style:paragraph-properties fo:margin-top="0.4cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always"/>
  <style:text-properties fo:font-size="14pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="2" style:class="text">
  <style:paragraph-properties fo:margin-top="0.3cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always"/>
  <style:text-properties fo:font-size="12pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Contents_20_Heading" style:display-name="Contents Heading" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-bottom="0.3cm"/>
  <style:text-properties fo:font-size="14pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Contents_20_1" style:display-name="Contents 1" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-bottom="0.1cm"><style:tab-stops><style:tab-stop style:position="16cm" style:type="right" style:leader-style="dotted" style:leader-text="."/></style:tab-stops></style:paragraph-properties>
 </style:style>
 <style:style style:name="Contents_20_2" style:display-name="Contents 2" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-left="0.5cm" fo:margin-bottom="0.1cm"><style:tab-stops><style:tab-stop style:position="15.5cm" style:type="right" style:leader-style="dotted" style:leader-text="."/></style:tab-stops></style:paragraph-properties>
 </style:style>
 <style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard">
  <style:text-properties fo:font-size="9pt"/>
 </style:style>
 <style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="center"/>
  <style:text-properties fo:font-size="9pt"/>
 </style:style>
 <style:style style:name="CellText" style:family="paragraph" style:parent-style-name="Standard">
  <style:text-properties fo:font-size="10pt"/>
 </style:style>
 <style:style style:name="CellHead" style:family="paragraph" style:parent-style-name="CellText">
  <style:text-properties fo:font-weight="bold"/>
 </style:style>
 <text:outline-style style:name="Outline">{outline}</text:outline-style>
 <text:list-style style:name="LBullet">
  <text:list-level-style-bullet text:level="1" text:bullet-char="•">
   <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
    <style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="1.27cm" fo:text-indent="-0.635cm" fo:margin-left="1.27cm"/>
   </style:list-level-properties>
   <style:text-properties style:font-name="OpenSymbol"/>
  </text:list-level-style-bullet>
 </text:list-style>
 <text:list-style style:name="LNum">
  <text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix=".">
   <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
    <style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="1.27cm" fo:text-indent="-0.635cm" fo:margin-left="1.27cm"/>
   </style:list-level-properties>
  </text:list-level-style-number>
 </text:list-style>
 <text:notes-configuration text:note-class="footnote" style:num-format="1" text:start-value="0" text:footnotes-position="page" text:start-numbering-at="document"/>
</office:styles>
<office:automatic-styles>
 <style:style style:name="B" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="Tbl" style:family="table"><style:table-properties style:width="{sum(widths)}cm" table:align="left" fo:margin-top="0.2cm" fo:margin-bottom="0.3cm"/></style:style>
 {col_styles}
 <style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:padding="0.1cm" fo:border="0.5pt solid #000000"/></style:style>
 <style:style style:name="Sect" style:family="section"><style:section-properties style:editable="false"/></style:style>
 <style:style style:name="BreakBefore" style:family="paragraph" style:parent-style-name="Body"><style:paragraph-properties fo:break-before="page"/></style:style>
 <style:style style:name="CaseBreak" style:family="paragraph" style:parent-style-name="Case"><style:paragraph-properties fo:break-before="page"/></style:style>
 <style:style style:name="H1Break" style:family="paragraph" style:parent-style-name="Heading_20_1"><style:paragraph-properties fo:break-before="page"/></style:style>
 <style:style style:name="ToLandscape" style:family="paragraph" style:parent-style-name="Label" style:master-page-name="Landscape"/>
 <style:style style:name="ToPortrait" style:family="paragraph" style:parent-style-name="Body" style:master-page-name="Standard"/>
 <style:page-layout style:name="PortraitLayout">
  <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin-top="1.2cm" fo:margin-bottom="1.2cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm"/>
  <style:header-style><style:header-footer-properties fo:min-height="0cm" fo:margin-bottom="0.6cm"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.6cm"/></style:footer-style>
 </style:page-layout>
 <style:page-layout style:name="LandscapeLayout">
  <style:page-layout-properties fo:page-width="29.7cm" fo:page-height="21cm" style:print-orientation="landscape" fo:margin-top="1.2cm" fo:margin-bottom="1.2cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm"/>
  <style:header-style><style:header-footer-properties fo:min-height="0cm" fo:margin-bottom="0.6cm"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.6cm"/></style:footer-style>
 </style:page-layout>
</office:automatic-styles>
<office:master-styles>
{self._master("Standard", "PortraitLayout")}
{self._master("Landscape", "LandscapeLayout")}
</office:master-styles>
<office:body><office:text>
{chr(10).join(self.body)}
</office:text></office:body>
</office:document>
"""

    def _master(self, name: str, layout: str) -> str:
        page_word = "Side"
        of_word = "av"
        return (
            f'<style:master-page style:name="{name}" style:page-layout-name="{layout}">'
            f'<style:header><text:p text:style-name="Header">{inline(self.header)}</text:p></style:header>'
            f'<style:footer><text:p text:style-name="Footer">{page_word} '
            f'<text:page-number text:select-page="current">1</text:page-number> {of_word} '
            "<text:page-count>1</text:page-count></text:p></style:footer></style:master-page>"
        )
