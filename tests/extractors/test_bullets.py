"""The one bullet table: what the extractor normalises to is what NLP recognises."""

from __future__ import annotations

import pytest

from extractors.bullets import all_glyphs, bullet_glyphs, private_use
from extractors.headings import classify_heading
from extractors.text_normalise import normalise_text
from nlp.textutil import is_bullet_item, strip_bullet


@pytest.mark.parametrize("code", sorted(private_use()))
def test_every_private_use_bullet_becomes_a_list_item_for_nlp(code: str) -> None:
    # Wingdings ➢ ❖ ✓ were normalised to glyphs NLP's own list then rejected
    line = normalise_text(f"{code} Kari Nordmann")
    assert line[0] in all_glyphs()
    assert is_bullet_item(line) and strip_bullet(line) == "Kari Nordmann"


@pytest.mark.parametrize("glyph", sorted(bullet_glyphs()))
def test_a_bullet_opens_a_list_item_even_without_a_space(glyph: str) -> None:
    assert strip_bullet(f"{glyph}Kari Nordmann") == "Kari Nordmann"


def test_a_dash_opens_a_list_item_only_before_a_space() -> None:
    assert is_bullet_item("- Kari Nordmann") and not is_bullet_item("-5 grader")


def test_a_line_opening_with_a_bullet_is_no_heading() -> None:
    assert all(classify_heading(f"{glyph} Innledning", size=14.0, body_size=10.0, bold=True) is None
               for glyph in all_glyphs())
