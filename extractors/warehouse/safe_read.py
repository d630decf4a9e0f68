"""Read one input file's bytes, safely, or say why not.

Every check is made on the open descriptor, never on the path before opening it, so a
file swapped for a link (or a link re-pointed) between a check and the read cannot slip
outside content in. Opening never blocks: a FIFO is opened non-blocking and refused
after ``fstat``, like sockets, devices and folders.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


class Refused(Exception):
    """A file that cannot become a document: a stable reason code and a human detail."""

    def __init__(self, reason: str, detail: str, *, duplicate_of: str | None = None) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail
        self.duplicate_of = duplicate_of  # the loaded document_id, for reason "duplicate"


_OPEN_FLAGS = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
_KINDS = {
    stat.S_ISDIR: "a folder",
    stat.S_ISFIFO: "a FIFO",
    stat.S_ISSOCK: "a socket",
    stat.S_ISCHR: "a character device",
    stat.S_ISBLK: "a block device",
}


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS.items() if test(mode)), "not a regular file")


def _opened_path(fd: int, path: Path) -> Path:
    """Where the open descriptor really points: /proc's link on Linux, else the resolved
    path, accepted only if it is the very file (same device and inode) that was opened."""
    proc = Path(f"/proc/self/fd/{fd}")
    if proc.parent.is_dir():
        return Path(os.readlink(proc))
    real = Path(os.path.realpath(path))
    opened, found = os.fstat(fd), os.stat(real)
    if (opened.st_dev, opened.st_ino) != (found.st_dev, found.st_ino):
        raise Refused("unreadable", "the file changed while it was being opened")
    return real


def read_input_file(path: Path, root: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file inside ``root`` (resolved) of at most ``max_bytes``."""
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as error:  # a link loop, a dangling link, no permission, a long name
        raise Refused("unreadable", error.strerror or str(error)) from error
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise Refused("not_a_file", f"{_kind(info.st_mode)}, not a regular file")
        real = _opened_path(fd, path)
        if not real.is_relative_to(root):
            raise Refused("symlink_outside", f"points to {real}")
        if info.st_size > max_bytes:
            raise Refused("too_large", f"{info.st_size} bytes > limit {max_bytes}")
        # a file growing while it is read is cut at the limit and refused, not read on
        data = _read_at_most(fd, max_bytes + 1)
        if len(data) > max_bytes:
            raise Refused("too_large", f"grew past the limit {max_bytes} while being read")
        return data
    except OSError as error:
        raise Refused("unreadable", error.strerror or str(error)) from error
    finally:
        os.close(fd)


def _read_at_most(fd: int, limit: int) -> bytes:
    chunks, total = [], 0
    while total < limit:
        chunk = os.read(fd, min(1 << 20, limit - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)
