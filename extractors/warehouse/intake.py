"""Discover input files and decide, per file, what this run must do with it.

A document is identified by the sha256 of its bytes. Against what the warehouse already
holds, each accepted file is *new*, *changed* (same path, new bytes: its old rows are
replaced) or *unchanged* (no NLP at all). Files that cannot become documents are
returned as ``Reject`` records, never dropped.
"""

from __future__ import annotations

import hashlib
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from extractors.records import Reject, SourceText, utc_now
from extractors.settings import DEFAULT_MAX_BYTES
from extractors.warehouse.decoding import decode_article
from extractors.warehouse.metadata import read_sidecar
from extractors.warehouse.safe_read import Refused, read_input_file

log = logging.getLogger(__name__)


def document_id_for(content_sha256: str) -> str:
    return content_sha256[:16]


def source_text(
    source_file: str, data: bytes, path: Path, root: Path, max_bytes: int
) -> SourceText:
    """The document a file's bytes make (text, sha256, id, sidecar metadata); raises
    ``Refused`` when they make none. root: the resolved folder the sidecar must be in."""
    decoded = decode_article(data)
    if decoded.reason:
        raise Refused(decoded.reason, decoded.detail)
    assert decoded.text is not None  # decode_article gives a text whenever no reason
    sha = hashlib.sha256(data).hexdigest()
    sidecar = read_sidecar(path, root, max_bytes)
    return SourceText(source_file, decoded.text, sha, document_id_for(sha), sidecar)


@dataclass
class Intake:
    to_extract: list[SourceText] = field(default_factory=list)
    # document_id of a changed file -> the document_id its old bytes had
    replaces: dict[str, str] = field(default_factory=dict)
    unchanged: list[str] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    files_seen: int = 0

    @property
    def documents_new(self) -> int:
        return len(self.to_extract) - len(self.replaces)

    @property
    def documents_changed(self) -> int:
        return len(self.replaces)


def list_input_files(root: Path) -> list[Path]:
    """Every ``*.txt`` under root, sorted, without descending into symlinked folders."""
    found: list[Path] = []
    for folder, _dirs, files in os.walk(root, followlinks=False):
        found.extend(Path(folder) / name for name in files if name.endswith(".txt"))
    return sorted(found)


def is_utf8_name(name: str) -> bool:
    """False for a name whose bytes are not UTF-8 (Python keeps them as surrogates)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def printable_name(name: str) -> str:
    """The name with its undecodable bytes written as \\xNN, for the reject row."""
    raw = name.encode("utf-8", errors="surrogateescape")
    return raw.decode("utf-8", errors="backslashreplace")


def discover(
    root: Path,
    *,
    run_id: str,
    known: dict[str, str] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Intake:
    """Classify every input file.

    ``known`` maps the warehouse's document_id -> source_file for documents already loaded.
    """
    discovery = _Discovery(root, run_id, known or {}, max_bytes)
    for path in list_input_files(root):
        discovery.take(path)
    discovery.find_missing()
    return discovery.intake


class _Discovery:
    """One intake in progress: what the warehouse holds, and what this run has seen."""

    def __init__(self, root: Path, run_id: str, known: dict[str, str], max_bytes: int) -> None:
        self.root = root
        self.root_resolved = root.resolve()
        self.run_id = run_id
        self.known = known
        self.known_by_path = {path: doc_id for doc_id, path in known.items()}
        self.max_bytes = max_bytes
        self.intake = Intake()
        self.first_file_of: dict[str, str] = {}  # sha256 -> the first file with those bytes

    def take(self, path: Path) -> None:
        """One file: to extract (new or changed), unchanged, or rejected."""
        source_file = path.relative_to(self.root).as_posix()
        self.intake.files_seen += 1
        if not is_utf8_name(source_file):
            printable = printable_name(source_file)
            self._reject(printable, "bad_name", "the file name is not valid UTF-8")
            return
        try:
            source = self._read(path, source_file)
        except Refused as refused:
            self._reject(source_file, refused.reason, refused.detail, refused.duplicate_of)
            return
        except Exception as error:  # a bug must cost one file, never the run
            log.exception("intake failed on %s", source_file)
            self._reject(source_file, "intake_error", f"{type(error).__name__}: {error}")
            return
        if source is None:
            return
        self.intake.to_extract.append(source)
        previous = self.known_by_path.get(source_file)
        if previous is not None and previous != source.document_id:
            self.intake.replaces[source.document_id] = previous

    def _read(self, path: Path, source_file: str) -> SourceText | None:
        """The file's document; None when the warehouse holds these bytes under this name
        already. Raises ``Refused`` for a file that makes no document, a duplicate too."""
        data = read_input_file(path, self.root_resolved, self.max_bytes)
        sha = hashlib.sha256(data).hexdigest()
        doc_id = document_id_for(sha)
        if sha in self.first_file_of:
            first = self.first_file_of[sha]
            raise Refused("duplicate", f"same bytes as {first}", duplicate_of=doc_id)
        known_path = self.known.get(doc_id)
        if (
            known_path is not None
            and known_path != source_file
            and (self.root / known_path).is_file()
        ):
            raise Refused("duplicate", f"same bytes as loaded {known_path}", duplicate_of=doc_id)
        self.first_file_of[sha] = source_file
        if known_path == source_file:
            self.intake.unchanged.append(doc_id)
            return None
        return source_text(source_file, data, path, self.root_resolved, self.max_bytes)

    def _reject(
        self, source_file: str, reason: str, detail: str, duplicate_of: str | None = None
    ) -> None:
        log.warning("rejected %s: %s (%s)", source_file, reason, detail)
        self.intake.rejects.append(
            Reject(source_file, reason, detail, self.run_id, utc_now(), duplicate_of)
        )

    def find_missing(self) -> None:
        """Loaded files that are gone from the input (the warehouse keeps their rows)."""
        intake = self.intake
        extracted = {source.source_file for source in intake.to_extract}
        seen = extracted | {self.known[doc_id] for doc_id in intake.unchanged}
        intake.missing = sorted(
            p for p in self.known_by_path if p not in seen and not (self.root / p).exists()
        )
        for source_file in intake.missing:
            log.warning(
                "previously loaded file is gone from the input: %s (its rows are kept)",
                source_file,
            )
