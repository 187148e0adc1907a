"""The command line: parses options and calls library functions (alerter.commands).

Imports stay lazy so that `alerter --help` answers at once; spaCy is loaded
only by the commands that extract.
"""

from __future__ import annotations

import sys

import click

from alerter.cli_admin import COMMANDS
from alerter.cli_options import (
    OPTIONAL_CONFIG_HELP,
    config_option,
    friendly,
    host_option,
    port_option,
    text_or_json,
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="alerter")
def main() -> None:
    """alerter: typed events from news text, YAML rules over them, digests by file or email.

    Start with `alerter init DIR` (a project: config, rules, templates, sample articles),
    then `alerter run --once` in DIR.
    """


for _command in COMMANDS:
    main.add_command(_command)


@main.command()
@click.option("--once", is_flag=True, help="Run one cycle and exit.")
@click.option("--serve", is_flag=True, help="Also run the web server (alerter serve).")
@host_option
@port_option
@config_option
@friendly
def run(once: bool, serve: bool, host: str, port: int, config_path: str) -> None:
    """Run the scheduler (or one cycle with --once): ingest, extract, match, digest, deliver."""
    from alerter.commands.run import run_command

    if once and serve:
        raise click.UsageError("--serve keeps the web server running: use it without --once")
    sys.exit(run_command(config_path, once=once, serve=(host, port) if serve else None))


@main.command()
@host_option
@port_option
@config_option
@friendly
def serve(host: str, port: int, config_path: str) -> None:
    """Serve the web archive, event explorer, sign-up and one-click unsubscribe."""
    from alerter.commands.serve import serve_command

    sys.exit(serve_command(config_path, host, port))


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl",
              show_default=True, help="One JSON event per line, or a table.")
@click.option("--config", "config_path", default=None, type=click.Path(dir_okay=False),
              help="Take nlp settings from this config (default: ./config.yaml if present).")
@click.option("--published", default=None,
              help="Publication time for documents that carry none (ISO 8601).")
@friendly
def extract(paths: tuple[str, ...], fmt: str, config_path: str | None,
            published: str | None) -> None:
    """Print the events in documents: files, folders, feeds, URLs, or - for stdin."""
    from alerter.commands.extract import extract_command

    sys.exit(extract_command(list(paths), fmt, config_path, published))


@main.command("eval")
@click.argument("gold", type=click.Path(exists=True))
@click.option("--corpus", default=None, type=click.Path(exists=True, file_okay=False),
              help="Folder of <corpus>.jsonl.gz files a real-text set points into.")
@click.option("--split", type=click.Choice(["dev", "val", "test", "all"]), default="dev",
              show_default=True,
              help="Which annotated sentences to score (val: the held-out second sample).")
@click.option("--labels", "labels", multiple=True, type=click.Path(exists=True),
              help="More labels-*.jsonl files or folders of them (repeatable).")
@click.option("--rules", "rules_path", default=None, type=click.Path(exists=True),
              help="Also score these rules (file or folder): precision and recall per rule.")
@click.option("--errors", default=20, show_default=True, type=click.IntRange(min=0),
              help="How many of the worst errors to list.")
@click.option("--show-test-errors", "show_test", is_flag=True,
              help="List errors on val and test sentences too (without it only dev errors "
                   "are listed: keep the held-out splits unseen while tuning).")
@click.option("--bootstrap", "resamples", default=1000, show_default=True,
              type=click.IntRange(min=0, max=20000),
              help="Give each F1 its 95% interval from this many seeded resamples of the "
                   "sentences (0: none): how far the figures could move on another sample.")
@text_or_json
@click.option("--config", "config_path", default=None, type=click.Path(dir_okay=False),
              help="Take nlp settings from this config (default: ./config.yaml if present).")
@friendly
def eval_(gold: str, corpus: str | None, split: str, labels: tuple[str, ...],
          rules_path: str | None, errors: int, show_test: bool, resamples: int, fmt: str,
          config_path: str | None) -> None:
    """Score extraction on an annotated set: per-type P/R/F1, modality, worst errors.

    GOLD is our own gold file (text inline) or a real-text set (its folder, or its
    sentences.jsonl with labels-*.jsonl beside it), whose text comes from --corpus.
    """
    from alerter.commands.eval import eval_command

    sys.exit(eval_command(gold, corpus, split, fmt, list(labels), rules_path, config_path,
                          errors, show_test, resamples))


