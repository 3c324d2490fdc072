"""Cases as rows of a ruled table."""

from __future__ import annotations

from extractors.layout import Table
from nlp.cases.case_tables import read_case_table, table_cases


def test_number_title_and_decision_columns() -> None:
    table = Table(1, [["Saksnr.", "Sak", "Vedtak"], ["21/24", "Godkjenning av innkalling", "Godkjent."], ["", "", ""]])
    (case,) = read_case_table(table, context_year=2024)
    assert (case.saksnummer, case.raw, case.title, case.vedtak) == ("21/2024", "21/24", "Godkjenning av innkalling", "Godkjent.")


def test_case_column_holding_number_and_title() -> None:
    table = Table(2, [["Sak", "Innhold", "Ansvar"], ["Sak 14/24 Referat fra forrige møte", "Referatet godkjennes.", "Leder"]])
    (case,) = read_case_table(table, context_year=2024)
    assert (case.page, case.saksnummer, case.title, case.vedtak) == (2, "14/2024", "Referat fra forrige møte", None)


def test_a_table_without_case_columns_is_no_case_table() -> None:
    table = Table(1, [["Navn", "Stilling"], ["21/24", "Rådgiver"]])
    assert read_case_table(table, context_year=2024) == []


def test_a_headerless_table_on_the_next_page_continues_the_case_table() -> None:
    first = Table(1, [["Saksnr.", "Sak", "Vedtak"], ["21/24", "Godkjenning av innkalling", "Godkjent."]])
    second = Table(2, [["22/24", "Ventetider", "Tatt til orientering."]])
    found = table_cases([second, first], context_year=2024)
    assert sorted(found) == [(1, "21/2024"), (2, "22/2024")]
    assert (found[(2, "22/2024")].title, found[(2, "22/2024")].vedtak) == ("Ventetider", "Tatt til orientering.")
    # not when a page lies between them
    assert sorted(table_cases([first, Table(3, second.rows)], context_year=2024)) == [(1, "21/2024")]
