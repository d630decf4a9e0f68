"""Actor-extraction accuracy, wirehouse beside bare spaCy NER, on two gold sets.

- seed (`eval/seed/*.gold.json`): per gold actor, whether it is found (a mention or an
  actor whose name is the gold name or an alias, compared after `normalise_name`), the
  kind, country and sector of the actor its canonical name resolved to, and how many
  actor keys its mentions received (1 is right). A mention counts for a gold actor when
  its text is the gold name or an alias and its actor has the gold kind ("clashes in
  Baghdad" is the city, not the government the alias "Baghdad" stands for). Keys are the
  extractor's per-document `actor_key`s, which dbt hashes into `actor_id`. Bare spaCy has
  no actors: a gold actor is found when an entity's text is its name or an alias, its
  "ids" are the distinct entity texts, and it has no country or sector.
- CoNLL-2003 valid (`eval/conll2003/valid.txt`): each document is detokenised into text
  with token offsets and run through the real `extractors.nlp.pipeline.extract`; mention-level
  exact-span precision/recall/F1 per type. wirehouse mentions map by actor kind (person ->
  PER, organization -> ORG, country/location -> LOC; groups and descriptions left out);
  bare spaCy maps PERSON -> PER, ORG -> ORG, GPE/LOC/FAC -> LOC (NORP left out). Gold MISC
  spans are not scored. A prediction whose span is exactly a gold MISC span ("German" as
  the country) is reported both ways: forgiven (neither right nor wrong, the "MISC
  allowance") and, without the allowance, a false positive like any other.
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language

from extractors.bench.evaluation.scoring import precision_recall_f1
from extractors.bench.evaluation.shared_data import eval_path, seed_gold_documents
from extractors.nlp.actors import normalise_name
from extractors.nlp.pipeline import SourceText, extract

KIND_TO_CONLL = {"person": "PER", "organization": "ORG", "country": "LOC", "location": "LOC"}
SPACY_TO_CONLL = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
SPACY_TO_KIND = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "country",
    "LOC": "location",
    "FAC": "location",
    "NORP": "group",
}
TYPES = ("PER", "ORG", "LOC")


def _source(name: str, text: str, document_id: str) -> SourceText:
    return SourceText(name, text, "0" * 64, document_id, {})


# ----------------------------------------------------------------------------- seed


@dataclass
class GoldResult:
    name: str
    found: bool
    kind_right: bool
    country_right: bool
    sector_right: bool
    n_ids: int
    got: str = ""


def _seed_documents() -> list[tuple[dict, str]]:
    return [(gold, path.read_text(encoding="utf-8")) for gold, path in seed_gold_documents()]


def _names(item: dict) -> set[str]:
    return {normalise_name(n) for n in [item["name"], *item.get("aliases", [])]}


def evaluate_seed(nlp: Language) -> dict | None:
    documents = _seed_documents()
    if not documents:
        return None
    ours: list[GoldResult] = []
    bare: list[GoldResult] = []
    for n, (gold, raw) in enumerate(documents):
        result = extract(nlp, [_source(gold["document"], raw, f"seed{n}")])
        actors = {a.actor_key: a for a in result.actors}
        text = result.documents[0].text
        doc = nlp(text)
        for item in gold["actors"]:
            names = _names(item)
            keys = Counter(
                m.actor_key
                for m in result.mentions
                if normalise_name(m.mention_text) in names
                and actors[m.actor_key].actor_kind == item["kind"]
            )
            by_name = [
                a
                for a in result.actors
                if normalise_name(a.canonical_name) == normalise_name(item["name"])
            ]
            most = actors[keys.most_common(1)[0][0]] if keys else None
            primary = by_name[0] if by_name else most
            if primary is not None and primary.actor_key not in keys:
                keys[primary.actor_key] += 1
            ours.append(
                GoldResult(
                    name=item["name"],
                    found=primary is not None,
                    kind_right=primary is not None and primary.actor_kind == item["kind"],
                    country_right=primary is not None and primary.country_code == item["country"],
                    sector_right=primary is not None and primary.sector == item["sector"],
                    n_ids=len(keys),
                    got=(
                        f"{primary.actor_key} {primary.country_code} {primary.sector}"
                        if primary
                        else "-"
                    ),
                )
            )
            ents = [e for e in doc.ents if normalise_name(e.text) in names]
            bare.append(
                GoldResult(
                    name=item["name"],
                    found=bool(ents),
                    kind_right=any(SPACY_TO_KIND.get(e.label_) == item["kind"] for e in ents),
                    country_right=False,
                    sector_right=False,
                    n_ids=len({e.text for e in ents}),
                )
            )
    return {"wirehouse": ours, "spacy": bare}


def _print_seed(results: dict) -> None:
    for system, rows in results.items():
        n = len(rows)
        found = [r for r in rows if r.found]
        one_id = sum(1 for r in found if r.n_ids == 1)
        both = sum(1 for r in rows if r.country_right and r.sector_right)
        line = f"  {system:10s} found {len(found)}/{n}  kind {sum(r.kind_right for r in rows)}/{n}"
        if system == "wirehouse":
            line += (
                f"  country {sum(r.country_right for r in rows)}/{n}"
                f"  sector {sum(r.sector_right for r in rows)}/{n}"
                f"  country+sector {both}/{n} ({both / n:.0%})"
                f"  exactly one actor id {one_id}/{len(found)}"
            )
        else:
            line += f"  country/sector n/a  one surface form (its 'id') {one_id}/{len(found)}"
        print(line)
    wrong = [
        r
        for r in results["wirehouse"]
        if not (r.found and r.kind_right and r.country_right and r.sector_right and r.n_ids == 1)
    ]
    for r in wrong:
        print(f"    {r.name}: got {r.got}, ids {r.n_ids}")


# ----------------------------------------------------------------------------- CoNLL


@dataclass
class ConllDoc:
    text: str
    spans: dict[tuple[int, int], str] = field(default_factory=dict)  # (start, end) -> type


_NO_SPACE_BEFORE = frozenset({",", ".", ":", ";", "?", "!", ")", "]", "}", "%", "'s", "n't", "'"})
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "$"})


def read_conll(path: Path) -> list[ConllDoc]:
    """Documents of a CoNLL-2003 file as text (one sentence per line) with gold spans."""
    docs: list[ConllDoc] = []
    sentences: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []

    def flush_sentence() -> None:
        if current:
            sentences.append(list(current))
            current.clear()

    def flush_doc() -> None:
        flush_sentence()
        if sentences:
            docs.append(_conll_doc(sentences))
            sentences.clear()

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("-DOCSTART-"):
            flush_doc()
        elif not line.strip():
            flush_sentence()
        else:
            parts = line.split()
            current.append((parts[0], parts[-1]))
    flush_doc()
    return docs


def _conll_doc(sentences: list[list[tuple[str, str]]]) -> ConllDoc:
    pieces: list[str] = []
    spans: dict[tuple[int, int], str] = {}
    offset = 0
    for s, sentence in enumerate(sentences):
        if s:
            pieces.append("\n")
            offset += 1
        open_type, open_start, open_end = None, 0, 0
        quote_open = False
        for t, (word, tag) in enumerate(sentence):
            glue = t == 0 or word in _NO_SPACE_BEFORE or sentence[t - 1][0] in _NO_SPACE_AFTER
            if word == '"':
                glue = t == 0 or quote_open
                quote_open = not quote_open
            elif t and sentence[t - 1][0] == '"' and quote_open:
                glue = True
            if not glue:
                pieces.append(" ")
                offset += 1
            start = offset
            pieces.append(word)
            offset += len(word)
            kind = tag[2:] if tag != "O" else None
            if open_type and (tag == "O" or tag.startswith("B-") or kind != open_type):
                spans[(open_start, open_end)] = open_type
                open_type = None
            if kind and open_type is None:
                open_type, open_start = kind, start
            if open_type:
                open_end = offset
        if open_type:
            spans[(open_start, open_end)] = open_type
    return ConllDoc("".join(pieces), spans)


TP, FP, FN, ON_MISC = range(4)  # the columns of a type's counts


def _score(
    counts: dict[str, list[int]], gold: dict[tuple[int, int], str], pred: dict[tuple[int, int], str]
) -> None:
    for span, kind in pred.items():
        if kind not in TYPES:
            continue
        if gold.get(span) == "MISC":
            counts[kind][ON_MISC] += 1
        else:
            counts[kind][TP if gold.get(span) == kind else FP] += 1
    for span, kind in gold.items():
        if kind in TYPES and pred.get(span) != kind:
            counts[kind][FN] += 1


def conll_prf(counts: dict[str, list[int]], misc_allowance: bool = True) -> tuple[float, ...]:
    """Precision, recall and F1 over all types; without the allowance a prediction on a
    gold MISC span is a false positive."""
    tp, fp, fn, on_misc = (sum(counts[t][i] for t in TYPES) for i in (TP, FP, FN, ON_MISC))
    return precision_recall_f1(tp, fp if misc_allowance else fp + on_misc, fn)


def evaluate_conll(nlp: Language, limit: int | None = None) -> dict | None:
    path = eval_path("conll2003", "valid.txt")
    if path is None:
        return None
    docs = read_conll(path)[:limit]
    sources = [_source(f"conll{n}.txt", d.text, f"conll{n:04d}") for n, d in enumerate(docs)]
    started = time.perf_counter()
    result = extract(nlp, sources, batch_size=32)
    ours_seconds = time.perf_counter() - started
    texts = {d.document_id: d.text for d in result.documents}
    kinds = {(a.document_id, a.actor_key): a.actor_kind for a in result.actors}
    predicted: dict[str, dict[tuple[int, int], str]] = defaultdict(dict)
    for m in result.mentions:
        conll_type = KIND_TO_CONLL.get(kinds.get((m.document_id, m.actor_key), ""))
        if conll_type and m.ner_label:  # descriptions ("the cleric") are not names
            predicted[m.document_id][(m.start_char, m.end_char)] = conll_type
    counts: dict[str, defaultdict[str, list[int]]] = {
        system: defaultdict(lambda: [0, 0, 0, 0]) for system in ("wirehouse", "spacy")
    }
    skipped = 0
    started = time.perf_counter()
    spacy_docs = nlp.pipe((d.text for d in docs), batch_size=32)
    for source, gold, parsed in zip(sources, docs, spacy_docs, strict=True):
        if texts.get(source.document_id) != gold.text:
            skipped += 1  # cleaning changed the text (a dropped line): offsets differ
            continue
        _score(counts["wirehouse"], gold.spans, predicted[source.document_id])
        bare = {
            (e.start_char, e.end_char): SPACY_TO_CONLL[e.label_]
            for e in parsed.ents
            if e.label_ in SPACY_TO_CONLL
        }
        _score(counts["spacy"], gold.spans, bare)
    spacy_seconds = time.perf_counter() - started
    return {
        "documents": len(docs),
        "skipped": skipped,
        "counts": counts,
        "seconds": {"wirehouse": ours_seconds, "spacy": spacy_seconds},
    }


def _print_conll(results: dict) -> None:
    print(
        f"CoNLL-2003 valid ({results['documents']} documents, {results['skipped']} skipped): "
        "mention exact-span P/R/F1, a prediction on a gold MISC span forgiven"
    )
    for system, counts in results["counts"].items():
        cells = []
        for t in TYPES:
            p, r, f = precision_recall_f1(*counts[t][:ON_MISC])
            cells.append(f"{t} {p:.3f}/{r:.3f}/{f:.3f}")
        p, r, f = conll_prf(counts)
        print(
            f"  {system:10s} " + "  ".join(cells) + f"  | all P {p:.3f} R {r:.3f} F1 {f:.3f}"
            f"  ({results['seconds'][system]:.0f} s)"
        )
        p, r, f = conll_prf(counts, misc_allowance=False)
        on_misc = sum(counts[t][ON_MISC] for t in TYPES)
        print(
            f"  {'':10s} without the MISC allowance ({on_misc} predictions on gold MISC spans "
            f"counted wrong): all P {p:.3f} R {r:.3f} F1 {f:.3f}"
        )


def seed_figures(rows: list[GoldResult]) -> dict[str, float]:
    n = len(rows)
    found = [r for r in rows if r.found]
    return {
        "actors.seed.found": len(found) / n,
        "actors.seed.kind": sum(r.kind_right for r in rows) / n,
        "actors.seed.country_and_sector": sum(r.country_right and r.sector_right for r in rows) / n,
        "actors.seed.one_actor_id": sum(r.n_ids == 1 for r in found) / max(len(found), 1),
    }


def conll_figures(counts: dict[str, list[int]]) -> dict[str, float]:
    p, r, f = conll_prf(counts)
    p_strict, _, f_strict = conll_prf(counts, misc_allowance=False)
    return {
        "actors.conll_valid.precision": p,
        "actors.conll_valid.recall": r,
        "actors.conll_valid.f1": f,
        "actors.conll_valid.precision_without_misc_allowance": p_strict,
        "actors.conll_valid.f1_without_misc_allowance": f_strict,
        **{
            f"actors.conll_valid.{t.lower()}_f1": precision_recall_f1(*counts[t][:ON_MISC])[2]
            for t in TYPES
        },
    }


def report(nlp: Language) -> dict[str, float]:
    """Print the report; return wirehouse's figures (the baseline's are printed only)."""
    figures: dict[str, float] = {}
    seed = evaluate_seed(nlp)
    if seed is None:
        print("seed: skipped (../shared/eval/seed absent)")
    else:
        print(f"seed gold actors ({len(seed['wirehouse'])}):")
        _print_seed(seed)
        figures.update(seed_figures(seed["wirehouse"]))
    conll = evaluate_conll(nlp)
    if conll is None:
        print("CoNLL-2003: skipped (../shared/eval/conll2003 absent)")
    else:
        _print_conll(conll)
        figures.update(conll_figures(conll["counts"]["wirehouse"]))
    return figures
