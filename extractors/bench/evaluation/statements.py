"""Statement-attribution accuracy, beside textacy's `direct_quotations` as a baseline.

Gold sets (read from ../shared/eval, never copied here):
- seed (`eval/seed/*.gold.json`): hand-made statements of the seed article. Gold content is
  located in the cleaned document text; optional items are neither required nor false
  positives when predicted.
- PolNeAR (`eval/polnear/data/<split>`, brat standoff Source/Cue/Content): dev is reported,
  train is for tuning; one annotator file per article (the lexicographically first).
  Discontinuous content is the union of its fragments.

Predictions are matched to gold items one-to-one, lenient and strict (see
`statement_matching`). Precision is over predictions, recall over (required) gold items.

Speaker accuracy is over lenient matches whose gold has a speaker. A predicted speaker is
right when its span overlaps the gold Source span, or when it resolves to the same actor
(the predicted speaker's actor key equals the actor the gold Source span names, via
`DocActors.actor_of` on the Source head). On the seed the gold speaker is a name: right
when the predicted speaker text contains it, is its surname, or resolves to an actor whose
canonical name is it or one of its gold aliases. Both systems (`statement_systems`) are
judged alike; the documents textacy bails out on are counted and printed.

The same run executes the extractor on every PolNeAR train and dev document and counts
crashes (a crash is any exception from actor or statement extraction).
"""

from __future__ import annotations

import re
import time
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from extractors.bench.evaluation.shared_data import eval_path, seed_gold_documents
from extractors.bench.evaluation.statement_matching import (
    LENIENT_COVERAGE,
    STRICT_JACCARD,
    Gold,
    Pred,
    Spans,
    SpeakerCheck,
    Tally,
    coverage,
    jaccard,
    overlap,
    tally,
)
from extractors.bench.evaluation.statement_systems import SYSTEMS, TEXTACY_BAILOUTS
from extractors.nlp.actors import DocActors, extract_actors, normalise_name
from extractors.nlp.cleaning import clean
from extractors.nlp.statements import extract_statements

# a document's speaker check, made once its actors are known
SpeakerCheckFor = Callable[[Doc, DocActors], SpeakerCheck]


@dataclass
class Result:
    n_docs: int = 0
    n_gold: int = 0
    lenient: dict[str, Tally] = field(default_factory=dict)
    strict: dict[str, Tally] = field(default_factory=dict)
    crashes: list[str] = field(default_factory=list)
    textacy_bailouts: int = 0
    seconds: float = 0.0


# ----------------------------------------------------------------------------- PolNeAR

_T_LINE = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t")
_E_LINE = re.compile(r"^(E\d+)\t(.*)$")


def read_brat(path: Path) -> list[Gold]:
    """Attributions of one brat .ann file (events without a Content are skipped)."""
    spans: dict[str, Spans] = {}
    golds: list[Gold] = []
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if m := _T_LINE.match(line):
            frags = tuple((int(a), int(b)) for a, b in (f.split() for f in m[3].strip().split(";")))
            spans[m[1]] = frags
        elif m := _E_LINE.match(line):
            args: dict[str, str] = {}
            for arg in m[2].split():
                if ":" in arg:
                    role, ref = arg.split(":", 1)
                    args[re.sub(r"\d+$", "", role)] = args.get(re.sub(r"\d+$", "", role)) or ref
            events.append(args)
    for args in events:
        content = spans.get(args.get("Content", ""))
        if not content:
            continue
        golds.append(
            Gold(
                tuple(sorted(content)),
                spans.get(args.get("Source", ""), ()),
                spans.get(args.get("Cue", ""), ()),
            )
        )
    return golds


def polnear_documents(split: str) -> list[tuple[str, str, list[Gold]]] | None:
    folder = eval_path("polnear", "data", split)
    if folder is None:
        return None
    out = []
    for text_path in sorted((folder / "text").glob("*.txt")):
        anns = sorted((folder / "attributions").glob(f"{text_path.stem}_*.ann"))
        if not anns:
            continue
        text = text_path.read_text(encoding="utf-8")
        out.append((text_path.stem, text, read_brat(anns[0])))
    return out


