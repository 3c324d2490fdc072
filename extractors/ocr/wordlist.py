"""Norwegian word lists for the text-layer quality test, from Debian's `hunspell-no`.

The `.dic` files list stems with affix flags (`arbeid/AEFGH`); the stems alone, lower-cased,
are enough to tell running Norwegian from a garbled text layer, together with the common
inflection endings of `data/endings.txt` (see `quality.is_known_word`). Loaded once per
process and kept (about 0.4 s and 30 MB for bokmål and nynorsk together).

This loader belongs to the extractors (it imports nothing of the project); the search
layer's own hunspell-derived data lives in `index_mappings/`.
"""

from __future__ import annotations

import logging
import os
import re
from functools import cache
from pathlib import Path

log = logging.getLogger(__name__)

HUNSPELL_DIR = Path("/usr/share/hunspell")
DICTIONARIES = ("nb_NO", "nn_NO")
HUNSPELL_DIR_ENV = "SAMSOK_HUNSPELL_DIR"
_ENCODING = re.compile(rb"^SET\s+(\S+)", re.MULTILINE)


def hunspell_dir() -> Path:
    return Path(os.environ.get(HUNSPELL_DIR_ENV) or HUNSPELL_DIR)


def dictionary_encoding(aff: Path) -> str:
    """The character set named by the `.aff` file's `SET` line (hunspell's default: Latin-1)."""
    try:
        head = aff.read_bytes()[:4096]
    except OSError:
        return "iso8859-1"
    found = _ENCODING.search(head)
    return found.group(1).decode("ascii").lower() if found else "iso8859-1"


def read_stems(dic: Path, encoding: str) -> set[str]:
    """Lower-cased stems of one `.dic` file (first line is the entry count; `/` starts flags)."""
    stems: set[str] = set()
    with open(dic, encoding=encoding, errors="replace") as fh:
        next(fh, None)
        for line in fh:
            stem = line.split("/", 1)[0].strip()
            if stem and not stem.startswith("#"):
                stems.add(stem.lower())
    return stems


@cache
def norwegian_words() -> frozenset[str]:
    """Bokmål and nynorsk stems, lower-cased; empty (with a warning) if hunspell-no is missing."""
    words: set[str] = set()
    base = hunspell_dir()
    for name in DICTIONARIES:
        dic = base / f"{name}.dic"
        if not dic.is_file():
            log.warning("hunspell dictionary %s is missing (install hunspell-no): "
                        "the text-layer quality test uses letters and language only", dic)
            continue
        words |= read_stems(dic, dictionary_encoding(base / f"{name}.aff"))
    return frozenset(words)


@cache
def inflection_endings() -> tuple[str, ...]:
    """Endings tried when a word is not a stem itself, longest first (`data/endings.txt`)."""
    path = Path(__file__).with_name("data") / "endings.txt"
    endings = {
        line.strip() for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }
    return tuple(sorted(endings, key=len, reverse=True))
