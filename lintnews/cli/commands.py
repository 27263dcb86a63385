"""The commands other than ``check``: ``report`` (an HTML page of a saved run), ``clean`` (the
result cache), ``rules`` and ``rule`` (the rule catalogue).
"""

from __future__ import annotations

import json
import os
import sys

import click

from lintnews import cache
from lintnews.cli.app import fail, main
from lintnews.cli.streams import report_stream
from lintnews.gate import OutputError, describe_os_error
from lintnews.index.commands import index_group
from lintnews.registry import Rule, all_rules


@main.command("report")
@click.argument("run_file", metavar="RUN.json", type=click.Path(dir_okay=False, allow_dash=True))
@click.option(
    "-o",
    "--output",
    "output",
    type=click.Path(dir_okay=False),
    help="Write the page to FILE (default: standard output).",
)
def report_page(run_file: str, output: str | None) -> None:
    """Write the HTML report of a run saved with `check --output-format json` (or jsonl; with
    --statistics for every document's score)."""
    from lintnews.reporters.html import RunFileError, load_run, render

    name = "-" if run_file == "-" else run_file
    try:
        if run_file == "-":
            text = sys.stdin.buffer.read().decode("utf-8")
        else:
            with open(run_file, encoding="utf-8") as fh:
                text = fh.read()
    except OSError as exc:
        fail(f"{name}: cannot read: {exc.strerror or exc}")
        return
    except UnicodeDecodeError as exc:
        fail(
            f"{name}: not UTF-8 (byte 0x{exc.object[exc.start]:02X} at offset {exc.start}): lintnews writes JSON in UTF-8"
        )
        return
    try:
        page = render(*load_run(name, text))
    except RunFileError as exc:
        fail(str(exc))
        return
    try:
        with report_stream(output, False) as (stream, _):
            stream.write(page)
    except OutputError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"{output or '-'}: cannot write the report: {describe_os_error(exc)}")


@main.command("clean")
@click.option(
    "--cache-dir", type=click.Path(file_okay=False), help="Result cache folder (default .lintnews_cache)."
)
def clean_cache(cache_dir: str | None) -> None:
    """Remove the result cache."""
    folder = cache_dir or os.environ.get("LINTNEWS_CACHE_DIR") or cache.DEFAULT_DIR
    click.echo(f"Removed {folder}" if cache.clean(folder) else f"No cache at {folder}")


@main.command("rules")
@click.option("--format", "output_format", type=click.Choice(["text", "json", "markdown"]), default="text")
def list_rules(output_format: str) -> None:
    """List every rule: code, name, default severity, fixable, summary."""
    rules = list(all_rules().values())
    if output_format == "json":
        click.echo(json.dumps([rule_info(r) for r in rules], indent=2))
        return
    if output_format == "markdown":
        click.echo(rules_table(rules), nl=False)
        return
    width = max(len(r.name) for r in rules)
    for r in rules:
        fix = {"safe": "fix", "unsafe": "fix*", "mixed": "fix(*)", None: ""}[r.fix_applicability]
        default = "" if r.default else " (not default)"
        click.echo(
            f"{r.code}  {r.name.ljust(width)}  {str(r.severity).ljust(7)}  {fix.ljust(6)}  {r.summary}{default}"
        )


def rules_table(rules: list[Rule]) -> str:
    """The Markdown table of rules that the README embeds (generated, never edited by hand)."""
    lines = ["| code | name | severity | fix | default | what it reports |", "|---|---|---|---|---|---|"]
    for r in rules:
        fix = {"safe": "safe", "unsafe": "unsafe", "mixed": "mixed", None: ""}[r.fix_applicability]
        lines.append(
            f"| {r.code} | `{r.name}` | {r.severity} | {fix} | {'yes' if r.default else 'no'} | {r.summary} |"
        )
    return "\n".join(lines) + "\n"


def rule_info(r: Rule) -> dict[str, object]:
    return {
        "code": r.code,
        "name": r.name,
        "severity": str(r.severity),
        "fixable": r.fix_applicability,
        "default": r.default,
        "summary": r.summary,
        "explanation": r.doc,
    }


@main.command("rule")
@click.argument("code")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text")
def show_rule(code: str, output_format: str) -> None:
    """Print the documentation of one rule (by code or name)."""
    rules = all_rules()
    found = rules.get(code.upper()) or next((r for r in rules.values() if r.name == code), None)
    if found is None:
        fail(f"unknown rule `{code}` (see `lintnews rules`)")
        return
    if output_format == "json":
        click.echo(json.dumps(rule_info(found), indent=2))
        return
    fix = {
        "safe": "Fix is always available (safe).",
        "unsafe": "Fix is available (unsafe: needs --unsafe-fixes).",
        "mixed": "Fix is always available: safe, or unsafe (needs --unsafe-fixes) for some findings (see Fix).",
        None: "No fix.",
    }[found.fix_applicability]
    click.echo(f"# {found.name} ({found.code})\n")
    click.echo(
        f"Default severity: {found.severity}. {fix}"
        + ("" if found.default else " Not in the default selection.")
    )
    click.echo("")
    click.echo(found.doc)


if __name__ == "__main__":  # pragma: no cover
    main()


main.add_command(index_group)
