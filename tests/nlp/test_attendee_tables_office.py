from nlp.attendance.attendee_tables import read_table


def test_a_members_medlem_cell_is_no_repeated_header_and_parti_is_the_org() -> None:
    table = read_table([
        ["Navn", "Funksjon", "Parti", "Merknad"],
        ["Kari Nordby", "Leder", "Ap", ""],
        ["Sigrid Aasen", "Medlem", "Sp", "Forfall"],
        ["Tor Magne Lie", "Medlem", "FrP", ""],
        ["Navn", "Funksjon", "Parti", "Merknad"],
    ])
    assert table is not None
    assert [(p.name, p.org) for p in table.present] == [("Kari Nordby", "Ap"), ("Tor Magne Lie", "FrP")]
    assert [(p.name, p.org) for p in table.absent] == [("Sigrid Aasen", "Sp")]
