"""The input folder of the shared seed run: the seed beside a file of every awkward kind."""

from __future__ import annotations

ARTICLE = (
    "The finance minister said on Monday that the government would cut taxes for small "
    "firms next year, and the opposition accused him of favouring the rich. {}"
)
WEIRD_NAME = "-leading dash 'quoted' \u00fcn\u00efc\u00f6d\u00e9.txt"
LATIN = ARTICLE.format("Caf\u00e9 owners were \u201cdelighted\u201d.").encode("cp1252")
# Beside the seed, a file of every awkward kind (WIREHOUSE_MAX_BYTES=20000 in that run);
# None stands for the seed's own bytes under another name.
AWKWARD_FILES = {
    "copy of seed.txt": None,
    "empty.txt": b"",
    "blank.txt": b"  \n\t\n",
    "photo.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50,
    "latin1.txt": LATIN,
    "latin1_copy.txt": LATIN,
    "utf16.txt": ARTICLE.format("Farmers were not.").encode("utf-16"),
    "undecodable.txt": b"\x81\x8d\x90\x9d" * 40,
    "page.txt": (
        "<html><head><script>track()</script></head><body><p>"
        + ARTICLE.format("Shares rose &amp; bonds fell.")
        + "</p></body></html>"
    ).encode(),
    "empty page.txt": b"<html><body><script>x()</script></body></html>",
    "huge.txt": ARTICLE.format("Again.").encode() * 200,
    "french.txt": (
        "Le ministre des finances a annonc\u00e9 lundi que le gouvernement allait "
        "baisser les imp\u00f4ts des petites entreprises l'an prochain."
    ).encode(),
    WEIRD_NAME: ARTICLE.format("Odd names are fine.").encode(),
}
SYMLINK_OUT = "escape.txt"  # a link to a file outside the input folder
SEED_RUN_ENV = {"WIREHOUSE_MAX_BYTES": "20000"}  # so that huge.txt is too large; reruns too
