"""A real PostgreSQL server for tests: a throwaway cluster made with `initdb` and
started with `pg_ctl` in a temporary folder on a free port, once per test session;
each test gets a new, empty database on it (`pg_url`).

Debian's `postgresql` package puts the server programs in /usr/lib/postgresql/N/bin.
The server refuses to run as root: as root, the cluster is made and run as the
`postgres` user (`runuser`). Without the programs the tests skip and say why;
with ALERTER_REQUIRE_POSTGRES=1 (CI) they fail instead.

`store_location` is the fixture the store, rules-state and delivery suites take: the
SQLite file path, or a PostgreSQL URL, once each.

Load the fixtures with `pytest_plugins = ["tests.postgres"]`.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

REQUIRE = "ALERTER_REQUIRE_POSTGRES"


def missing(what: str) -> None:
    """Skip the test saying what is missing, or fail when CI requires PostgreSQL."""
    if os.environ.get(REQUIRE) == "1":
        pytest.fail(f"{what}, and {REQUIRE}=1", pytrace=False)
    pytest.skip(f"{what} (apt-get install postgresql; .ci/run installs it)")


def server_bin() -> Path | None:
    """Give the folder holding initdb and pg_ctl, or None."""
    on_path = shutil.which("pg_ctl")
    if on_path:
        return Path(on_path).parent
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"),
                   key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    return Path(found[-1]).parent if found else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Cluster:
    def __init__(self, bin_dir: Path) -> None:
        self.bin = bin_dir
        # as root, somewhere the postgres user can reach (not a TMPDIR under /root)
        self.root = Path(tempfile.mkdtemp(prefix="alerter-pg-",
                                          dir="/tmp" if os.geteuid() == 0 else None))
        self.data = self.root / "data"
        self.port = _free_port()
        self.as_user: list[str] = []
        if os.geteuid() == 0:  # the server will not run as root
            shutil.chown(self.root, "postgres")
            self.as_user = ["runuser", "-u", "postgres", "--"]

    def _run(self, *args: str) -> None:
        done = subprocess.run([*self.as_user, *args], capture_output=True, text=True,
                              timeout=120, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(args[:2])} failed: {done.stderr or done.stdout}")

    def start(self) -> None:
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres",
                  "--auth=trust", "--encoding=UTF8", "--no-locale", "--no-sync")
        options = (f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off")
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l",
                  str(self.root / "log"), "-o", options, "-w", "start")

    def stop(self) -> None:
        subprocess.run([*self.as_user, str(self.bin / "pg_ctl"), "-D", str(self.data),
                        "-m", "immediate", "stop"], capture_output=True, check=False)
        shutil.rmtree(self.root, ignore_errors=True)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        import psycopg

        name = f"t_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return self.url(name)


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[Cluster]:
    bin_dir = server_bin()
    if bin_dir is None:
        missing("PostgreSQL server programs (initdb, pg_ctl) not found")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        missing("psycopg is not installed (pip install -e '.[dev]')")
    assert bin_dir is not None
    cluster = Cluster(bin_dir)
    cluster.start()
    yield cluster
    cluster.stop()


@pytest.fixture
def pg_url(postgres_cluster: Cluster) -> str:
    """A URL to a new, empty database on the session's PostgreSQL server."""
    return postgres_cluster.new_database()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_location(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a test's store is: a SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "out" / "alerter.db")
    return str(request.getfixturevalue("pg_url"))


def use_store(config_file: Path, location: str) -> None:
    """Point a project's config.yaml (the default one) at `location`."""
    if "://" not in location:
        return  # the default file's SQLite store
    text = config_file.read_text()
    default = "store:\n  path: out/alerter.db\n"
    assert default in text
    config_file.write_text(text.replace(default, f"store:\n  url: {location}\n"))
