"""How many processes run the statistical model: `nlp.n_process: auto` (the default)
is one per core this process may use, fewer for a small input.

Starting a worker costs about 2 s (importing spaCy and loading the model), about what
one process extracts from 10,000 words; on 2 cores a second process pays for itself
from about 20,000 words. So `auto` gives each worker at least WORDS_PER_WORKER words of
the input, which it reads ahead (at most cores × WORDS_PER_WORKER words) to count.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterable, Iterator
from typing import Literal

from alerter.models import Document

WORDS_PER_WORKER = 20_000
Processes = int | Literal["auto"]


def machine_cores() -> int:
    """Give the number of cores this process may run on (its CPU affinity where the
    system has one, else the machine's count)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def choose_processes(setting: Processes, documents: Iterable[Document]
                     ) -> tuple[int, Iterator[Document]]:
    """Give the number of processes for these documents and the documents again (those
    read ahead to count words first). A number setting is taken as it is."""
    stream = iter(documents)
    if setting != "auto":
        return setting, stream
    cores = machine_cores()
    if cores == 1:
        return 1, stream
    wanted = cores * WORDS_PER_WORKER
    ahead: list[Document] = []
    words = 0
    for document in stream:
        ahead.append(document)
        words += len(document.text.split())
        if words >= wanted:
            break
    processes = max(1, min(cores, words // WORDS_PER_WORKER))
    return processes, itertools.chain(ahead, stream)
