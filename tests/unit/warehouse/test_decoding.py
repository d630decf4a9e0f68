"""Bytes to article text, with a stable reason for everything that is refused."""

import time

from extractors.warehouse.decoding import decode_article, html_to_text

ENGLISH = (
    "The minister said on Monday that the government would not raise taxes this year, "
    "and that the budget was in a better state than it had been for a decade."
)


def test_utf8_text_is_accepted_as_is():
    decoded = decode_article(ENGLISH.encode("utf-8"))
    assert (decoded.text, decoded.encoding, decoded.reason) == (ENGLISH, "utf-8", None)


def test_utf8_bom_is_stripped():
    assert decode_article(b"\xef\xbb\xbf" + ENGLISH.encode()).text == ENGLISH


def test_utf16_with_bom_is_decoded():
    decoded = decode_article(ENGLISH.encode("utf-16"))
    assert (decoded.text, decoded.encoding) == (ENGLISH, "utf-16")


def test_windows_1252_falls_back():
    text = ENGLISH + " It cost \u20ac5 \u2013 a \u201cbargain\u201d."
    decoded = decode_article(text.encode("cp1252"))
    assert (decoded.text, decoded.encoding) == (text, "cp1252")


def test_empty_and_whitespace_are_rejected():
    assert decode_article(b"").reason == "empty"
    assert decode_article(b" \n\t \n").reason == "empty"


def test_binary_is_rejected():
    assert decode_article(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20).reason == "binary"


def test_undecodable_bytes_are_rejected():
    # 0x81 and 0x8d are undefined in Windows-1252 and invalid as UTF-8 here
    assert decode_article(b"abc \x81\x8d\x81 def").reason == "encoding"


def test_html_is_stripped_to_its_visible_text():
    page = (
        "<!DOCTYPE html><html><head><title>Budget</title><script>var x = 1;</script></head>"
        f"<body><nav>Home | News</nav><p>{ENGLISH}</p><p>Tom &amp; Jerry agreed.</p></body></html>"
    )
    decoded = decode_article(page.encode())
    assert decoded.encoding == "utf-8+html"
    assert decoded.text == f"Budget\n\n{ENGLISH}\n\nTom & Jerry agreed."
    assert "var x" not in decoded.text and "Home | News" not in decoded.text


def test_html_without_text_is_rejected():
    assert decode_article(b"<html><body><script>1</script></body></html>").reason == "html"


def test_html_to_text_keeps_paragraphs_apart():
    assert html_to_text("<p>One.</p><p>Two.</p>") == "One.\n\nTwo."


def test_non_english_is_rejected():
    french = (
        "Le gouvernement a annoncé lundi une nouvelle réforme des retraites qui sera "
        "présentée au parlement dans les prochaines semaines, selon plusieurs ministres."
    )
    german = (
        "Die Regierung hat am Montag eine neue Reform angekündigt, die in den kommenden "
        "Wochen dem Parlament vorgelegt werden soll, sagten mehrere Minister der Koalition."
    )
    assert decode_article(french.encode()).reason == "not_english"
    assert decode_article(german.encode()).reason == "not_english"
    assert decode_article("政府周一宣布了一项新的养老金改革。".encode()).reason == "not_english"


def test_html_hides_comments_scripts_and_navigation_but_keeps_what_follows():
    page = (
        "<html><body><p>Rates<!-- ad --> rose<?php x ?> again.</p>"
        "<nav><p>Home</p></nav>Shares fell.<script>track()</script><p>Bonds held.</p>"
    )
    assert html_to_text(page) == "Rates rose again.\n\nShares fell.\n\nBonds held."


def test_broken_html_is_recovered_not_raised():
    assert decode_article(b"<p>x <![<![").text == "x"
    assert html_to_text("<p>") == ""


def test_html_decoding_time_grows_linearly():
    """html.parser took 36 s on 60 KB of `<a ` and 107 s on 90 KB; this is 1.5 MB."""
    started = time.perf_counter()
    decoded = decode_article(b"<p>start " + b"<a " * 500_000)
    assert time.perf_counter() - started < 10
    assert decoded.text == "start"
