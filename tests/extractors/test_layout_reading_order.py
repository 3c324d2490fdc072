"""Reading order on segments: rows by baseline, columns, forms that are not columns."""

from __future__ import annotations

from extractors.reading_order import find_gutter, group_rows, join_row_text, reading_order
from extractors.segments import Segment


def seg(text: str, x0: float, top: float, width: float | None = None, size: float = 10.0) -> Segment:
    width = width if width is not None else 5.0 * len(text)
    return Segment(text, 1, x0, x0 + width, top, top + size * 1.2, size, False)


def texts(rows: list[list[Segment]]) -> list[str]:
    return [join_row_text(row) for row in rows]


def test_segments_on_one_baseline_make_one_row_left_to_right() -> None:
    rows = group_rows([seg("Right cell", 300, 100), seg("Left cell", 56, 100.5), seg("Next line", 56, 114)])
    assert texts(rows) == ["Left cell Right cell", "Next line"]


def test_a_superscript_joins_its_word() -> None:
    word = seg("hovedstadsområdet", 56, 100, width=85)
    mark = Segment("1", 1, 141.2, 144.5, 98.0, 105.0, 6.5, False)
    assert texts(group_rows([word, mark])) == ["hovedstadsområdet1"]


def _two_columns() -> list[Segment]:
    left = [seg(f"Venstre spalte linje {k} med nok tekst", 56, 120 + 14 * k, width=230) for k in range(6)]
    right = [seg(f"Høyre spalte linje {k} med nok tekst", 310, 120 + 14 * k, width=230) for k in range(6)]
    title = seg("Møteplass Oslo – bakgrunn for etablering og mandat", 56, 90, width=480)
    after = seg("En linje over hele bredden etter spaltene, som avslutter siden.", 56, 220, width=480)
    return [*right, after, *left, title]


def test_two_columns_are_read_one_after_the_other() -> None:
    segments = _two_columns()
    assert find_gutter(segments) is not None
    assert texts(reading_order(segments)) == [
        "Møteplass Oslo – bakgrunn for etablering og mandat",
        *(f"Venstre spalte linje {k} med nok tekst" for k in range(6)),
        *(f"Høyre spalte linje {k} med nok tekst" for k in range(6)),
        "En linje over hele bredden etter spaltene, som avslutter siden.",
    ]


def test_labels_and_values_of_a_form_are_not_columns() -> None:
    labels = ["Møtegruppe:", "Møtested:", "Møtetid:", "Referent:", "Kopi til:"]
    values = ["Strategisk samarbeidsutvalg", "Legevakten i Oslo", "Torsdag 05.12.24", "Stine Wågsås", "SSU"]
    segments = [seg(label, 56, 100 + 14 * k, width=60) for k, label in enumerate(labels)]
    segments += [seg(value, 200, 100 + 14 * k, width=150) for k, value in enumerate(values)]
    assert find_gutter(segments) is None
    assert texts(reading_order(segments)) == [f"{a} {b}" for a, b in zip(labels, values, strict=True)]


def test_table_cells_stay_in_rows_on_a_column_page() -> None:
    segments = _two_columns()
    cells = [
        seg("Prosjekt", 56, 300, 60),
        seg("Status", 320, 300, 40),
        seg("MILA", 56, 314, 30),
        seg("Pågår", 320, 314, 35),
    ]
    rows = reading_order([*segments, *cells], table_boxes=[(50, 295, 540, 330)])
    assert texts(rows)[-2:] == ["Prosjekt Status", "MILA Pågår"]


def _side_by_side(after_top: float) -> list[Segment]:
    present = ["Lise Aamodt, Sykehuset Østfold", "Geir Olav Hauge, Sarpsborg kommune", "Hanne Strand, Moss kommune"]
    absent = ["Bjørn Tangen, Fredrikstad kommune"]
    segments = [seg("Møtereferat", 56, 60, size=16), seg("Til stede:", 56, 100, width=45)]
    segments.append(seg("Forfall:", 310, 100, width=38))
    segments += [seg(text, 56, 114 + 14 * k, width=170) for k, text in enumerate(present)]
    segments += [seg(text, 310, 114 + 14 * k, width=170) for k, text in enumerate(absent)]
    segments.append(seg("Referent: Tone Vik", 56, after_top, width=90))
    return segments


def test_lists_side_by_side_under_a_row_of_labels_are_read_list_by_list() -> None:
    segments = _side_by_side(after_top=164)
    assert find_gutter(segments) is None
    assert texts(reading_order(segments)) == [
        "Møtereferat",
        "Til stede:",
        "Lise Aamodt, Sykehuset Østfold",
        "Geir Olav Hauge, Sarpsborg kommune",
        "Hanne Strand, Moss kommune",
        "Forfall:",
        "Bjørn Tangen, Fredrikstad kommune",
        "Referent: Tone Vik",  # below a wider gap: after the block
    ]


def test_a_full_width_line_ends_the_side_by_side_block() -> None:
    segments = _side_by_side(after_top=156)
    segments[-1] = seg("Referatet ble godkjent av alle som deltok, og legges ut på nettsidene.", 56, 156, width=400)
    assert texts(reading_order(segments))[-1] == "Referatet ble godkjent av alle som deltok, og legges ut på nettsidene."
    assert texts(reading_order(segments))[-2] == "Bjørn Tangen, Fredrikstad kommune"


def test_a_label_column_with_values_beside_it_reads_row_by_row() -> None:
    segments = [seg("Til stede:", 56, 100, width=45), seg("Hilde Brekke, leder", 180, 100, width=100)]
    segments += [seg("Arne Vold", 180, 114, width=50), seg("Forfall:", 56, 128, width=38), seg("Eli Fosse", 180, 128)]
    assert texts(reading_order(segments)) == ["Til stede: Hilde Brekke, leder", "Arne Vold", "Forfall: Eli Fosse"]


def test_side_by_side_lists_starting_on_the_label_line() -> None:
    segments = [seg("Til stede: Lise Aamodt", 56, 100, width=110), seg("Forfall: Bjørn Tangen", 310, 100, width=105)]
    segments += [seg("Geir Olav Hauge", 56, 114, width=80), seg("Marit Kolstad", 310, 114, width=70)]
    segments += [seg("Hanne Strand", 56, 128, width=60)]
    assert texts(reading_order(segments)) == [
        "Til stede: Lise Aamodt", "Geir Olav Hauge", "Hanne Strand", "Forfall: Bjørn Tangen", "Marit Kolstad",
    ]


def test_a_time_value_is_no_label_cell() -> None:
    segments = [seg("Møtetid:", 56, 100, width=40), seg("kl. 10:00–12:00", 200, 100, width=80)]
    segments += [seg("Kari Nordmann", 56, 114, width=70), seg("Ola Hansen", 200, 114, width=60)]
    assert texts(reading_order(segments)) == ["Møtetid: kl. 10:00–12:00", "Kari Nordmann Ola Hansen"]
