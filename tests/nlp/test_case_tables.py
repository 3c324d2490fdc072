"""Cases as rows of a ruled table."""

from __future__ import annotations

from extractors.layout import Table
from nlp.case_tables import read_case_table


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
