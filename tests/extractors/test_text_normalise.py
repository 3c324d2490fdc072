from extractors.text_normalise import normalise_text


def test_ligatures_spelled_out() -> None:
    assert normalise_text("o\ufb00isiell \ufb02ere pro\ufb01l") == "offisiell flere profil"


def test_soft_hyphens_and_zero_width_characters_dropped() -> None:
    assert normalise_text("handlings\u00adplan\u200b") == "handlingsplan"


def test_special_spaces_made_plain_line_breaks_kept() -> None:
    assert normalise_text("kl.\u00a018:00\u202f–\u200920:15\n") == "kl. 18:00 – 20:15\n"


def test_private_use_bullets_and_control_characters() -> None:
    assert normalise_text("\uf0b7 Kari\x07 Holm") == "• Kari Holm"
