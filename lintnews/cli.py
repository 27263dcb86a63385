"""The ``lintnews`` command line.

Errors the user can cause (configuration, paths, undecodable input) become one line on stderr and
exit code 2; diagnostics at or above the failing severity give exit code 1.
"""

from __future__ import annotations

import json
import os
import sys

import click

from lintnews import __version__
from lintnews.atomic import atomic_open
from lintnews.config import OUTPUT_FORMATS, ConfigError, Settings, resolve_settings, select_rules
from lintnews.engine import Diagnostic, Linter
from lintnews.fixes import Fixer, FixPolicy
from lintnews.registry import Rule, Severity, all_rules
from lintnews.reporters import REPORTERS, Report
from lintnews.reporters.text import diagnostic_line
from lintnews.sources import InputError, iter_documents

EXIT_OK, EXIT_FOUND, EXIT_ERROR = 0, 1, 2


def _split(values: tuple[str, ...]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def fail(message: str) -> None:
    click.echo(f"lintnews: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="lintnews")
def main() -> None:
    """lintnews: a linter for news and web-article text."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "output_format", type=click.Choice(OUTPUT_FORMATS), help="Output format (default: text).")
@click.option("-o", "--output", "output", type=click.Path(dir_okay=False), help="Write the report to FILE.")
@click.option("--select", multiple=True, help="Rules to enable (codes, prefixes or names; comma-separated).")
@click.option("--extend-select", multiple=True, help="Rules to enable in addition to the selection.")
@click.option("--ignore", multiple=True, help="Rules to disable.")
@click.option("--config", "config", type=click.Path(dir_okay=False), help="Use this configuration file.")
@click.option("--isolated", is_flag=True, help="Ignore every configuration file.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), help="Lowest severity that fails.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when diagnostics are found.")
@click.option("--language", help="Language of the documents (default: detect per document).")
@click.option("--stdin-filename", default="-", help="Name (and type, by suffix) of the text read from stdin.")
@click.option("-q", "--quiet", is_flag=True, help="Print diagnostics only, no summary.")
@click.option("--fix", is_flag=True, help="Apply safe fixes (files in place; JSONL needs --output-dir).")
@click.option("--unsafe-fixes", is_flag=True, default=None, help="Also apply unsafe fixes (with --fix or --diff).")
@click.option("--diff", is_flag=True, help="Print the diffs --fix would apply; write nothing.")
@click.option("--fix-only", is_flag=True, help="Apply fixes and report only what was fixed; exit 0 unless input errors.")
@click.option("--output-dir", type=click.Path(file_okay=False), help="Write fixed copies here instead of in place.")
def check(
    paths: tuple[str, ...],
    output_format: str | None,
    output: str | None,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    config: str | None,
    isolated: bool,
    fail_on: str | None,
    exit_zero: bool,
    language: str | None,
    stdin_filename: str,
    quiet: bool,
    fix: bool,
    unsafe_fixes: bool | None,
    diff: bool,
    fix_only: bool,
    output_dir: str | None,
) -> None:
    """Lint articles in PATHS (files, folders, or - for stdin)."""
    targets = list(paths) or ["."]
    fixing = fix or diff or fix_only
    if output_dir and not fixing:
        fail("--output-dir only makes sense with --fix or --fix-only")
    try:
        settings = resolve_settings(targets, config, isolated)
        apply_cli(settings, select, extend_select, ignore, output_format, fail_on, language)
        linter = Linter(settings)
        policy = FixPolicy.from_settings(settings, unsafe_fixes)
    except ConfigError as exc:
        fail(str(exc))
        return
    stdout = click.get_text_stream("stdout")
    # When fixed text or diffs go to stdout, the report goes to stderr.
    report_to_stderr = diff or (fixing and "-" in targets)
    fixer = None
    if fixing:
        fixer = Fixer(lambda d: linter.lint(d).diagnostics, policy, settings, diff, output_dir, stdout.write, stdin_filename)
    diagnostics: list[Diagnostic] = []
    errors: list[InputError] = []
    documents = 0
    try:
        for item in iter_documents(targets, settings, stdin_filename):
            if isinstance(item, InputError):
                errors.append(item)
                click.echo(f"lintnews: error: {item}", err=True)
                if fixer is not None and item.raw is not None and item.line is not None:
                    fixer.copy_unreadable(item.path, item.raw, item.line)
                continue
            documents += 1
            if fixer is None:
                found = linter.lint(item).diagnostics
            else:
                found, problem = fixer.process(item)
                if problem:
                    error = InputError(item.path, problem, item.record, item.record_line)
                    errors.append(error)
                    click.echo(f"lintnews: error: {error}", err=True)
            diagnostics.extend(found)
        # --- corpus phase (lintnews.corpus) ---
        # --- end corpus phase ---
    except ConfigError as exc:
        if fixer is not None:
            fixer.finish(error=exc)
        fail(str(exc))
        return
    except BaseException as exc:
        if fixer is not None:
            fixer.finish(error=exc)
        raise
    if fixer is not None:
        fixer.finish()
    report = Report(diagnostics, errors, documents, fixed=fixer.fixed if fixer else 0)
    threshold = Severity.parse(settings.fail_on)
    if fix_only:
        report.diagnostics = []
    if diff:
        failing = sum(1 for d in diagnostics if d.severity >= threshold)
        click.echo(
            f"Would fix {report.fixed} of {len(diagnostics)} diagnostics; {failing} at or above "
            f"{settings.fail_on} are still in the files (nothing written).",
            err=True,
        )
    else:
        write_report(report, settings.output_format, output, quiet, to_stderr=report_to_stderr)
    if errors:
        sys.exit(EXIT_ERROR)
    if not exit_zero and not fix_only and any(d.severity >= threshold for d in diagnostics):
        sys.exit(EXIT_FOUND)
    sys.exit(EXIT_OK)


def apply_cli(
    settings: Settings,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    output_format: str | None,
    fail_on: str | None,
    language: str | None,
) -> None:
    """Command-line options override (``--select``) or extend (``--ignore``, ``--extend-select``)
    the configuration file, as in ruff."""
    if select:
        settings.select = _split(select)
    settings.extend_select = [*settings.extend_select, *_split(extend_select)]
    settings.ignore = [*settings.ignore, *_split(ignore)]
    if output_format:
        settings.output_format = output_format
    if fail_on:
        settings.fail_on = fail_on
    if language:
        settings.language = language
    select_rules(settings)  # validate every selector now, before any input is read


def write_report(report: Report, fmt: str, output: str | None, quiet: bool, to_stderr: bool = False) -> None:
    writer = REPORTERS[fmt]
    if output is None:
        stream = click.get_text_stream("stderr" if to_stderr else "stdout")
        color = fmt in ("text", "full") and stream.isatty() and "NO_COLOR" not in os.environ
        if quiet and fmt in ("text", "full"):
            for d in report.diagnostics:
                stream.write(diagnostic_line(d, color) + "\n")
        else:
            writer(report, stream, color)
        stream.flush()
        return
    try:
        with atomic_open(output) as fh:
            writer(report, fh, False)
    except OSError as exc:
        fail(f"{output}: cannot write report: {exc.strerror or exc}")


@main.command("rules")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text")
def list_rules(output_format: str) -> None:
    """List every rule: code, name, default severity, fixable, summary."""
    rules = list(all_rules().values())
    if output_format == "json":
        click.echo(json.dumps([rule_info(r) for r in rules], indent=2))
        return
    width = max(len(r.name) for r in rules)
    for r in rules:
        fix = {"safe": "fix", "unsafe": "fix*", None: ""}[r.fix_applicability]
        default = "" if r.default else " (not default)"
        click.echo(f"{r.code}  {r.name.ljust(width)}  {str(r.severity).ljust(7)}  {fix.ljust(4)}  {r.summary}{default}")


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
    fix = {"safe": "Fix is always available (safe).", "unsafe": "Fix is available (unsafe: needs --unsafe-fixes).",
           None: "No fix."}[found.fix_applicability]
    click.echo(f"# {found.name} ({found.code})\n")
    click.echo(f"Default severity: {found.severity}. {fix}" + ("" if found.default else " Not in the default selection."))
    click.echo("")
    click.echo(found.doc)


if __name__ == "__main__":  # pragma: no cover
    main()
