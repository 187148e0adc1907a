"""nlp.issuers as a careless user writes it and where extraction runs: a code the
config cannot mean is a located one-line error; the Dask workers' pipeline gets the
issuers too. Every sentence is our own."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from alerter.config import load_config
from alerter.errors import ConfigError
from alerter.extract import Extractor
from alerter.extract.issuer import issuer_kinds
from alerter.models import Document

WHEN = datetime(2024, 5, 2, 12, tzinfo=UTC)
DESIGNATED = "Two Iranian banks were designated today for financing the missile programme."


def config_error(tmp_path: Path, issuers: str, extra: str = "") -> str:
    path = tmp_path / "config.yaml"
    path.write_text(f"{extra}nlp:\n  issuers:\n{issuers}", encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_config(path)
    return str(error.value)


def test_a_lower_case_code_is_one_located_line_with_the_code_it_means(tmp_path: Path) -> None:
    message = config_error(tmp_path, "    treasury: usa\n")
    assert message.count("\n") == 0
    assert "config.yaml:3: nlp.issuers.treasury: 'usa' is not a participant code" in message
    assert "did you mean 'USA'?" in message and "pattern" not in message


def test_a_code_no_participant_has_is_refused_with_a_suggestion(tmp_path: Path) -> None:
    message = config_error(tmp_path, "    treasury: XYZ\n    whitehouse: USA\n"
                                     "    council: EUR\n")
    lines = message.splitlines()
    assert len(lines) == 2
    assert lines[0].endswith("config.yaml:3: nlp.issuers.treasury: 'XYZ' is not a known "
                             "participant code (codes come from the gazetteer; add yours "
                             "with nlp.gazetteer)")
    assert "config.yaml:5: nlp.issuers.council: 'EUR' is not a known participant code " \
           "(did you mean 'EU'?)" in lines[1]


def test_a_code_of_the_users_gazetteer_is_known(tmp_path: Path) -> None:
    (tmp_path / "names.yaml").write_text("organisations:\n  ACME: [Acme Holdings]\n",
                                         encoding="utf-8")
    path = tmp_path / "config.yaml"
    path.write_text("nlp:\n  gazetteer: names.yaml\n  issuers:\n    acme: ACME\n",
                    encoding="utf-8")
    assert load_config(path).nlp.issuers == {"acme": "ACME"}


@pytest.mark.parametrize(("issuers", "where"), [
    ("    - treasury\n", "config.yaml:2: nlp.issuers:"),
    ("    treasury: [USA]\n", "config.yaml:3: nlp.issuers.treasury:"),
])
def test_a_list_is_a_located_error(tmp_path: Path, issuers: str, where: str) -> None:
    assert where in config_error(tmp_path, issuers)


def test_the_dask_workers_pipeline_gives_the_issuer_its_measures(tmp_path: Path) -> None:
    pytest.importorskip("distributed", reason="dask.distributed is not installed")
    from alerter.compute.tasks import PipelineOnWorker

    path = tmp_path / "config.yaml"
    path.write_text("nlp:\n  issuers:\n    treasury: USA\ncompute:\n  engine: dask\n",
                    encoding="utf-8")
    plugin = PipelineOnWorker.of(load_config(path))
    plugin.setup(worker=None)  # what each worker does when the plugin is registered
    document = Document(id="d1", source="treasury", title=None, text=DESIGNATED,
                        published=WHEN, fetched=WHEN, content_hash="h")
    [(_, events)] = list(plugin.extractor.extract([document]))
    assert {p.code for e in events if e.type == "SANCTION" for p in e.actor} == {"USA"}


def test_the_dask_engine_gives_the_issuer_its_measures(tmp_path: Path) -> None:
    pytest.importorskip("distributed", reason="dask.distributed is not installed")
    from alerter.compute import engine_for

    path = tmp_path / "config.yaml"
    path.write_text("nlp:\n  issuers:\n    treasury: USA\n"
                    "compute:\n  engine: dask\n  workers: 1\n", encoding="utf-8")
    engine = engine_for(load_config(path))
    try:
        document = Document(id="d1", source="treasury", title=None, text=DESIGNATED,
                            published=WHEN, fetched=WHEN, content_hash="h")
        [(_, events)] = list(engine.extract([document]))
    finally:
        engine.close()  # type: ignore[attr-defined]
    assert {p.code for e in events if e.type == "SANCTION" for p in e.actor} == {"USA"}


@pytest.mark.parametrize("source", ["Treasury", "  treasury ", "TREASURY"])
def test_a_source_name_in_another_case_or_spacing_is_the_same_source(
        extractor: Extractor, source: str) -> None:
    issuing = Extractor(extractor.nlp, issuers=issuer_kinds({"treasury": "USA"}))
    document = Document(id="d1", source=source, title=None, text=DESIGNATED,
                        published=WHEN, fetched=WHEN, content_hash="h")
    [(_, events)] = list(issuing.extract([document]))
    assert {p.code for e in events if e.type == "SANCTION" for p in e.actor} == {"USA"}
