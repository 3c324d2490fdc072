"""The one spaCy pipeline of the process: a blank Norwegian Bokmål tokenizer (no
statistical model exists for us to install) with a rule Matcher that finds where a
person's name may start: a first name from the gazetteer followed by a capitalised
word or an initial. Built once per process (cached) and shared.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import spacy
from spacy.language import Language
from spacy.matcher import Matcher

from nlp.attendance.names import first_names

NAME_PART = r"^(?:[A-ZÆØÅ]\.|[A-ZÆØÅÄÖÜÉ][a-zæøåäöüéèáóíúñç]+(?:['’-][A-ZÆØÅa-zæøå]+)*)$"


@dataclass(frozen=True)
class Pipeline:
    nlp: Language
    matcher: Matcher


@cache
def pipeline() -> Pipeline:
    nlp = spacy.blank("nb")
    matcher = Matcher(nlp.vocab)
    matcher.add(
        "PERSON_START",
        [[{"TEXT": {"IN": sorted(first_names())}}, {"IS_SPACE": True, "OP": "*"}, {"TEXT": {"REGEX": NAME_PART}}]],
    )
    return Pipeline(nlp, matcher)


_WORD = re.compile(r"[^\W\d_]+")


def _chunks(text: str) -> list[tuple[int, str]]:
    """(offset, text) of the stretches worth tokenizing: each line holding a first name,
    with the line after it (a name may go on there)."""
    names = first_names()
    lines: list[tuple[int, str]] = []
    offset = 0
    for line in text.split("\n"):
        lines.append((offset, line))
        offset += len(line) + 1
    chunks: list[tuple[int, str]] = []
    end = -1
    for i, (start, line) in enumerate(lines):
        if not any(word in names for word in _WORD.findall(line)):
            continue
        stop = i + 1 if i + 1 < len(lines) else i
        stop_offset = lines[stop][0] + len(lines[stop][1])
        if chunks and start <= end:
            first = chunks[-1][0]
            chunks[-1] = (first, text[first:stop_offset])
        else:
            chunks.append((start, text[start:stop_offset]))
        end = stop_offset
    return chunks


def name_starts(text: str) -> list[int]:
    """Character offsets in `text` where a first name followed by a name part stands."""
    pipe = pipeline()
    starts: set[int] = set()
    for offset, chunk in _chunks(text):
        doc = pipe.nlp.make_doc(chunk)
        starts.update(offset + doc[start].idx for _, start, _ in pipe.matcher(doc))
    return sorted(starts)
