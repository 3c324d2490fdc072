"""The one spaCy pipeline of the process: a blank Norwegian Bokmål tokenizer (no
statistical model exists for us to install) with a rule Matcher that finds where a
person's name may start: a first name from the gazetteer followed by a capitalised
word or an initial. Built once per process (cached) and shared.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import spacy
from spacy.language import Language
from spacy.matcher import Matcher

from nlp.names import first_names

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


def name_starts(text: str) -> list[int]:
    """Character offsets in `text` where a first name followed by a name part stands."""
    pipe = pipeline()
    doc = pipe.nlp.make_doc(text)
    starts = sorted({doc[start].idx for _, start, _ in pipe.matcher(doc)})
    return starts
