"""The actors of one document and where they are mentioned: what `extract_actors`
returns and what the event and statement coders ask of it.

The coders work on tokens, so the result keeps a token -> actor map and answers for a
noun phrase, a pronoun or a bare surname which actor it names; the lookups are cheap
because they run for every clause the coders consider.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from extractors.nlp.actors.names import honorific_gender, normalise_name
from extractors.nlp.quotes import Quote, find_quotes
from extractors.nlp.syntax import subjects


@dataclass
class ActorInfo:
    key: str
    canonical_name: str
    kind: str
    country_code: str | None
    sector: str | None
    n_mentions: int = 0
    cameo_actor_code: str | None = None  # set last, from everything above (actors/codes)


@dataclass(frozen=True)
class MentionSpan:
    actor_key: str
    start_char: int
    end_char: int
    text: str
    ner_label: str | None  # None for descriptions and group noun phrases
    sentence_index: int
    role: str | None


# "a former IMF director" speaks and acts no longer for the IMF
_PAST_MEMBER_WORDS = frozenset({"former", "ex", "ex-", "erstwhile"})
# how many sentences back an opening "he" may follow a chain of opening "he"s
_PRONOUN_CHAIN = 4


def is_past_member(token: Token) -> bool:
    """A noun phrase of someone who used to belong to its modifier's actor."""
    return any(left.lower_ in _PAST_MEMBER_WORDS for left in token.lefts)


@dataclass
class DocActors:
    """Actors and mentions of one parsed document, with token-level lookups."""

    actors: dict[str, ActorInfo] = field(default_factory=dict)
    mentions: list[MentionSpan] = field(default_factory=list)
    token_actor: dict[int, str] = field(default_factory=dict)
    # the document's quoted passages, found once when a pronoun first asks
    quotes: list[Quote] | None = field(default=None, repr=False)

    def add_mention(
        self, key: str, span: Span, label: str | None, role: str | None, sentence_index: int
    ) -> None:
        self.mentions.append(
            MentionSpan(
                actor_key=key,
                start_char=span.start_char,
                end_char=span.end_char,
                text=span.text,
                ner_label=label,
                sentence_index=sentence_index,
                role=role,
            )
        )

    def actor_of(self, token: Token) -> str | None:
        """The actor a noun phrase headed by `token` names or belongs to.

        "Iraqi officials" and "Al-Sadr's spokesman" resolve through their modifier:
        news coders attribute such officials to the actor they speak for.
        """
        if token.i in self.token_actor:
            return self.token_actor[token.i]
        if token.pos_ == "PRON":
            return self._antecedent(token)
        if token.pos_ == "PROPN":
            surname = self._person_by_surname(token.text)
            if surname:
                return surname
        if is_past_member(token):
            return None
        modifiers = [c for c in token.children if c.dep_ in ("poss", "compound", "amod", "nmod")]
        modifiers.sort(key=lambda c: (c.dep_ != "poss", c.dep_ != "compound", -c.i))
        for child in modifiers:
            nested = [c for c in child.children if c.dep_ in ("poss", "compound")]
            for candidate in (child, *nested):
                if candidate.i in self.token_actor:
                    return self.token_actor[candidate.i]
        return None

    def _antecedent(self, pronoun: Token) -> str | None:
        """Cheap pronoun resolution: he/she -> the last sentence's subject when it opens
        the sentence (`_opening_subject`), else the last person named; a pronoun subject
        of a reported clause -> the reporter ("U.S. forces said they killed")."""
        if pronoun.lower_ in ("he", "she", "him", "her"):
            # "He arrived ..., where he met Bush": the sentence's opening "he" throughout
            first = pronoun.sent[0]
            opening = self._opening_subject(first if first.lower_ == pronoun.lower_ else pronoun)
            if opening is not None:
                return opening
            # not someone its own sentence names after it: "he warned the BBC that
            # attacking Mr Campbell had brought it trouble" is not Mr Campbell
            end = pronoun.sent.end_char
            named_later = {m.actor_key for m in self.mentions if pronoun.idx < m.start_char < end}
            return self.last_person_before(pronoun.idx, named_later)
        clause = pronoun.head
        if (
            pronoun.lower_ in ("they", "we")
            and clause.dep_ == "ccomp"
            and clause.head.i != clause.i
        ):
            for subject in subjects(clause.head):
                if subject.pos_ != "PRON":
                    return self.actor_of(subject)
        return None

    def _opening_subject(self, pronoun: Token) -> str | None:
        """A sentence's opening subject "he" continues the last sentence's subject: the
        person it names, or titles as an earlier mention did ("the Pakistani president
        met Tony Blair. He is due to visit": the president, not Blair), back through a
        few sentences that open with the same pronoun; None when there is no such
        subject."""
        key = None
        current = pronoun
        for _ in range(_PRONOUN_CHAIN):
            sentence = current.sent
            if current.dep_ != "nsubj" or current.i != sentence.start or sentence.start == 0:
                return None
            previous = current.doc[sentence.start - 1].sent
            subject = next(iter(subjects(previous.root)), None)
            if subject is None or self._quote_at(subject) != self._quote_at(current):
                return None  # 'He said: "He was the one who asked. He ...': the quoted one
            key = self.token_actor.get(subject.i)
            if key is not None or subject.lower_ != pronoun.lower_:
                break
            current = subject  # "He arrived ... He is due to visit": the same one
        if key is None or self.actors[key].kind != "person":
            return None
        # "Mr Blunkett is taking legal action ... She denies": not the man
        gender = "female" if pronoun.lower_ in ("she", "her") else "male"
        known = {honorific_gender(m.role) for m in self.mentions if m.actor_key == key}
        return None if known - {"", gender} else key

    def _quote_at(self, token: Token) -> int | None:
        """The index of the quoted passage `token` stands in, if any."""
        if self.quotes is None:
            self.quotes = find_quotes(token.doc.text)
        return next(
            (
                n
                for n, q in enumerate(self.quotes)
                if q.open_mark < token.idx < (q.close_end or q.line_end)
            ),
            None,
        )

    def _person_by_surname(self, word: str) -> str | None:
        """A bare surname the NER missed ("Salih told Reuters") names the known person."""
        word = normalise_name(word)
        matches = [
            key
            for key, info in self.actors.items()
            if info.kind == "person" and normalise_name(info.canonical_name).split()[-1] == word
        ]
        return matches[0] if len(matches) == 1 else None

    def last_person_before(self, char: int, other_than: set[str] | None = None) -> str | None:
        """The most recently mentioned person (not one of `other_than`): a cheap
        antecedent for he/she."""
        best = None
        for mention in self.mentions:
            if (
                mention.end_char <= char
                and self.actors[mention.actor_key].kind == "person"
                and mention.actor_key not in (other_than or ())
            ):
                best = mention.actor_key
        return best
