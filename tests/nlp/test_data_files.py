"""Every data file is documented in nlp/data/README.md and can be read."""

from __future__ import annotations

from nlp.resources import DATA_DIR, read_rows, read_toml, read_words

TAB_COLUMNS = {
    "attendance_markers.tsv": 2,
    "attendance_status.tsv": 2,
    "attendee_table_columns.tsv": 2,
    "attendance_verbs.tsv": 2,
    "case_table_columns.tsv": 2,
    "decision_markers.tsv": 2,
    "deputy_markers.tsv": 2,
    "doc_type_cues.tsv": 4,
    "language_markers.tsv": 2,
    "meeting_labels.tsv": 2,
    "months.tsv": 2,
    "officer_roles.tsv": 2,
    "organizations.tsv": 3,
    "organs.tsv": 2,
    "parties.tsv": 2,
    "remarks.tsv": 2,
    "case_kinds.tsv": 3,
    "sykehusomrader.tsv": 3,
}


def test_every_data_file_is_documented() -> None:
    readme = (DATA_DIR / "README.md").read_text(encoding="utf-8")
    files = sorted(p.name for p in DATA_DIR.iterdir() if p.suffix in {".txt", ".tsv", ".toml"})
    assert files
    assert [name for name in files if f"`{name}`" not in readme] == []


def test_tables_have_their_columns() -> None:
    for name, columns in TAB_COLUMNS.items():
        rows = read_rows(name)
        assert rows, name
        assert all(len(row) == columns for row in rows), name


def test_word_lists_and_toml_read() -> None:
    for path in DATA_DIR.glob("*.txt"):
        assert read_words(path.name), path.name
    for path in DATA_DIR.glob("*.toml"):
        assert read_toml(path.name), path.name
    assert len(read_words("first_names.txt")) >= 400
    assert len(read_words("kommuner.txt")) >= 350


def test_every_matrix_mark_says_something() -> None:
    from nlp.attendance.attendee_tables import cell_status

    marks = read_words("matrix_marks.txt")
    assert [mark for mark in marks if cell_status(mark) is None] == []
