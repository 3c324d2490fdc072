"""Records of the five corpus documents for the search tests.

Metadata, sections (titles, pages) and cases come from the hand-written expected
records in samples/expected/; the section TEXT is cut from the document's text layer
in ../shared/corpus/ between consecutive section headings (table-of-contents lines
skipped). The SSU minutes have no sections in their expected record: their text is
cut at the case numbers instead, one section per case.
"""

from __future__ import annotations

import copy
import hashlib
import json
import re
from dataclasses import replace

from contract.record import Record, Section
from tests.support.paths import CORPUS, SAMPLES

EXPECTED = SAMPLES / "expected"

NAMES = (
    "ahus-oslo-bydeler-arsrapport-2019",
    "helsefellesskap-oslo-ssu-referat-2024-12-05",
    "helsefellesskapet-ahus-arsrapport-2025",
    "ous-pko-presentasjon-2018",
    "ous-styresak-19-2021-helsefellesskap",
)
# Short names used by the tests.
SHORT = {
    "ahus-oslo-bydeler-arsrapport-2019": "ahus2019",
    "helsefellesskap-oslo-ssu-referat-2024-12-05": "ssu2024",
    "helsefellesskapet-ahus-arsrapport-2025": "ahus2025",
    "ous-pko-presentasjon-2018": "pko2018",
    "ous-styresak-19-2021-helsefellesskap": "styresak2021",
}


def doc_id_of(name: str) -> str:
    return hashlib.sha256(name.encode()).hexdigest()


def _text_lines(name: str) -> list[str]:
    lines = (CORPUS / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    return [ln for ln in lines if not re.search(r"\.{5,}", ln)]


def _squash(text: str) -> str:
    return " ".join(text.split())


def _cut(flat: str, titles: list[str]) -> tuple[str, list[str]]:
    """(text before the first heading, text of each heading's section) cutting `flat` at the titles."""
    starts: list[int | None] = []
    pos = 0
    lower = flat.lower()
    for title in titles:
        at = lower.find(_squash(title).lower(), pos) if title else -1
        if at < 0:
            starts.append(None)
        else:
            starts.append(at)
            pos = at + len(_squash(title))
    found = [s for s in starts if s is not None]
    head = flat[: found[0]] if found else flat
    texts = []
    for i, start in enumerate(starts):
        if start is None:
            texts.append("")
            continue
        later = [s for s in starts[i + 1 :] if s is not None]
        end = later[0] if later else len(flat)
        texts.append(flat[start:end].strip())
    return head.strip(), texts


def load_record(name: str) -> Record:
    data = json.loads((EXPECTED / f"{name}.json").read_text(encoding="utf-8"))
    data = copy.deepcopy(data)
    data.pop("_checks", None)
    data["source"]["sha256"] = doc_id_of(name)
    record = Record.from_dict(data)
    flat = _squash("\n".join(_text_lines(name)))
    if record.sections:
        head, texts = _cut(flat, [s.title for s in record.sections])
        sections = [replace(s, text=t) for s, t in zip(record.sections, texts, strict=True)]
        if head:
            sections.insert(0, Section(number=None, title=record.title or "", level=1, page=1, text=head))
    else:
        numbered = [s for s in record.saker if s.raw]
        head, texts = _cut(flat, [s.raw or "" for s in numbered])
        sections = [Section(None, record.title or "", 1, 1, head)]
        sections += [
            Section(None, f"{s.raw} {s.title or ''}".strip(), 1, s.page or 1, t)
            for s, t in zip(numbered, texts, strict=True)
        ]
    record.sections = sections
    return record


def corpus_items() -> list[tuple[str, Record]]:
    return [(doc_id_of(name), load_record(name)) for name in NAMES]


def ids_by_short() -> dict[str, str]:
    return {SHORT[name]: doc_id_of(name) for name in NAMES}
