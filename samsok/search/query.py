"""The user's query language, parsed leniently into a small AST both backends translate.

Syntax: words (all must match), `"quoted phrases"` (exact words in order, no stemming
or synonyms), `AND`, `OR`, `NOT` (upper case), `-word` / `-"phrase"`, parentheses,
and case numbers in any printed form (`33/24`, `sak 33/2024`, `033/24`).

Nothing is an error: an unclosed quote or parenthesis is closed at the end, an
operator without operands is a plain word, characters that are not letters or digits
are dropped. A query with no words left matches everything (`MatchAll`).
Matching is per index entry (one section, or one case): `a b` finds entries with both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from contract.saksnummer import find_case_numbers
from samsok.search.analysis import PY_TOKEN_RE, Synonyms

MAX_LEAVES = 32
MAX_QUERY_CHARS = 1000


@dataclass(frozen=True)
class Term:
    """One word (lowercased): stemmed match, compound parts, and its synonyms."""

    word: str


@dataclass(frozen=True)
class Phrase:
    """Quoted words matched exactly and in order (lowercase, accents folded)."""

    words: tuple[str, ...]


@dataclass(frozen=True)
class SynonymRun:
    """A run of plain words that is itself a synonym entry (`oslo universitetssykehus`)."""

    words: tuple[str, ...]


@dataclass(frozen=True)
class CaseNumber:
    number: str


@dataclass(frozen=True)
class And:
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Not:
    item: Node


@dataclass(frozen=True)
class MatchAll:
    pass


Node = Term | Phrase | SynonymRun | CaseNumber | And | Or | Not | MatchAll

_LEX_RE = re.compile(r'(?P<quote>"[^"]*"?)|(?P<lpar>\()|(?P<rpar>\))|(?P<minus>-(?=["\w]))|(?P<other>[^\s"()]+)')


@dataclass(frozen=True)
class _Tok:
    kind: str  # word, phrase, case, lpar, rpar, and, or, not, minus
    value: object = None


def _lex(text: str) -> list[_Tok]:
    out: list[_Tok] = []
    text = text[:MAX_QUERY_CHARS]
    # Case numbers first: `sak 33/24` is one token, not the word `sak` and two numbers.
    pieces: list[tuple[str, str]] = []
    last = 0
    for start, end, value in find_case_numbers(text):
        pieces.append(("text", text[last:start]))
        pieces.append(("case", value))
        last = end
    pieces.append(("text", text[last:]))
    for kind, piece in pieces:
        if kind == "case":
            out.append(_Tok("case", piece))
            continue
        for m in _LEX_RE.finditer(piece):
            if m.group("quote") is not None:
                raw = m.group("quote")
                closed = len(raw) > 1 and raw.endswith('"')
                words = tuple(w.lower() for w in PY_TOKEN_RE.findall(raw))
                if closed and words:
                    out.append(_Tok("phrase", words))
                else:
                    out.extend(_Tok("word", w) for w in words)
            elif m.group("lpar"):
                out.append(_Tok("lpar"))
            elif m.group("rpar"):
                out.append(_Tok("rpar"))
            elif m.group("minus"):
                out.append(_Tok("minus"))
            else:
                raw = m.group("other")
                if raw in ("AND", "OR", "NOT"):
                    out.append(_Tok(raw.lower(), raw.lower()))
                elif raw == "&&":
                    out.append(_Tok("and", "and"))
                elif raw == "||":
                    out.append(_Tok("or", "or"))
                else:
                    out.extend(_Tok("word", w.lower()) for w in PY_TOKEN_RE.findall(raw))
    return out


class _Parser:
    """Recursive descent: or := and ('OR' and)*; and := unary+ (with optional 'AND'); unary := ('NOT'|'-')* atom."""

    def __init__(self, toks: list[_Tok], synonyms: Synonyms | None) -> None:
        self.toks = toks
        self.pos = 0
        self.leaves = 0
        self.synonyms = synonyms

    def peek(self, offset: int = 0) -> _Tok | None:
        i = self.pos + offset
        return self.toks[i] if i < len(self.toks) else None

    def parse_or(self, depth: int) -> Node | None:
        items = []
        while True:
            node = self.parse_and(depth)
            if node is not None:
                items.append(node)
            tok = self.peek()
            if tok is None or tok.kind == "rpar":
                break
            if tok.kind == "or":
                self.pos += 1
        if not items:
            return None
        return items[0] if len(items) == 1 else Or(tuple(items))

    def parse_and(self, depth: int) -> Node | None:
        items: list[Node] = []
        words: list[str] = []

        def flush() -> None:
            if words:
                items.extend(self.word_run(words))
                words.clear()

        while True:
            tok = self.peek()
            if tok is None or tok.kind in ("rpar", "or"):
                break
            if tok.kind == "and":
                self.pos += 1
                continue
            if tok.kind == "word":
                self.pos += 1
                if self.leaves < MAX_LEAVES:
                    self.leaves += 1
                    words.append(str(tok.value))
                continue
            flush()
            before = self.pos
            node = self.parse_unary(depth)
            if node is not None:
                items.append(node)
            elif self.pos == before:
                self.pos += 1
        flush()
        if not items:
            return None
        return items[0] if len(items) == 1 else And(tuple(items))

    def word_run(self, words: list[str]) -> list[Node]:
        """Plain words; a run that is a multi-word synonym entry becomes a SynonymRun too."""
        nodes: list[Node] = []
        i = 0
        multi = self.synonyms.multiword if self.synonyms else []
        while i < len(words):
            for entry in multi:
                if tuple(words[i : i + len(entry)]) == entry:
                    terms = tuple(Term(w) for w in entry)
                    nodes.append(Or((And(terms), SynonymRun(entry))))
                    i += len(entry)
                    break
            else:
                nodes.append(Term(words[i]))
                i += 1
        return nodes

    def parse_unary(self, depth: int) -> Node | None:
        tok = self.peek()
        if tok is None:
            return None
        if tok.kind in ("not", "minus"):
            self.pos += 1
            inner = self.parse_unary(depth)
            return Not(inner) if inner is not None else None
        return self.parse_atom(depth)

    def parse_atom(self, depth: int) -> Node | None:
        tok = self.peek()
        if tok is None:
            return None
        if tok.kind == "lpar":
            self.pos += 1
            if depth >= 8:  # deeper nesting is ignored (its words still count)
                return None
            inner = self.parse_or(depth + 1)
            if self.peek() is not None and self.peek().kind == "rpar":
                self.pos += 1
            return inner
        if self.leaves >= MAX_LEAVES:
            self.pos += 1
            return None
        self.pos += 1
        self.leaves += 1
        if tok.kind == "phrase":
            return Phrase(tuple(tok.value))  # type: ignore[arg-type]
        if tok.kind == "case":
            return CaseNumber(str(tok.value))
        if tok.kind == "word":
            return Term(str(tok.value))
        return None


def _simplify(node: Node) -> Node:
    if isinstance(node, And | Or):
        kind = type(node)
        flat: list[Node] = []
        for item in node.items:
            item = _simplify(item)
            if isinstance(item, kind):
                flat.extend(item.items)
            else:
                flat.append(item)
        unique = list(dict.fromkeys(flat))
        return unique[0] if len(unique) == 1 else kind(tuple(unique))
    if isinstance(node, Not):
        inner = _simplify(node.item)
        return inner.item if isinstance(inner, Not) else Not(inner)
    return node


_STARTS = ("word", "phrase", "case", "lpar", "minus", "not")
_ENDS = ("word", "phrase", "case", "rpar")


def _demote_operators(toks: list[_Tok]) -> list[_Tok]:
    """AND/OR without an operand on both sides, NOT/- without one after, become plain words (or vanish)."""
    out: list[_Tok] = []
    for i, tok in enumerate(toks):
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        prev = out[-1] if out else None
        if tok.kind in ("and", "or"):
            if prev is None or prev.kind not in _ENDS or nxt is None or nxt.kind not in _STARTS:
                out.append(_Tok("word", tok.value))
                continue
        elif tok.kind in ("not", "minus") and (nxt is None or nxt.kind not in _STARTS):
            if tok.kind == "not":
                out.append(_Tok("word", "not"))
            continue
        out.append(tok)
    return out


def parse(text: str, synonyms: Synonyms | None = None) -> Node:
    """The AST of `text`; never raises. `synonyms` lets runs of words match multi-word entries."""
    toks = _demote_operators(_lex(text or ""))
    parser = _Parser(toks, synonyms)
    nodes: list[Node] = []
    while parser.peek() is not None:
        node = parser.parse_or(0)
        if node is not None:
            nodes.append(node)
        if parser.peek() is not None and parser.peek().kind == "rpar":
            parser.pos += 1  # a stray `)`
    if not nodes:
        return MatchAll()
    return _simplify(nodes[0] if len(nodes) == 1 else And(tuple(nodes)))


def positive_words(node: Node) -> list[str]:
    """Words (and phrase words) outside NOT: what snippets highlight."""
    if isinstance(node, Term):
        return [node.word]
    if isinstance(node, Phrase | SynonymRun):
        return list(node.words)
    if isinstance(node, And | Or):
        return [w for item in node.items for w in positive_words(item)]
    return []
