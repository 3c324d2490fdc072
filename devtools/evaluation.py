"""Score extraction records against the hand-written expected records in samples/expected/.

The comparison rules are those of `samples/expected/README.md` (exact fields,
normalised titles with accepted alternatives, attendee name sets with role/org
containment, recall-only persons and organisations, TOC-mode sections). `score`
returns counts per category and a list of human-readable mismatches; run

    python -m devtools.evaluation            # extract samples/*.pdf and print precision/recall

to see the table.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from samsok.extraction import GuardedExtractor

CATEGORIES = ("metadata", "saksnummer", "saker", "vedtak", "attendees", "sections", "persons", "organizations")


def ws(text: str | None) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text or "")).strip()


def norm(text: str | None) -> str:
    value = ws(text).casefold()
    value = re.sub(r"[:\-–—]\s+", " ", value)
    value = re.sub(r"\s+", " ", value)
    return value.rstrip(":. ").strip()


@dataclass
class Tally:
    tp: int = 0
    predicted: int = 0
    expected: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.expected if self.expected else 1.0


@dataclass
class Score:
    name: str
    tallies: dict[str, Tally] = field(default_factory=lambda: {c: Tally() for c in CATEGORIES})
    mismatches: list[str] = field(default_factory=list)

    def miss(self, category: str, message: str) -> None:
        self.mismatches.append(f"{self.name}: [{category}] {message}")


def _accepts(value: str | None, expected: str | None, alternatives: Iterable[str] = ()) -> bool:
    if expected is None and not list(alternatives):
        return value is None
    return norm(value) in {norm(v) for v in [expected, *alternatives] if v is not None}


# ---------------------------------------------------------------- categories


def _metadata(exp: dict, act: dict, checks: dict, s: Score) -> None:
    t = s.tallies["metadata"]
    items: list[tuple[str, bool]] = [
        ("schema", act.get("schema") == exp.get("schema")),
        ("source.path", Path(act["source"]["path"]).name == Path(exp["source"]["path"]).name),
        ("doc_type", act.get("doc_type") == exp.get("doc_type")),
        ("language", act.get("language") == exp.get("language")),
        ("year", act.get("year") == exp.get("year")),
        ("date", act.get("date") in [exp.get("date"), *checks.get("date_alternatives", [])]),
        ("title", _accepts(act.get("title"), exp.get("title"), checks.get("title_alternatives", []))),
        ("organ", _accepts(act.get("organ"), exp.get("organ"), checks.get("organ_alternatives", []))),
    ]
    if "pages" in exp["source"]:
        items.append(("source.pages", act["source"].get("pages") == exp["source"]["pages"]))
    got, want = set(act.get("sykehusomrader") or []), set(exp.get("sykehusomrader") or [])
    optional = set(checks.get("sykehusomrader_optional", []))
    items.append(("sykehusomrader", want <= got <= want | optional))
    for name, ok in items:
        t.expected += 1
        t.predicted += 1
        if ok:
            t.tp += 1
        else:
            shown = act["source"].get("pages") if name == "source.pages" else act.get(name.split(".")[-1])
            wanted = exp["source"].get("pages") if name == "source.pages" else exp.get(name.split(".")[-1])
            s.miss("metadata", f"{name}: got {shown!r}, expected {wanted!r}")


def _sak_key(sak: dict) -> str:
    return sak["saksnummer"] if sak.get("saksnummer") else f"{norm(sak.get('title'))}|{sak.get('kind')}"


def _match_saker(exp: list[dict], act: list[dict]) -> list[tuple[dict, dict]]:
    pairs: list[tuple[dict, dict]] = []
    used: set[int] = set()
    for e in exp:
        for i, a in enumerate(act):
            if i in used:
                continue
            if e.get("saksnummer"):
                hit = a.get("saksnummer") == e["saksnummer"]
            else:
                hit = not a.get("saksnummer") and _sak_key(a) == _sak_key(e)
            if hit:
                pairs.append((e, a))
                used.add(i)
                break
    return pairs


def _saker(exp: dict, act: dict, checks: dict, s: Score) -> None:
    title_alt = checks.get("saker", {}).get("title_alternatives", {})
    kind_alt = checks.get("saker", {}).get("kind_alternatives", {})
    e_saker, a_saker = exp.get("saker") or [], act.get("saker") or []
    pairs = _match_saker(e_saker, a_saker)
    t = s.tallies["saksnummer"]
    t.tp, t.predicted, t.expected = len(pairs), len(a_saker), len(e_saker)
    matched_exp = {id(e) for e, _ in pairs}
    matched_act = {id(a) for _, a in pairs}
    for e in e_saker:
        if id(e) not in matched_exp:
            s.miss("saksnummer", f"missing case {e.get('raw') or e.get('title')!r}")
    for a in a_saker:
        if id(a) not in matched_act:
            s.miss("saksnummer", f"extra case {a.get('raw') or a.get('title')!r}")
    full = s.tallies["saker"]
    full.predicted, full.expected = len(a_saker), len(e_saker)
    ved = s.tallies["vedtak"]
    ved.predicted = sum(1 for a in a_saker if a.get("vedtak"))
    ved.expected = sum(1 for e in e_saker if e.get("vedtak"))
    for e, a in pairs:
        key = e.get("saksnummer") or e.get("title")
        problems = []
        if a.get("raw") != e.get("raw"):
            problems.append(f"raw {a.get('raw')!r} != {e.get('raw')!r}")
        if a.get("page") != e.get("page"):
            problems.append(f"page {a.get('page')} != {e.get('page')}")
        if not _accepts(a.get("title"), e.get("title"), title_alt.get(key, [])):
            problems.append(f"title {a.get('title')!r} != {e.get('title')!r}")
        if a.get("kind") not in [e.get("kind"), *kind_alt.get(key, [])]:
            problems.append(f"kind {a.get('kind')!r} != {e.get('kind')!r}")
        if problems:
            s.miss("saker", f"{key}: " + "; ".join(problems))
        else:
            full.tp += 1
        if e.get("vedtak") or a.get("vedtak"):
            if ws(a.get("vedtak")) == ws(e.get("vedtak")):
                ved.tp += 1
            else:
                s.miss("vedtak", f"{key}: got {ws(a.get('vedtak'))!r}\n      expected {ws(e.get('vedtak'))!r}")


def _org_equal(got: str | None, want: str | None, aliases: dict[str, list[str]]) -> bool:
    def canon(v: str) -> str:
        n = norm(v)
        for c, variants in aliases.items():
            if n == norm(c) or n in {norm(x) for x in variants}:
                return norm(c)
        return n

    if want is None:
        return True
    if got is None:
        return False
    g, w = canon(got), canon(want)
    return g == w or g in w or w in g


def _attendees(exp: dict, act: dict, checks: dict, s: Score) -> None:
    t = s.tallies["attendees"]
    aliases = checks.get("organizations", {}).get("aliases", {})
    optional = {norm(n) for n in checks.get("attendees", {}).get("present_optional", [])}
    e_att, a_att = exp.get("attendees") or {}, act.get("attendees") or {}
    for status in ("present", "absent"):
        want = {norm(p["name"]): p for p in e_att.get(status) or [] if norm(p["name"]) not in optional}
        got = {norm(p["name"]): p for p in a_att.get(status) or [] if norm(p["name"]) not in optional}
        t.expected += len(want)
        t.predicted += len(got)
        for name, e in want.items():
            a = got.get(name)
            if a is None:
                s.miss("attendees", f"{status}: missing {e['name']!r}")
                continue
            problems = []
            if e.get("role") is not None and not (
                a.get("role") and (norm(e["role"]) in norm(a["role"]) or norm(a["role"]) in norm(e["role"]))
            ):
                problems.append(f"role {a.get('role')!r} != {e['role']!r}")
            if not _org_equal(a.get("org"), e.get("org"), aliases):
                problems.append(f"org {a.get('org')!r} != {e['org']!r}")
            if e.get("substitute_for") is not None and norm(a.get("substitute_for")) != norm(e["substitute_for"]):
                problems.append(f"substitute_for {a.get('substitute_for')!r} != {e['substitute_for']!r}")
            if problems:
                s.miss("attendees", f"{status} {e['name']}: " + "; ".join(problems))
            else:
                t.tp += 1
        for name, a in got.items():
            if name not in want:
                s.miss("attendees", f"{status}: extra {a['name']!r}")
    for role in ("chair", "secretary"):
        want_v = e_att.get(role)
        alts = checks.get("attendees", {}).get(f"{role}_alternatives", [])
        got_v = a_att.get(role)
        if got_v is not None and _accepts(got_v, want_v, alts):
            t.tp += 1
            t.expected += 1
            t.predicted += 1
            continue
        if want_v is None and got_v is None:
            continue  # nothing named, nothing found
        t.expected += 1 if want_v is not None else 0
        t.predicted += 1 if got_v is not None else 0
        s.miss("attendees", f"{role}: got {got_v!r}, expected {want_v!r} (or {alts})")


def _section_key(sec: dict, fields: list[str]) -> tuple:
    return tuple(norm(str(sec.get(f))) if f == "title" else sec.get(f) for f in fields)


def _sections(exp: dict, act: dict, checks: dict, s: Score) -> None:
    t = s.tallies["sections"]
    conf = checks.get("sections", {})
    mode = conf.get("mode", "subset")
    fields = conf.get("compare", ["title", "page"])
    e_secs, a_secs = exp.get("sections") or [], act.get("sections") or []
    got_keys = [_section_key(a, fields) for a in a_secs]
    for e in e_secs:
        t.expected += 1
        if _section_key(e, fields) in got_keys:
            t.tp += 1
        else:
            near = [a for a in a_secs if norm(a.get("title")) == norm(e.get("title"))]
            hint = f" (found {[(a.get('number'), a.get('level'), a.get('page')) for a in near]})" if near else ""
            s.miss("sections", f"missing {e.get('number') or ''} {e.get('title')!r} p.{e.get('page')}{hint}")
    if mode == "toc":
        want_keys = {_section_key(e, fields) for e in e_secs}
        optional = {_section_key(o, fields) for o in conf.get("optional", [])}
        numbered = [a for a in a_secs if a.get("number")]
        t.predicted += len(numbered)
        for a in numbered:
            key = _section_key(a, fields)
            if key in optional:
                t.predicted -= 1
            elif key not in want_keys:
                s.miss("sections", f"extra {a.get('number')} {a.get('title')!r} p.{a.get('page')}")
    else:
        t.predicted += t.tp
    for ref, snippets in conf.get("text_contains", {}).items():
        target = [a for a in a_secs if a.get("number") == ref or norm(a.get("title")) == norm(ref)]
        for snippet in snippets:
            t.expected += 1
            t.predicted += 1
            if any(ws(snippet) in ws(a.get("text")) for a in target):
                t.tp += 1
            else:
                s.miss("sections", f"text of {ref!r} lacks {snippet!r}")


def _recall_list(category: str, act: dict, checks: dict, s: Score) -> None:
    t = s.tallies[category]
    conf = checks.get(category, {})
    got = {norm(x) for x in act.get(category) or []}
    aliases = conf.get("aliases", {})
    for name in conf.get("must_contain", []):
        t.expected += 1
        t.predicted += 1
        if any(norm(v) in got for v in [name, *aliases.get(name, [])]):
            t.tp += 1
        else:
            s.miss(category, f"missing {name!r}")


def score(expected: dict[str, Any], actual: dict[str, Any], name: str = "") -> Score:
    checks = expected.get("_checks", {})
    result = Score(name or Path(expected["source"]["path"]).stem)
    if actual.get("error"):
        result.miss("metadata", f"extraction failed: {actual['error']}")
        return result
    _metadata(expected, actual, checks, result)
    _saker(expected, actual, checks, result)
    _attendees(expected, actual, checks, result)
    _sections(expected, actual, checks, result)
    _recall_list("persons", actual, checks, result)
    _recall_list("organizations", actual, checks, result)
    return result


def summarise(scores: list[Score]) -> dict[str, Tally]:
    total = {c: Tally() for c in CATEGORIES}
    for sc in scores:
        for c, t in sc.tallies.items():
            total[c].tp += t.tp
            total[c].predicted += t.predicted
            total[c].expected += t.expected
    return total


def format_table(scores: list[Score]) -> str:
    lines = [f"{'category':<14} {'precision':>9} {'recall':>7} {'tp':>5} {'pred':>5} {'exp':>5}"]
    for c, t in summarise(scores).items():
        lines.append(f"{c:<14} {t.precision:>9.3f} {t.recall:>7.3f} {t.tp:>5} {t.predicted:>5} {t.expected:>5}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    repo = Path(__file__).resolve().parents[1]
    expected_dir = repo / "samples" / "expected"
    pdfs = sorted((repo / "samples").glob("*.pdf"))
    with GuardedExtractor(workers=2) as extractor:
        records = list(extractor.map((p, None) for p in pdfs))
    scores = []
    for pdf, record in zip(pdfs, records, strict=True):
        exp_path = expected_dir / f"{pdf.stem}.json"
        if not exp_path.exists():
            continue
        scores.append(score(json.loads(exp_path.read_text(encoding="utf-8")), record.to_dict(), pdf.stem))
    verbose = "-v" in (argv if argv is not None else sys.argv[1:])
    for sc in scores:
        if verbose:
            for m in sc.mismatches:
                print(m)
    print(format_table(scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
