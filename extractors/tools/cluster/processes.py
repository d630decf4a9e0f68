"""Services started in sessions of their own and recorded by PID (with their start time,
so that a PID the system has since reused is never taken for ours)."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

import psutil

from extractors.tools.cluster.layout import Layout


def recorded(layout: Layout) -> dict[str, dict[str, float]]:
    return json.loads(layout.pids.read_text()) if layout.pids.exists() else {}


def _record(layout: Layout, name: str, pid: int | None) -> None:
    pids = recorded(layout)
    if pid is None:
        pids.pop(name, None)
    else:
        pids[name] = {"pid": pid, "started": psutil.Process(pid).create_time()}
    layout.pids.write_text(json.dumps(pids, indent=1))


def running(layout: Layout, name: str) -> psutil.Process | None:
    """The recorded process of a service, if it is still that process and alive."""
    entry = recorded(layout).get(name)
    if entry is None:
        return None
    with contextlib.suppress(ChildProcessError):
        os.waitpid(int(entry["pid"]), os.WNOHANG)  # reap it if it died as our child
    try:
        process = psutil.Process(int(entry["pid"]))
        if process.create_time() == entry["started"] and process.status() != "zombie":
            return process
    except psutil.NoSuchProcess:
        pass
    return None


def spawn(
    layout: Layout,
    name: str,
    argv: Sequence[str],
    env: Mapping[str, str],
    user: str | None = None,
) -> int:
    """Start a service in its own session, its output appended to logs/<name>.log."""
    with (layout.logs / f"{name}.log").open("ab") as log:
        process = subprocess.Popen(
            argv,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            env=dict(env),
            start_new_session=True,
            user=user,
        )
    _record(layout, name, process.pid)
    return process.pid


def stop(layout: Layout, name: str, sig: int = signal.SIGTERM, grace_s: float = 30) -> None:
    """Signal a service's process group; whatever of its tree outlives the grace period
    is killed. The tree is listed first: Airflow runs each task in a group of its own."""
    process = running(layout, name)
    if process is not None:
        tree = [process, *process.children(recursive=True)]
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, sig)
        deadline = time.monotonic() + grace_s
        while time.monotonic() < deadline and running(layout, name) is not None:
            time.sleep(0.5)
        for member in tree:
            with contextlib.suppress(psutil.NoSuchProcess):
                if member.is_running():
                    member.kill()
        with contextlib.suppress(ChildProcessError):
            os.waitpid(process.pid, os.WNOHANG)
    _record(layout, name, None)


def wait_until(check, timeout_s: float, what: str, log: Path | None = None) -> None:
    deadline = time.monotonic() + timeout_s
    while not check():
        if time.monotonic() > deadline:
            tail = log.read_text(errors="replace")[-3000:] if log and log.exists() else ""
            raise TimeoutError(f"timed out after {timeout_s:.0f} s waiting for {what}\n{tail}")
        time.sleep(1)
