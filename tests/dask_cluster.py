"""A real Dask cluster for tests: `dask scheduler` and `dask worker` processes on
127.0.0.1, started as separate programs, as an operator would on other machines.
Without dask installed the tests skip and say why (they fail under
ALERTER_REQUIRE_POSTGRES=1, which CI sets: the scale-out parts come together).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from .postgres import missing


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def dask_program() -> Path:
    program = Path(sys.executable).parent / "dask"
    try:
        import distributed  # noqa: F401
    except ImportError:
        missing("dask.distributed is not installed (pip install -e '.[dev]')")
    if not program.exists():
        missing(f"no `dask` program beside {sys.executable}")
    return program


@dataclass
class DaskCluster:
    program: Path
    logs: Path
    port: int = field(default_factory=_free_port)
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)

    @property
    def address(self) -> str:
        return f"tcp://127.0.0.1:{self.port}"

    def _spawn(self, name: str, *args: str) -> subprocess.Popen[bytes]:
        log = (self.logs / f"{name}.log").open("wb")
        process = subprocess.Popen([str(self.program), *args], stdout=log,
                                   stderr=subprocess.STDOUT, start_new_session=True)
        self.processes[name] = process
        return process

    def start_scheduler(self) -> None:
        self._spawn("scheduler", "scheduler", "--host", "127.0.0.1", "--port", str(self.port),
                    "--no-dashboard")

    def start_worker(self, name: str) -> str:
        """Start a worker process (no nanny: killing it is a worker dying); give its
        address."""
        port = _free_port()
        self._spawn(name, "worker", self.address, "--name", name, "--nthreads", "1",
                    "--no-nanny", "--host", "127.0.0.1", "--worker-port", str(port),
                    "--no-dashboard", "--memory-limit", "0")
        return f"tcp://127.0.0.1:{port}"

    def wait_for_workers(self, count: int) -> None:
        from distributed import Client

        with Client(self.address, timeout="60s") as client:  # type: ignore[no-untyped-call]
            client.wait_for_workers(count, timeout=180)

    def kill(self, name: str) -> None:
        process = self.processes.pop(name)
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)

    def stop(self) -> None:
        for name in list(self.processes):
            process = self.processes.pop(name)
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)


@pytest.fixture(scope="session")
def dask_cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DaskCluster]:
    """A scheduler and two workers, each its own process, for the whole session."""
    cluster = DaskCluster(dask_program(), tmp_path_factory.mktemp("dask"))
    cluster.start_scheduler()
    time.sleep(1)
    cluster.start_worker("w1")
    cluster.start_worker("w2")
    try:
        cluster.wait_for_workers(2)
        yield cluster
    finally:
        cluster.stop()
