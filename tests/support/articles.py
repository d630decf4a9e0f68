"""Made-up articles for tests: a SourceText from a string, and numbered good articles."""

from __future__ import annotations

import hashlib

from extractors.records import SourceText


def make_source(text: str, name: str = "made_up.txt", sidecar: dict | None = None) -> SourceText:
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return SourceText(name, text, sha, sha[:16], sidecar or {})


PEOPLE = ["Maria Lopez", "John Carter", "Aiko Tanaka", "Pierre Dubois", "Amina Yusuf"]
PLACES = ["Nairobi", "Lima", "Manila", "Oslo", "Cairo"]
TOPICS = ["water prices", "a new railway", "fishing quotas", "school funding", "power cuts"]


def good_article(n: int) -> str:
    person, place, topic = PEOPLE[n % 5], PLACES[(n // 5) % 5], TOPICS[(n * 3) % 5]
    return (
        f"Officials in {place} met on Tuesday to discuss {topic}, article number {n}.\n\n"
        f'"We will not accept any delay," said {person}, who leads the regional council. '
        f"The talks were the {n + 1}th round this year, and the opposition said it would "
        f"wait for the final report before taking a position on {topic}.\n\n"
        f"Residents of {place} have complained for months about the issue."
    )
