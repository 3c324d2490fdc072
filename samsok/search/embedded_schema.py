"""The embedded (tantivy) index: schema, analyzers and documents built from entries.

One tantivy index holds three kinds of entries (field `kind`): `doc` (one per document,
its metadata as JSON), `section` and `sak`. Text fields use analyzers rebuilt from
index_mappings/ exactly like OpenSearch's: `no_text` (stemmed), `no_exact`, and the
`parts` field holds the compound subwords computed in Python (analysis.Decompounder).
"""

from __future__ import annotations

import json

import tantivy

from samsok.search.analysis import Analysis
from samsok.search.entries import Entries

TEXT = "no_text"
EXACT = "no_exact"

RAW_STORED = (
    "doc_id",
    "doc_type",
    "organ",
    "sykehusomrader",
    "date",
    "language",
    "persons",
    "organizations",
    "saksnummer",
    "sak_kind",
    "attendees",
)
RAW_FILTER = ("kind", "doc_type_lc", "organ_lc", "sykehusomrader_lc")
STORED_ONLY = ("title", "source", "section_title", "number", "raw", "sak_title", "vedtak", "meta_json")
INTS = ("doc_num", "year", "entry_index", "page")
FAST = {"doc_id", "doc_type", "organ", "sykehusomrader", "doc_num", "year"}


def build_schema() -> tantivy.Schema:
    sb = tantivy.SchemaBuilder()
    for name in RAW_STORED:
        sb.add_text_field(name, stored=True, tokenizer_name="raw", fast=name in FAST)
    for name in RAW_FILTER:
        sb.add_text_field(name, stored=False, tokenizer_name="raw")
    for name in STORED_ONLY:
        sb.add_text_field(name, stored=True, tokenizer_name="raw", index_option="basic")
    for name in INTS:
        sb.add_integer_field(name, stored=True, indexed=True, fast=name in FAST)
    sb.add_text_field("text", stored=True, tokenizer_name=TEXT)
    sb.add_text_field("exact", stored=False, tokenizer_name=EXACT)
    sb.add_text_field("parts", stored=False, tokenizer_name=TEXT)
    return sb.build()


def analyzers(analysis: Analysis) -> dict[str, tantivy.TextAnalyzer]:
    """The text analyzers by name, mirroring analysis-v1.json."""

    def base() -> tantivy.TextAnalyzerBuilder:
        return tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.regex(analysis.token_pattern)).filter(
            tantivy.Filter.lowercase()
        )

    return {
        TEXT: base()
        .filter(tantivy.Filter.stemmer(analysis.stemmer_language))
        .filter(tantivy.Filter.ascii_fold())
        .build(),
        EXACT: base().filter(tantivy.Filter.ascii_fold()).build(),
    }


def register(index: tantivy.Index, analysis: Analysis) -> None:
    """Register the custom analyzers (again after every `Index.open`/`Index(...)`)."""
    for name, analyzer in analyzers(analysis).items():
        index.register_tokenizer(name, analyzer)


def _clean(values: list[str | None]) -> list[str]:
    return [v for v in values if v]


def documents(entries: Entries, analysis: Analysis) -> list[tantivy.Document]:
    meta = entries.meta
    common: dict[str, list] = {
        "doc_id": [meta.doc_id],
        "doc_num": [meta.doc_num],
        "doc_type": [meta.doc_type],
        "doc_type_lc": [meta.doc_type.lower()],
        "organ": _clean([meta.organ]),
        "organ_lc": _clean([meta.organ.lower() if meta.organ else None]),
        "sykehusomrader": list(meta.sykehusomrader),
        "sykehusomrader_lc": [a.lower() for a in meta.sykehusomrader],
        "date": _clean([meta.date]),
        "language": _clean([meta.language]),
        "title": _clean([meta.title]),
        "source": _clean([meta.source]),
    }
    if meta.year is not None:
        common["year"] = [int(meta.year)]
    docs = [
        tantivy.Document(
            kind=["doc"],
            meta_json=[json.dumps(meta.fields(), ensure_ascii=False)],
            persons=list(meta.persons),
            organizations=list(meta.organizations),
            **common,
        )
    ]
    for sec in entries.sections:
        docs.append(
            tantivy.Document(
                kind=["section"],
                entry_index=[sec.index],
                page=[sec.page],
                number=_clean([sec.number]),
                section_title=_clean([sec.title]),
                saksnummer=list(sec.saksnummer),
                text=[sec.text],
                exact=[sec.text],
                parts=[analysis.parts_text(sec.text)],
                **common,
            )
        )
    for sak in entries.saker:
        docs.append(
            tantivy.Document(
                kind=["sak"],
                entry_index=[sak.index],
                page=[sak.page],
                saksnummer=_clean([sak.saksnummer]),
                raw=_clean([sak.raw]),
                sak_title=_clean([sak.title]),
                sak_kind=_clean([sak.kind]),
                vedtak=_clean([sak.vedtak]),
                attendees=list(sak.attendees),
                text=[sak.text],
                exact=[sak.text],
                parts=[analysis.parts_text(sak.text)],
                **common,
            )
        )
    return docs
