from extractors.nlp.cleaning import clean, is_boilerplate


def test_seed_drops_browser_warning_and_source_line(seed_raw):
    cleaned = clean(seed_raw)
    assert cleaned.title == "Iraq PM sends team to Iran to discuss militias"
    assert cleaned.source_name == "Reuters"
    assert "IE 11 is not supported" not in cleaned.text
    assert "/ Source: Reuters" not in cleaned.text
    assert cleaned.text.startswith("Iraq PM sends team to Iran to discuss militias\n")


def test_kept_lines_are_byte_for_byte(seed_raw):
    cleaned = clean(seed_raw)
    line = '"The UIA has decided to send a delegation to press the Iranian government'
    assert line in seed_raw and line in cleaned.text
    assert cleaned.text.endswith("Baghdad stronghold of cleric al-Sadr.")


def test_line_endings_and_bom_are_normalised():
    cleaned = clean("\ufeffHeadline here\r\n\r\nBody sentence one.\r\nSource: AP\r\n")
    assert cleaned.text == "Headline here\n\nBody sentence one."
    assert cleaned.title == "Headline here"
    assert cleaned.source_name == "AP"


def test_generic_boilerplate_lines():
    for line in (
        "Advertisement",
        "This site uses cookies to improve your experience.",
        "Share on Facebook | Twitter | Email",
        "Skip to main content",
        "Please update your browser to view this page.",
    ):
        assert is_boilerplate(line), line
    assert not is_boilerplate("The advertisement campaign was pulled on Monday.")
    raw = "Advertisement\nMarkets rally\n\nStocks rose on Monday.\nShare\n"
    assert clean(raw).text == "Markets rally\n\nStocks rose on Monday."


def test_no_title_when_text_opens_with_a_sentence():
    assert clean("Stocks rose sharply on Monday after the announcement.").title is None


def test_a_title_gets_the_characters_of_its_html_references_and_the_text_keeps_them():
    raw = "&#163;1.8m indecency fine for Viacom\n\nViacom paid &#163;1.8m."
    cleaned = clean(raw)
    assert cleaned.title == "\u00a31.8m indecency fine for Viacom"
    assert cleaned.text == raw, "offsets index the text as it is"
    assert clean("M&S and Q&A: J&J &amp; AT&T\n\nText.").title == "M&S and Q&A: J&J & AT&T"
