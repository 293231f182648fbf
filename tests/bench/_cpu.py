"""Where a phase's CPU went: user + system seconds of the processes a bench runs, from /proc.

A ratio of two rates says how much slower the loop is, not why; this says which process spent
the difference. Each group is a test on (pid, process group, command line); a process counts
from its first snapshot (or from zero when it started in between), so one that exits inside a
phase is missed. Linux only, like the benches that use it.
"""

import os
from collections.abc import Callable
from dataclasses import dataclass

_TICKS = os.sysconf("SC_CLK_TCK")

Matcher = Callable[[int, int, str], bool]


def _processes() -> dict[int, tuple[int, str, float]]:
    """Every process now: pid -> (process group, command line, CPU seconds so far)."""
    found = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            with open(f"/proc/{name}/cmdline", "rb") as cmdline:
                command = cmdline.read().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue  # gone meanwhile
        # After the command: state, ppid, pgrp, … utime (12th), stime (13th).
        found[int(name)] = (int(fields[2]), command, (int(fields[11]) + int(fields[12])) / _TICKS)
    return found


@dataclass
class CpuMeter:
    """CPU seconds per named group of processes between `start()` and `stop()`."""

    groups: dict[str, Matcher]

    def start(self) -> "CpuMeter":
        self._before = _processes()
        return self

    def stop(self) -> dict[str, float]:
        spent = dict.fromkeys(self.groups, 0.0)
        for pid, (group, command, seconds) in _processes().items():
            for name, matches in self.groups.items():
                if matches(pid, group, command):
                    earlier = self._before.get(pid)
                    spent[name] += seconds - (earlier[2] if earlier else 0.0)
                    break
        return spent


def process_group(pgid: int) -> Matcher:
    """Every process of one process group (a server started in a session of its own)."""
    return lambda pid, group, command: group == pgid


def this_process() -> Matcher:
    own = os.getpid()
    return lambda pid, group, command: pid == own


def postgres_backends(database: str) -> Matcher:
    """PostgreSQL's backends serving `database` (their titles name it)."""
    title = f" {database} "
    return lambda pid, group, command: command.startswith("postgres:") and title in command


def command_starting(prefix: str) -> Matcher:
    return lambda pid, group, command: command.startswith(prefix)
