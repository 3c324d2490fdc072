"""Norwegian text analysis read from `index_mappings/`, for the embedded backend and the query side.

OpenSearch runs these rules itself (analysis-v1.json); the embedded backend needs
them in Python or tantivy: the same tokenizer pattern, the same Snowball stemmer
language, the same decompounder parameters and word list (mirroring Lucene's
`DictionaryCompoundWordTokenFilter`) and the same synonyms.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any

import index_mappings

# Java's \p{L}\p{N} written for Python's `re`: a letter or digit, no underscore.
PY_TOKEN_RE = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Decompounder:
    words: frozenset[str]
    min_word_size: int = 5
    min_subword_size: int = 2
    max_subword_size: int = 15
    _prefixes: frozenset[str] = field(init=False, repr=False, compare=False)
    _cache: dict[str, tuple[str, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        prefixes = {w[:i] for w in self.words for i in range(1, len(w) + 1)}
        object.__setattr__(self, "_prefixes", frozenset(prefixes))
        object.__setattr__(self, "_cache", {})

    def subwords(self, token: str) -> tuple[str, ...]:
        """Dictionary words inside a lowercased `token`, as Lucene's dictionary decompounder finds them.

        Same result as trying every start and every length from min to max subword size;
        a substring that is no dictionary word's prefix ends the lengths early.
        """
        cached = self._cache.get(token)
        if cached is not None:
            return cached
        size = len(token)
        found: list[str] = []
        if size >= self.min_word_size:
            for start in range(size - self.min_subword_size + 1):
                for end in range(start + 1, min(size, start + self.max_subword_size) + 1):
                    piece = token[start:end]
                    if piece not in self._prefixes:
                        break
                    if end - start >= self.min_subword_size and piece in self.words:
                        found.append(piece)
        result = tuple(found)
        if len(self._cache) < 200_000:
            self._cache[token] = result
        return result


@dataclass
class Synonyms:
    """Equivalence classes (Solr format `a, b c, d`); each entry is a tuple of lowercased tokens."""

    classes: dict[tuple[str, ...], set[tuple[str, ...]]] = field(default_factory=dict)

    @classmethod
    def parse(cls, rules: list[str]) -> Synonyms:
        syn = cls()
        for rule in rules:
            if "=>" in rule:
                left, right = rule.split("=>", 1)
                sources = [tokens(x) for x in left.split(",")]
                targets = {tokens(x) for x in right.split(",")} - {()}
                for source in sources:
                    if source:
                        syn.classes.setdefault(source, set()).update(targets)
                continue
            entries = {tokens(x) for x in rule.split(",")} - {()}
            for entry in entries:
                syn.classes.setdefault(entry, set()).update(entries)
        return syn

    def alternatives(self, entry: tuple[str, ...]) -> list[tuple[str, ...]]:
        """Every other form of `entry` (empty when it has no synonyms)."""
        return sorted(self.classes.get(entry, set()) - {entry})

    @functools.cached_property
    def multiword(self) -> list[tuple[str, ...]]:
        """Multi-token entries, longest first (to spot them in a run of plain query words)."""
        return sorted((e for e in self.classes if len(e) > 1), key=lambda e: (-len(e), e))


def tokens(text: str) -> tuple[str, ...]:
    """The tokenizer (`no_words`) followed by lowercase: what the synonym rules are matched on."""
    return tuple(t.lower() for t in PY_TOKEN_RE.findall(text))


@dataclass(frozen=True)
class Analysis:
    token_pattern: str
    stemmer_language: str
    decompounder: Decompounder
    synonyms: Synonyms

    def parts_text(self, text: str) -> str:
        """The subwords of every compound in `text`, space separated (the embedded `parts` field)."""
        out: list[str] = []
        for token in PY_TOKEN_RE.findall(text):
            out.extend(self.decompounder.subwords(token.lower()))
        return " ".join(out)


def _from_config(config: dict[str, Any], synonym_rules: list[str]) -> Analysis:
    tokenizer = config["tokenizer"]["no_words"]
    stemmer = config["filter"]["no_stemmer"]
    dec = config["filter"]["no_decompound"]
    return Analysis(
        token_pattern=tokenizer["pattern"],
        stemmer_language=stemmer["language"],
        decompounder=Decompounder(
            words=frozenset(w.lower() for w in dec["word_list"]),
            min_word_size=int(dec.get("min_word_size", 5)),
            min_subword_size=int(dec.get("min_subword_size", 2)),
            max_subword_size=int(dec.get("max_subword_size", 15)),
        ),
        synonyms=Synonyms.parse(synonym_rules),
    )


def load_analysis() -> Analysis:
    """Read analysis-v1.json, the word list and the synonyms (fresh on every call)."""
    return _from_config(index_mappings.load_analysis(), index_mappings.synonym_rules())
