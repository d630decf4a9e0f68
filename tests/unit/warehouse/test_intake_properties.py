"""Property-based: random bytes and random names through decoding and intake never raise,
and every file is accounted for (a document, a reject, or unchanged)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors.warehouse.decoding import decode_article
from extractors.warehouse.intake import discover

# the reasons decoding may give; intake adds those about files and names
DECODING_REASONS = {None, "empty", "binary", "encoding", "html", "not_english"}
FRAGMENTS = [
    b"<p>", b"</p>", b"<![", b"<!--", b"-->", b"<a ", b"<script>", b"&amp;", b"&#", b"\xff\xfe",
    b"\xef\xbb\xbf", b"\x00", b"\r\n", b"The minister said on Monday that ", b"\xc3\xa9",
    b"\xe2\x80\x9c", "Москва ".encode(), "政府".encode(), b"\x80\x81", b" ",
]  # fmt: skip

contents = st.one_of(
    st.binary(max_size=3000),
    st.text(max_size=2000).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.lists(st.sampled_from(FRAGMENTS), max_size=200).map(b"".join),
)
# a file name's bytes: anything but '/' and NUL, up to the 255-byte limit with ".txt"
names = st.binary(min_size=1, max_size=251).filter(
    lambda b: b"/" not in b and b"\x00" not in b and b not in (b".", b"..")
)


@settings(max_examples=300, deadline=None)
@given(contents)
def test_decoding_never_raises(data):
    decoded = decode_article(data)
    assert decoded.reason in DECODING_REASONS
    assert (decoded.text is None) == (decoded.reason is not None)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(names, contents, min_size=1, max_size=6))
def test_intake_never_raises_and_accounts_for_every_file(files):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "in"
        root.mkdir()
        for name, data in files.items():
            with open(os.fsencode(root) + b"/" + name + b".txt", "wb") as handle:
                handle.write(data)
        intake = discover(root, run_id="fuzz", max_bytes=2500)
    assert intake.files_seen == len(files)
    assert len(intake.to_extract) + len(intake.rejects) == len(files)
    for source in intake.to_extract:
        source.source_file.encode("utf-8")  # every accepted name can be stored
        assert source.raw_text.strip()