@main.group()
def rules() -> None:
    """Check and try rule files."""


@rules.command("check")
@click.argument("paths", nargs=-1)
@config_option
@friendly
def rules_check(paths: tuple[str, ...], config_path: str) -> None:
    """Validate rule files (default: the rule paths of the config); exit 1 on any error."""
    from alerter.commands.rules import check_command

    sys.exit(check_command(list(paths), config_path))


@rules.command("test")
@click.argument("rules_path")
@click.option("--input", "inputs", multiple=True, required=True,
              help="Documents to run the rules over (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table",
              show_default=True)
@click.option("--why-not", "why_not", metavar="RULE_ID", default=None,
              help="Also show the events that came nearest to this rule, and what failed.")
@click.option("--config", "config_path", default=None, type=click.Path(dir_okay=False),
              help=OPTIONAL_CONFIG_HELP)
@friendly
def rules_test(rules_path: str, inputs: tuple[str, ...], fmt: str, why_not: str | None,
               config_path: str | None) -> None:
    """Run rules over documents without touching the state store; show the matches."""
    from alerter.commands.rules import test_command

    sys.exit(test_command(rules_path, list(inputs), fmt, config_path, why_not))


@rules.command("schema")
@friendly
def rules_schema() -> None:
    """Print the JSON Schema of rule files, for editors (as shipped in alerter/data/)."""
    from alerter.commands.rules import schema_command

    sys.exit(schema_command())


@main.command()
@click.argument("rules_path")
@click.option("--input", "inputs", multiple=True, required=True,
              help="A dated corpus: files, folders, feeds (repeatable).")
@click.option("--by", type=click.Choice(["day", "week"]), default="day", show_default=True,
              help="Count matches per day or per week (UTC).")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table",
              show_default=True)
@click.option("--config", "config_path", default=None, type=click.Path(dir_okay=False),
              help=OPTIONAL_CONFIG_HELP)
@friendly
def backtest(rules_path: str, inputs: tuple[str, ...], by: str, fmt: str,
             config_path: str | None) -> None:
    """What each rule would have fired per day over a corpus, new/threshold/throttle included."""
    from alerter.commands.rules import backtest_command

    sys.exit(backtest_command(rules_path, list(inputs), by, fmt, config_path))


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--since", default=None, metavar="DATE",
              help="Leave out documents published before DATE (ISO 8601).")
@click.option("--digest", "send_digest", is_flag=True,
              help="Make and send the digests that are due; without it the archive's "
                   "matches are kept as old news and sent in no digest.")
@config_option
@friendly
def backfill(paths: tuple[str, ...], since: str | None, send_digest: bool,
             config_path: str) -> None:
    """Store, extract and match a large archive through the compute engine."""
    from alerter.clock import parse_time
    from alerter.commands.backfill import backfill_command

    try:
        start = parse_time(since) if since is not None else None
    except ValueError:
        raise click.BadParameter(f"'{since}' is not a date such as 2023-02-20",
                                 param_hint="--since") from None
    sys.exit(backfill_command(config_path, list(paths), start, send_digest))


@main.command()
@click.argument("subscription")
@click.option("--dry-run", is_flag=True, help="Print what would be sent; change nothing.")
@click.option("--since", default=None, metavar="DATE",
              help="With --dry-run: every match first seen since DATE (ISO 8601), sent or not.")
@click.option("--format", "fmt", type=click.Choice(["md", "html", "txt"]), default=None,
              help="With --dry-run: which body to print (default: the first format).")
@config_option
@friendly
def digest(subscription: str, dry_run: bool, since: str | None, fmt: str | None,
           config_path: str) -> None:
    """Render (and deliver) one subscription's digest now."""
    from alerter.commands.digest import digest_command

    if since is not None and not dry_run:
        raise click.UsageError("--since previews only: use it with --dry-run")
    if since is not None:
        from alerter.clock import parse_time

        try:
            parse_time(since)
        except ValueError:
            raise click.BadParameter(f"'{since}' is not a date such as 2023-02-20",
                                     param_hint="--since") from None
    sys.exit(digest_command(subscription, dry_run, fmt, config_path, since))


@main.command()
@click.argument("directory", type=click.Path(file_okay=False))
@friendly
def init(directory: str) -> None:
    """Make DIRECTORY a new project: config.yaml, rules/, templates/, examples/, docs/."""
    from alerter.commands.init import init_command

    sys.exit(init_command(directory))
