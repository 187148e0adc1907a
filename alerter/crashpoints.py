"""Named points in a cycle where a test can kill the process, to prove a rerun recovers.

`ALERTER_CRASH_AT=after-digest-commit alerter run --once` dies by SIGKILL (nothing
cleans up, as with a power cut) the first time the cycle reaches that point. Unset,
`crash_point` does nothing. The points are listed in POINTS (tests/test_faults.py
runs each).
"""

from __future__ import annotations

import os
import signal

POINTS = ("mid-ingest", "after-extract-commit", "mid-match", "after-match-commit",
          "after-digest-commit", "after-send", "mid-publish")
VARIABLE = "ALERTER_CRASH_AT"


def crash_point(name: str) -> None:
    """Kill this process at once if ALERTER_CRASH_AT names this point."""
    if os.environ.get(VARIABLE) == name:
        os.kill(os.getpid(), signal.SIGKILL)
