"""Versioned index definitions (JSON) and the word lists they name: data both search
backends (`samsok.search`) read, at the bottom layer beside `contract/`.

Files here are the single source of the search analysis for BOTH backends:

* ``analysis-v1.json``: tokenizer, Norwegian stemmer, compound splitter, synonyms,
* ``sections-v1.json`` / ``saker-v1.json``: OpenSearch settings + mappings,
* ``compounds.txt``: the decompounder's domain word list,
* ``synonyms.txt``: search-time synonyms (Solr format).

A string value ``"@name"`` inside a JSON file stands for the file ``name`` in this
directory: ``.json`` files are inlined, ``.txt`` files become a list of their
non-empty, non-comment lines; the key ``"@include": "@name.json"`` merges that
file's object into its parent. :func:`load_index` resolves those references.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

DIRECTORY = Path(__file__).resolve().parent
MAPPING_VERSION = "v1"
ANALYSIS_FILE = f"analysis-{MAPPING_VERSION}.json"
COMPOUNDS_FILE = "compounds.txt"
SYNONYMS_FILE = "synonyms.txt"


def read_lines(name: str, directory: Path = DIRECTORY) -> list[str]:
    """Non-empty lines of a word list, without `#` comment lines."""
    lines = []
    for line in (directory / name).read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            lines.append(stripped)
    return lines


def _resolve(value: Any, directory: Path) -> Any:
    if isinstance(value, str) and value.startswith("@"):
        name = value[1:]
        if name.endswith(".json"):
            return _resolve(read_json(name, directory), directory)
        return read_lines(name, directory)
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for key, item in value.items():
            if key.startswith("_comment"):
                continue
            if key == "@include":
                out.update(_resolve(item, directory))
            else:
                out[key] = _resolve(item, directory)
        return out
    if isinstance(value, list):
        return [_resolve(v, directory) for v in value]
    return value


def read_json(name: str, directory: Path = DIRECTORY) -> Any:
    return json.loads((directory / name).read_text(encoding="utf-8"))


def load_index(kind: str, directory: Path = DIRECTORY) -> dict[str, Any]:
    """Settings and mappings of index `kind` (`sections` or `saker`), references resolved."""
    return _resolve(read_json(f"{kind}-{MAPPING_VERSION}.json", directory), directory)


def load_analysis(directory: Path = DIRECTORY) -> dict[str, Any]:
    """The analysis block (tokenizer, filters, analyzers), references resolved."""
    return _resolve(read_json(ANALYSIS_FILE, directory), directory)


def synonym_rules(directory: Path = DIRECTORY) -> list[str]:
    return read_lines(SYNONYMS_FILE, directory)