def _polnear_speaker_ok(doc: Doc, actors: DocActors) -> SpeakerCheck:
    def ok(pred: Pred, gold: Gold) -> bool | None:
        if not gold.source:
            return None
        if pred.speaker is None:
            return False
        if overlap(pred.speaker[0], pred.speaker[1], gold.source) > 0:
            return True
        if pred.speaker_key is None:
            return False
        for start, end in gold.source:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None and len(span) and actors.actor_of(span.root) == pred.speaker_key:
                return True
        return False

    return ok


def _score_docs(
    items: Iterable[tuple[str, Doc, list[Gold], SpeakerCheckFor]],
    result: Result,
) -> None:
    for name, doc, golds, speaker_ok_for in items:
        TEXTACY_BAILOUTS.clear()
        try:
            actors = extract_actors(doc)
            preds = {system: SYSTEMS[system](doc, actors) for system in SYSTEMS}
        except Exception:  # noqa: BLE001 - a crash is what we count
            result.crashes.append(f"{name}: {traceback.format_exc(limit=3)}")
            continue
        result.n_docs += 1
        result.n_gold += sum(1 for g in golds if not g.optional)
        result.textacy_bailouts += len(TEXTACY_BAILOUTS)
        TEXTACY_BAILOUTS.clear()
        speaker_ok = speaker_ok_for(doc, actors)
        for system, predicted in preds.items():
            result.lenient.setdefault(system, Tally()).add(
                tally(predicted, golds, coverage, LENIENT_COVERAGE, speaker_ok)
            )
            result.strict.setdefault(system, Tally()).add(
                tally(predicted, golds, jaccard, STRICT_JACCARD, speaker_ok)
            )


def evaluate_polnear(
    nlp: Language, split: str, docs: dict[str, Doc] | None = None
) -> Result | None:
    documents = polnear_documents(split)
    if documents is None:
        return None
    began = time.perf_counter()
    result = Result()
    if docs is None:
        parsed = nlp.pipe((text for _, text, _ in documents), batch_size=16)
    else:
        parsed = (docs[name] for name, _, _ in documents)
    _score_docs(
        (
            (name, doc, golds, _polnear_speaker_ok)
            for (name, _, golds), doc in zip(documents, parsed, strict=True)
        ),
        result,
    )
    result.seconds = time.perf_counter() - began
    return result


# ----------------------------------------------------------------------------- seed


def _find(text: str, snippet: str) -> tuple[int, int] | None:
    pattern = r"\s+".join(re.escape(w) for w in snippet.split())
    found = re.search(pattern, text)
    return (found.start(), found.end()) if found else None


def _seed_speaker_ok(aliases: dict[str, set[str]]) -> SpeakerCheckFor:
    def for_doc(doc: Doc, actors: DocActors) -> SpeakerCheck:
        def ok(pred: Pred, gold: Gold) -> bool | None:
            if gold.speaker_name is None:
                return None
            want = normalise_name(gold.speaker_name)
            names = aliases.get(want, set()) | {want}
            info = actors.actors.get(pred.speaker_key) if pred.speaker_key else None
            if info is not None and normalise_name(info.canonical_name) in names:
                return True
            got = normalise_name(pred.speaker_text or "")
            if not got:
                return False
            if want in got:
                return True
            # A surname of a named person ("al-Dabbagh" for "Ali al-Dabbagh").
            return want in aliases and want.endswith(" " + got)

        return ok

    return for_doc


def evaluate_seed(nlp: Language) -> Result | None:
    folder = eval_path("seed")
    if folder is None:
        return None
    result = Result()
    began = time.perf_counter()
    items = []
    for gold, path in seed_gold_documents():
        text = clean(path.read_text(encoding="utf-8")).text
        aliases: dict[str, set[str]] = {}
        for actor in gold.get("actors", []):
            names = {normalise_name(n) for n in [actor["name"], *actor.get("aliases", [])]}
            aliases[normalise_name(actor["name"])] = names
        golds = []
        for item in gold["statements"]:
            span = _find(text, item["content"])
            if span is None:
                print(f"  (seed gold content not found in text: {item['content'][:50]!r})")
                continue
            golds.append(
                Gold((span,), speaker_name=item.get("speaker"), optional=bool(item.get("optional")))
            )
        items.append((path.stem, nlp(text), golds, _seed_speaker_ok(aliases)))
    _score_docs(items, result)
    result.seconds = time.perf_counter() - began
    return result


