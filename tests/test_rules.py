from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from alerter.errors import RuleError
from alerter.models import Document, Event, Participant, Span
from alerter.rules.engine import DictMemory, RuleEngine
from alerter.rules.loader import load_rules

ROOT = Path(__file__).resolve().parent.parent


def event(type_: str = "SANCTION", modality: str = "asserted", actor: str = "GBR",
          sentence: str = "Britain sanctioned four banks.", id_: str = "e1") -> Event:
    return Event(id=id_, doc_id="d1", type=type_, subtype="economic",
                 trigger=Span(text="sanctioned", start=8, end=18),
                 actor=(Participant(text=actor, kind="country", code=actor),),
                 modality=modality,
                 sentence=Span(text=sentence, start=0, end=len(sentence)))


def document(day: int = 24) -> Document:
    t = datetime(2023, 2, day, tzinfo=UTC)
    return Document(id="d1", source="Wire", text="x", published=t, fetched=t, content_hash="h")


def test_default_rules_load() -> None:
    ids = {r.rule.id for r in load_rules([ROOT / "rules"])}
    assert {"new-sanctions-announced", "lethal-aid-discussed"} <= ids


def test_errors_name_file_line_and_suggest(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("id: a\nname: A\nwhen:\n  type: SANCTIONS\n  modalty: asserted\n"
                    "---\nid: a\nname: again\nwhen: {type: AID}\n")
    with pytest.raises(RuleError) as caught:
        load_rules([path])
    text = str(caught.value)
    assert f"{path}:4:3: when.type: 'SANCTIONS' is not a known type (did you mean 'SANCTION'?)" \
        in text
    assert f"{path}:5:3: when.modalty: unknown field 'modalty' (did you mean 'modality'?)" in text
    assert len(caught.value.problems) == 2  # the second rule is fine on its own


def test_duplicate_ids_across_files(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("id: x\nname: X\nwhen: {type: AID}\n")
    (tmp_path / "b.yaml").write_text("id: x\nname: Y\nwhen: {type: AID}\n")
    with pytest.raises(RuleError, match="rule id 'x' is already used at"):
        load_rules([tmp_path])


def test_conditions_explain_and_filter(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(
        "id: r\nname: R\nseverity: low\nwhen:\n  type: SANCTION\n"
        "  modality: [asserted, planned]\n  any:\n    - actor.code: [USA, EU]\n"
        "    - text: {any: [sanction]}\n  not: {actor.code: RUS}\n")
    engine = RuleEngine(load_rules([path]))
    (hit,) = engine.hits(event(), document())
    because = "; ".join(hit.outcome.because)
    # in words a reader knows: no field paths, codes or operators
    assert because.startswith("it is a sanctions event; it is done or announced; ")
    assert "the sentence mentions 'sanction'" in because  # lemma-aware: "sanctioned"
    assert because.endswith("the actor is the UK, not Russia")  # why the `not` held
    assert engine.hits(event(modality="negated"), document()) == []
    assert engine.hits(event(actor="RUS"), document()) == []
    assert engine.hits(event(type_="AID"), document()) == []
    assert engine.candidates(event(type_="AID")) == []  # indexed by type


def test_a_pattern_is_explained_by_the_words_it_matched(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    pattern = "^(impos|announc|sanction|unveil|adopt|approv|agree)"
    path.write_text(f"id: r\nname: R\nwhen:\n  type: SANCTION\n"
                    f"  trigger: {{matches: '{pattern}'}}\n")
    engine = RuleEngine(load_rules([path]))
    (hit,) = engine.hits(event(), document())
    because = "; ".join(hit.outcome.because)
    assert "the sentence says 'sanctioned'" in because and "/" not in because
    # for --why-not, a failed pattern is shown to the rule's author, shortened
    miss = engine.why_not(engine.rules[0], event().model_copy(
        update={"trigger": Span(text="froze", start=0, end=5)}), document())
    assert miss.failed == ["the trigger word 'froze' does not match the pattern "
                           "/^(impos|announc|sanction|unveil|adopt|a…/"]


def test_a_backtracking_pattern_is_stopped_and_the_other_rules_still_match(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "r.yaml"
    path.write_text("id: slow\nname: Slow\nwhen:\n  text: {matches: '(a|aa)+$'}\n---\n"
                    "id: fine\nname: Fine\nwhen: {type: SANCTION}\n")
    engine = RuleEngine(load_rules([path]))
    sentence = "Britain sanctioned " + "a" * 60 + "!"  # ~2^60 steps for re; stopped here
    started = time.monotonic()
    hits = engine.hits(event(sentence=sentence), document())
    assert [h.rule.rule.id for h in hits] == ["fine"]
    assert time.monotonic() - started < 30
    assert "rule pattern '(a|aa)+$' took over" in caplog.text and "no match" in caplog.text


def test_new_fires_once_per_key_within_the_window(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text("id: r\nname: R\nwhen: {type: SANCTION}\n"
                    "new: {key: [type, actor.code], within: 2d}\n")
    engine = RuleEngine(load_rules([path]))
    memory = DictMemory()
    first = engine.match([(event(id_="e1"), document(20))], memory)
    again = engine.match([(event(id_="e2"), document(21))], memory)
    later = engine.match([(event(id_="e3"), document(24))], memory)
    assert len(first) == 1 and again == [] and len(later) == 1
    assert "the first such event within 2 days (sanctions, actor the UK)" \
        in first[0].explanation


def test_a_retelling_in_the_same_run_is_a_source_of_the_first_match_not_an_alert(
        tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text("id: r\nname: R\nwhen: {type: SANCTION}\n"
                    "new: {key: [type, actor.code], within: 2d}\n")
    engine = RuleEngine(load_rules([path]))
    memory = DictMemory()
    told = "Britain sanctioned four banks in Minsk on Monday."
    first = event(id_="e1", sentence=told)
    retold = event(id_="e2", sentence="On Monday Britain sanctioned four Minsk banks.")
    other = event(id_="e3", sentence="A Dubai shipping agent was added to the British list.")
    [match] = engine.match([(first, document(20)), (retold, document(20)),
                            (other, document(20))], memory)
    # the retelling is one more source; another happening with the same key is held back
    assert match.event_ids == ("e1", "e2")
    # a retelling in a later run neither alerts nor changes what may be sent already
    assert engine.match([(event(id_="e4", sentence=told), document(20))], memory) == []


def attack(id_: str, target: str = "UKR") -> Event:
    return Event(id=id_, doc_id="d1", type="ASSAULT", subtype=None,
                 trigger=Span(text="shelled", start=0, end=7),
                 actor=(Participant(text="Russia", kind="country", code="RUS"),),
                 target=(Participant(text=target, kind="country", code=target),),
                 modality="asserted", sentence=Span(text="Russia shelled it.", start=0, end=18))


def at(day: int, hour: int = 12) -> Document:
    t = datetime(2023, 2, day, hour, tzinfo=UTC)
    return Document(id=f"d{day}-{hour}", source="Wire", text="x", published=t, fetched=t,
                    content_hash=f"h{day}{hour}")


def engine_and_memory(tmp_path: Path, rules: str, memory_kind: str) -> tuple[RuleEngine, Any]:
    from alerter.store import Store

    path = tmp_path / "r.yaml"
    path.write_text(rules)
    memory = DictMemory() if memory_kind == "dict" else Store.open(tmp_path / "state.db")
    return RuleEngine(load_rules([path])), memory


@pytest.mark.parametrize("memory_kind", ["dict", "store"])
def test_threshold_counts_per_group_within_the_window(tmp_path: Path, memory_kind: str) -> None:
    engine, memory = engine_and_memory(
        tmp_path, "id: t\nname: T\nwhen: {type: ASSAULT}\n"
        "threshold: {count: 3, within: 2d, group_by: [target.code]}\n", memory_kind)
    fired = []
    # two on the 20th, one on the 23rd (the first two have left the window), then
    # two more: the third within two days of the 23rd fires
    for n, (day, hour) in enumerate([(20, 1), (20, 2), (23, 1), (23, 2), (24, 1)]):
        fired += engine.match([(attack(f"a{n}"), at(day, hour))], memory)
    fired += engine.match([(attack("p1", target="POL"), at(24, 2))], memory)
    assert [m.event_ids for m in fired] == [("a2", "a3", "a4")]
    assert "3 such events within 2 days for target Ukraine (the rule needs 3)" \
        in fired[0].explanation
    # events counted towards a match do not count again
    assert engine.match([(attack("a5"), at(24, 3))], memory) == []


def test_sightings_past_the_window_are_forgotten_when_every_hit_matched(
        tmp_path: Path) -> None:
    engine, memory = engine_and_memory(
        tmp_path, "id: t\nname: T\nwhen: {type: ASSAULT}\n"
        "threshold: {count: 2, within: 1d, group_by: [target.code]}\n", "dict")
    assert engine.match([(attack("u1"), at(20, 0))], memory) == []
    assert engine.match([(attack("p1", target="POL"), at(20, 23))], memory) == []
    # a run in which every hit matches still drops what has left the window: u1
    assert len(engine.match([(attack("p2", target="POL"), at(21, 22))], memory)) == 1
    assert memory.sightings("t", "target.code=UKR", at(1).published,
                            at(28).published) == []


@pytest.mark.parametrize("memory_kind", ["dict", "store"])
def test_spike_against_the_previous_window(tmp_path: Path, memory_kind: str) -> None:
    engine, memory = engine_and_memory(
        tmp_path, "id: s\nname: S\nwhen: {type: ASSAULT}\n"
        "spike: {factor: 2, window: 1d, min_count: 3, group_by: [target.code]}\n", memory_kind)
    quiet = [(attack(f"q{h}"), at(20, h)) for h in (1, 2)]   # 2 on the 20th
    busy = [(attack(f"b{h}"), at(21, h)) for h in (10, 11, 12, 13, 14)]
    fired = engine.match([*quiet, *busy], memory)
    # b12 makes 3 in the day before it against 2 the day before that: not 2x; b13 makes
    # 4 against 2 (q1 and q2 are both more than a day before b13): a spike
    assert [m.event_ids[-1] for m in fired] == ["b13"]
    assert "4 such events in the last day against 2 in the day before, for target Ukraine" \
        in fired[0].explanation
    assert engine.match([(attack("b15"), at(21, 15))], memory) == []  # reported already


def test_a_restart_keeps_the_state(tmp_path: Path) -> None:
    from alerter.store import Store

    path = tmp_path / "r.yaml"
    path.write_text("id: t\nname: T\nwhen: {type: ASSAULT}\n"
                    "threshold: {count: 2, within: 1d, group_by: [target.code]}\n---\n"
                    "id: n\nname: N\nwhen: {type: ASSAULT}\nnew: {key: [target.code]}\n")
    first = Store.open(tmp_path / "state.db")
    with first.transaction():
        before = RuleEngine(load_rules([path])).match([(attack("a1"), at(20, 1))], first)
    first.close()
    again = Store.open(tmp_path / "state.db")
    with again.transaction():
        after = RuleEngine(load_rules([path])).match([(attack("a2"), at(20, 2))], again)
    assert [m.rule_id for m in before] == ["n"]
    assert [(m.rule_id, m.event_ids) for m in after] == [("t", ("a1", "a2"))]


def test_rules_check_on_counters(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text("id: t\nname: T\nwhen: {type: ASSAULT}\n"
                    "threshold: {count: 1, within: 2 days, group_by: [target]}\n"
                    "new: {key: [type]}\n")
    with pytest.raises(RuleError) as caught:
        load_rules([path])
    text = str(caught.value)
    assert f"{path}:4:13: threshold.count: Input should be greater than or equal to 2" in text
    assert "threshold.within:" in text and "threshold.group_by[0]:" in text
    assert "(did you mean 'target.code'?)" in text


def test_index_narrows_by_every_required_field(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    rules = [f"id: r{i}\nname: R\nwhen: {{type: ASSAULT, target.code: {code}}}\n"
             for i, code in enumerate(["UKR", "POL", "GBR"])]
    rules.append("id: any-text\nname: T\nwhen: {text: {any: [shell]}}\n")
    path.write_text("---\n".join(rules))
    engine = RuleEngine(load_rules([path]))
    assert [r.rule.id for r in engine.candidates(attack("x", target="POL"))] == ["r1", "any-text"]
    hits = engine.hits(attack("x", target="POL"), None)
    assert [h.rule.rule.id for h in hits] == ["r1", "any-text"]  # "shelled" ~ shell


def test_why_not_names_the_failed_conditions(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text("id: r\nname: R\nwhen:\n  type: SANCTION\n  modality: [asserted, planned]\n"
                    "  actor.code: [USA, EU]\n")
    engine = RuleEngine(load_rules([path]))
    (loaded,) = engine.rules
    miss = engine.why_not(loaded, event(modality="negated"), document())
    assert (miss.held, miss.of) == (1, 3)
    assert miss.failed == ["it is denied, not “done or announced” or “planned or promised”",
                           "the actor is the UK, not the US or the EU"]


def test_one_counter_per_rule(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text("id: t\nname: T\nwhen: {type: ASSAULT}\nthreshold: {count: 2}\n"
                    "new: {key: [type]}\n")
    with pytest.raises(RuleError, match=r"r.yaml:1:1: use one of 'new', 'threshold' and "
                                        r"'spike', not new and threshold"):
        load_rules([path])


def test_unknown_codes_are_named_with_a_suggestion(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text("id: r\nname: R\nwhen:\n  actor.code: [USA, UKR2]\n"
                    "  not: {target.code: RUSS}\n")
    with pytest.raises(RuleError) as caught:
        load_rules([path])
    assert str(caught.value).splitlines() == [
        f"{path}:4:21: when.actor.code[1]: 'UKR2' is not a known actor.code "
        "(did you mean 'UKR'?)",
        f"{path}:5:9: when.not.target.code: 'RUSS' is not a known target.code "
        "(did you mean 'RUS'?)",
    ]
    # a code from the user's gazetteer is known
    assert load_rules([path], codes={"USA", "UKR2", "RUSS"})


def test_summary_template_is_checked_and_rendered(tmp_path: Path) -> None:
    from alerter.digest import summary_of

    path = tmp_path / "r.yaml"
    path.write_text("id: r\nname: R\nwhen: {type: SANCTION}\n"
                    "summary: '{{ actors }} sanctions {% if targets %}on {{ targets }}'\n")
    with pytest.raises(RuleError,
                       match=r"r.yaml:4:1: summary: not a Jinja2 template: Unexpected end"):
        load_rules([path])
    path.write_text("id: r\nname: R\nwhen: {type: SANCTION}\n"
                    "summary: '{{ actors }} sanctions{% if targets %} on {{ targets }}"
                    "{% endif %}'\n")
    (loaded,) = load_rules([path])
    entry = {"event": event(), "actors": "GBR", "targets": "RUS"}
    assert summary_of(loaded.rule, entry) == "GBR sanctions on RUS"
    broken = loaded.rule.model_copy(update={"summary": "{{ event.nothing.deeper }}"})
    assert summary_of(broken, entry) is None  # logged, and the digest goes on


def test_rules_check_cli_lists_every_error_and_exits_1(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from alerter.cli import main

    path = tmp_path / "bad.yaml"
    path.write_text("id: a\nname: A\nwhen:\n  type: SANCTIONS\n  modalty: asserted\n")
    result = CliRunner().invoke(main, ["rules", "check", str(path)])
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"error: {path}:4:3: when.type: 'SANCTIONS' is not a known type "
        "(did you mean 'SANCTION'?)",
        f"error: {path}:5:3: when.modalty: unknown field 'modalty' (did you mean 'modality'?)",
    ]
    good = CliRunner().invoke(main, ["rules", "check", str(ROOT / "rules")])
    assert good.exit_code == 0 and good.output.startswith("ok: ")
