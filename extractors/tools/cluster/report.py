"""What each service costs: memory and CPU time of its whole process tree (a worker's
forked pool and task processes count towards that worker). Memory is PSS, which splits
each shared page among the processes that map it: summed RSS would count a page that a
worker's forked children share with it once per child."""

from __future__ import annotations

import contextlib
import time

import psutil

from extractors.tools.cluster.layout import Layout
from extractors.tools.cluster.processes import recorded, running


def usage(process: psutil.Process) -> tuple[float, float]:
    """(PSS in MB, CPU seconds) of a process and its descendants."""
    pss = cpu = 0.0
    for member in [process, *process.children(recursive=True)]:
        with contextlib.suppress(psutil.NoSuchProcess, psutil.AccessDenied):
            pss += member.memory_full_info().pss / 1e6
            times = member.cpu_times()
            cpu += times.user + times.system
    return pss, cpu


def report(layout: Layout) -> str:
    lines = [f"{'service':<18}{'pid':>8}{'up s':>8}{'PSS MB':>9}{'CPU s':>8}"]
    for name in recorded(layout):
        process = running(layout, name)
        if process is None:
            lines.append(f"{name:<18}{'-':>8}  not running")
            continue
        pss, cpu = usage(process)
        up = time.time() - process.create_time()
        lines.append(f"{name:<18}{process.pid:>8}{up:>8.0f}{pss:>9.0f}{cpu:>8.1f}")
    return "\n".join(lines)