# ----------------------------------------------------------------------------- report


def crash_check(nlp: Language, splits: tuple[str, ...] = ("train", "dev")) -> tuple[int, list[str]]:
    """Run actor + statement extraction on every document of the splits; count crashes."""
    n = 0
    crashes: list[str] = []
    for split in splits:
        documents = polnear_documents(split) or []
        for (name, _, _), doc in zip(
            documents, nlp.pipe((text for _, text, _ in documents), batch_size=16), strict=True
        ):
            n += 1
            try:
                extract_statements(doc, extract_actors(doc), name)
            except Exception:  # noqa: BLE001 - a crash is what we count
                crashes.append(f"{split}/{name}: {traceback.format_exc(limit=3)}")
    return n, crashes


def print_result(label: str, result: Result) -> None:
    print(
        f"{label}: {result.n_docs} documents, {result.n_gold} gold statements "
        f"({result.seconds:.0f}s)"
    )
    print(f"  {'system':<10} {'match':<8} {'P':>6} {'R':>6} {'F1':>6} {'speaker':>8}  (tp/fp/fn)")
    for system in SYSTEMS:
        for mode, tallies in (("lenient", result.lenient), ("strict", result.strict)):
            t = tallies.get(system, Tally())
            p, r, f = t.prf
            print(
                f"  {system:<10} {mode:<8} {p:6.3f} {r:6.3f} {f:6.3f} "
                f"{t.speaker_accuracy:8.3f}  ({t.tp}/{t.fp}/{t.fn}; speaker on {t.speaker_checked})"
            )
    for crash in result.crashes:
        print(f"  CRASH {crash}")
    if result.textacy_bailouts:
        print(
            f"  (textacy bailed out on {result.textacy_bailouts} documents with unbalanced marks)"
        )


def result_figures(name: str, result: Result) -> dict[str, float]:
    lenient = result.lenient.get("wirehouse", Tally())
    p, r, f = lenient.prf
    return {
        f"statements.{name}.lenient_precision": p,
        f"statements.{name}.lenient_recall": r,
        f"statements.{name}.lenient_f1": f,
        f"statements.{name}.speaker_accuracy": lenient.speaker_accuracy,
        f"statements.{name}.strict_f1": result.strict.get("wirehouse", Tally()).prf[2],
        f"statements.{name}.documents_without_crash": result.n_docs
        / max(result.n_docs + len(result.crashes), 1),
    }


def report(nlp: Language) -> dict[str, float]:
    """Print the report; return wirehouse's figures (textacy's are printed only)."""
    figures: dict[str, float] = {}
    seed = evaluate_seed(nlp)
    if seed is None:
        print("seed: skipped (../shared/eval/seed absent)")
    else:
        print_result("seed", seed)
        figures.update(result_figures("seed", seed))
    dev = evaluate_polnear(nlp, "dev")
    if dev is None:
        print("PolNeAR: skipped (../shared/eval/polnear absent)")
    else:
        print_result("PolNeAR dev", dev)
        figures.update(result_figures("polnear_dev", dev))
    return figures


def crash_report(nlp: Language) -> dict[str, float]:
    """Actor and statement extraction on every PolNeAR train and dev article."""
    began = time.perf_counter()
    n, crashes = crash_check(nlp)
    if not n:
        print("PolNeAR crash check: skipped (../shared/eval/polnear absent)")
        return {}
    print(
        f"PolNeAR train+dev crash check: {n} documents, {len(crashes)} crashed "
        f"({time.perf_counter() - began:.0f}s)"
    )
    for crash in crashes:
        print(f"  CRASH {crash}")
    return {"statements.polnear_train_dev.documents_without_crash": 1 - len(crashes) / n}
