"""Timing shared by the benchmarks: configurations that take turns, best run counts."""

from __future__ import annotations

import time
from collections.abc import Callable

Runner = Callable[[int | None], int]  # run(first n, or all) -> output size


def best_times(runs: list[Runner], repeats: int, warmup: int,
               names: list[str] | None = None) -> list[tuple[float, int]]:
    """Return, for each runner, the best wall time of `repeats` full runs after a warm-up
    on the first `warmup` items, and its output size. The runners take turns in every
    round, so that a change in the machine's load falls on all alike. With `names`,
    print each run's time as it ends."""
    for run in runs:
        run(warmup)
    best = [(float("inf"), 0) for _ in runs]
    for round_ in range(repeats):
        for i, run in enumerate(runs):
            start = time.perf_counter()
            produced = run(None)
            elapsed = time.perf_counter() - start
            best[i] = (min(best[i][0], elapsed), produced)
            if names is not None:
                print(f"  round {round_ + 1}/{repeats} {names[i]}: {elapsed:.2f}s", flush=True)
    return best
