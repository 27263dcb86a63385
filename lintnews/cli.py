"""The ``lintnews`` command line.

Errors the user can cause (configuration, paths, undecodable input) become one line on stderr and
exit code 2; diagnostics at or above the failing severity give exit code 1.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

import click

from lintnews import __version__, cache, native
from lintnews.atomic import atomic_open
from lintnews.config import OUTPUT_FORMATS, ConfigError, RuleSelection, Settings, parse_size
from lintnews.configfile import resolve_settings
from lintnews.corpus import CorpusIndex
from lintnews.gate import BaselineError, OutputError, describe_os_error, format_statistics
from lintnews.parallel import default_jobs
from lintnews.progress import Progress
from lintnews.registry import Rule, all_rules
from lintnews.reporters import StreamWriter
from lintnews.reporters.base import Report, printable
from lintnews.run import CheckOptions, CheckRun, RunResult, output_clash, stop_exception
from lintnews.selection import select_rules

EXIT_OK, EXIT_FOUND, EXIT_ERROR = 0, 1, 2


def _split(values: tuple[str, ...]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def report_error(error: object) -> None:
    """An input error: one line on stderr, escaped (a record id may hold a newline or an ESC)."""
    click.echo(f"lintnews: error: {printable(str(error))}", err=True)


def report_warning(message: str) -> None:
    click.echo(f"lintnews: warning: {printable(message)}", err=True)


def fail(message: str) -> None:
    click.echo(f"lintnews: error: {printable(message)}", err=True)
    sys.exit(EXIT_ERROR)


class _Group(click.Group):
    """The ``lintnews`` group: a reader that closes its end of the pipe (``lintnews check ... |
    head -1``) stops the run quietly, as it stops ``cat`` or ``grep`` (see `closed_pipe`)."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            pass
        # Out of the handler, the run's frames are released: its worker pool and staging
        # folder are cleaned up before the process stops.
        closed_pipe()
        return None


def closed_pipe() -> None:
    """Stop quietly because stdout (or stderr) was closed by its reader: no message, and the
    exit status of a process killed by SIGPIPE (141 in a shell), as ``cat``, ``grep`` and every
    C program that does not handle the signal give; where there is no SIGPIPE (Windows), exit 2."""
    with contextlib.suppress(OSError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError, AttributeError):
                os.dup2(devnull, stream.fileno())  # the interpreter's last flush goes nowhere
    gc.collect()
    sigpipe = getattr(signal, "SIGPIPE", None)
    if sigpipe is not None:
        signal.signal(sigpipe, signal.SIG_DFL)
        os.kill(os.getpid(), sigpipe)
    sys.exit(EXIT_ERROR)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="lintnews", message=f"%(prog)s %(version)s ({native.describe()})")
def main() -> None:
    """lintnews: a linter for news and web-article text."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(readable=False))  # unreadable: one InputError, not abort
@click.option(
    "--output-format", "--format", "output_format", type=click.Choice(OUTPUT_FORMATS),
    help="Output format (default: text; the output-format key). --format is an alias.",
)
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
@click.option("--statistics", is_flag=True, help="Show counts per rule and the document score distribution.")
@click.option("--min-score", type=click.IntRange(0, 100), help="Fail documents whose score is below N.")
@click.option("--baseline", type=click.Path(dir_okay=False), help="Report only findings not in this baseline file.")
@click.option("--write-baseline", type=click.Path(dir_okay=False), help="Record the current findings in FILE.")
@click.option("--accepted-output", type=click.Path(dir_okay=False), help="Write passing JSONL records here.")
@click.option("--rejected-output", type=click.Path(dir_okay=False), help="Write failing JSONL records here.")
@click.option("-j", "--jobs", type=click.IntRange(0), default=0, help="Worker processes (default 0: one per core).")
@click.option("--no-cache", is_flag=True, help="Do not read or write the result cache.")
@click.option("--cache-dir", type=click.Path(file_okay=False), help="Result cache folder (default .lintnews_cache).")
@click.option("--engine", type=click.Choice(["local", "spark"]), default="local",
              help="Where documents are analysed: this machine (default) or Apache Spark (lintnews[spark]).")
@click.option("--spark-master", metavar="URL", help="Spark master for --engine spark (default: MASTER or local[*]).")
@click.option("--no-corpus", is_flag=True, help="Skip the corpus phase (N001-N003: duplicates, site templates).")
@click.option(
    "--max-document-size",
    metavar="SIZE",
    help="Refuse (input error) documents larger than SIZE: bytes, or 50MB, 1GB, ... (0: no limit; default 10MB).",
)
@click.option("--exclude", multiple=True, metavar="PATTERN",
              help="Names or paths to leave out of folder walks, comma-separated (replaces the exclude key).")
@click.option("--extend-exclude", multiple=True, metavar="PATTERN",
              help="Names or paths to leave out in addition to the excluded ones, comma-separated.")
@click.option("--show-settings", is_flag=True, help="Print the resolved settings and where they come from; lint nothing.")
@click.option("--show-files", is_flag=True, help="Print the files a run would read; lint nothing.")
@click.option(
    "--respect-gitignore/--no-respect-gitignore",
    default=None,
    help="Leave out files .gitignore and .ignore files ignore (default: respect-gitignore, true).",
)
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
    statistics: bool,
    min_score: int | None,
    baseline: str | None,
    write_baseline: str | None,
    accepted_output: str | None,
    rejected_output: str | None,
    jobs: int,
    no_cache: bool,
    cache_dir: str | None,
    engine: str,
    spark_master: str | None,
    no_corpus: bool,
    max_document_size: str | None,
    exclude: tuple[str, ...],
    extend_exclude: tuple[str, ...],
    show_settings: bool,
    show_files: bool,
    respect_gitignore: bool | None,
) -> None:
    """Lint articles in PATHS (files, folders, or - for stdin)."""
    targets = list(paths) or ["."]
    options = CheckOptions(
        fix=fix,
        diff=diff,
        fix_only=fix_only,
        unsafe_fixes=unsafe_fixes,
        output_dir=output_dir,
        stdin_name=stdin_filename,
        baseline=baseline,
        write_baseline=write_baseline,
        min_score=min_score,
        accepted_output=accepted_output,
        rejected_output=rejected_output,
        statistics=statistics,
        jobs=jobs or default_jobs(),
        cache_dir=None if no_cache else (cache_dir or os.environ.get("LINTNEWS_CACHE_DIR") or cache.DEFAULT_DIR),
        corpus=not no_corpus,
    )
    if output_dir and not options.fixing:
        fail("--output-dir only makes sense with --fix or --fix-only")
    if engine == "spark" and options.fixing:
        fail("--engine spark only lints: --fix, --diff and --fix-only need the local engine")
    stdout = sys.stdout
    # When fixed text or diffs go to stdout, the report goes to stderr.
    to_stderr = diff or (options.fixing and "-" in targets)
    try:
        settings = resolve_settings(targets, config, isolated)
        apply_cli(settings, select, extend_select, ignore, output_format, fail_on, language, max_document_size,
                  exclude, extend_exclude)
        if respect_gitignore is not None:
            settings.respect_gitignore = respect_gitignore
        if settings.output_format == "html":  # the page shows every document's score
            options.statistics = True
        if show_settings or show_files:
            given = {"output-format": output_format,
                     "fail-on": fail_on, "language": language, "max-document-size": max_document_size,
                     "exclude": exclude, "extend-exclude": extend_exclude, "respect-gitignore": respect_gitignore}
            sys.exit(show(settings, targets, stdin_filename, show_settings, show_files,
                          [k for k, v in given.items() if v is not None and v != ()]))
        outputs = {"-o": output, "--write-baseline": write_baseline, "--accepted-output": accepted_output,
                   "--rejected-output": rejected_output}
        clash = output_clash(targets, settings, outputs, {"--baseline": baseline, "--config": config})
        if clash:
            fail(clash)
        with report_stream(output, to_stderr) as (stream, color):
            fmt = settings.output_format
            writer = StreamWriter(fmt, stream, color, quiet, stats=statistics)
            bars = Progress.for_terminal(quiet)
            try:
                # --diff reports only counts; --fix-only reports nothing but the summary.
                # (what goes to the terminal clears the bar first; a report to a file need not)
                sink = (lambda d: None) if (diff or fix_only) else bars.around(writer.write, stream)
                on_error = report_error if fmt != "github" else lambda e: (report_error(e), writer.error(e))
                run = CheckRun(
                    settings, options, bars.around(stdout.write, stdout), bars.around(on_error), sink,
                    bars.around(report_warning), emit_bytes=bars.around(lambda data: write_bytes(stdout, data), stdout),
                )
                writer.unsafe_fixes = run.policy.unsafe
                if isinstance(run.signatures, CorpusIndex):
                    run.signatures.progress = bars.corpus_step
                with interrupt_on_sigterm(options.output_dir is not None and options.fixing) as stopped:
                    run.stopped = stopped
                    try:
                        if engine == "spark":  # (lintnews.spark.cli: the same run, its documents analysed by Spark)
                            from lintnews.spark.cli import run_spark

                            result = run_spark(run, targets, spark_master)
                        else:
                            result = run.run(targets, lambda items: bars.documents(items, targets, settings))
                    finally:
                        bars.close()
                report = Report([], result.errors, result.documents, fixed=result.fixed, tally=result.tally,
                                unreadable=result.unreadable)
                report.stats = result.stats
                report.summaries = result.summaries
                if not diff:
                    writer.close(report)
            except BaseException as exc:
                if not isinstance(exc, BrokenPipeError):
                    writer.abort()  # a run that stops still leaves valid JSON on stdout
                raise
    except (ConfigError, BaselineError, OutputError) as exc:
        fail(str(exc))
        return
    except BrokenPipeError:
        raise  # the reader of the report went away: stop quietly (`_Group`)
    except OSError as exc:
        if exc.filename is not None:
            fail(f"{exc.filename}: {describe_os_error(exc)}")
        else:
            where = output or ("standard error" if to_stderr else "standard output")
            fail(f"{where}: cannot write the report: {describe_os_error(exc)}")
        return
    if diff:
        failing = sum(n for sev, n in result.tally.by_severity.items() if sev >= run.threshold)
        click.echo(
            f"Would fix {result.fixed} of {result.tally.total} diagnostics; {failing} at or above "
            f"{settings.fail_on} are still in the files (nothing written).",
            err=True,
        )
    notes = gate_notes(result, options)
    if notes and not quiet:
        click.echo(notes, err=to_stderr or settings.output_format not in ("text", "full") or output is not None)
    # (only when asked for: the html format keeps statistics for its page)
    if result.stats is not None and statistics and (diff or settings.output_format not in StreamWriter.WITH_STATISTICS):
        click.echo(format_statistics(result.stats), err=True)  # sarif, github, junit, gitlab: no place for it
    sys.stdout.flush()  # a closed pipe is noticed here, not in the interpreter's last flush
    # Inputs that could not be read fail the run (exit 2) unless --exit-zero, as ruff's per-file
    # errors do; a fix or an output that could not be written always does.
    if result.errors and (not exit_zero or len(result.errors) > result.unreadable):
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FOUND if run.failed(exit_zero) else EXIT_OK)


def show(settings: Settings, targets: list[str], stdin_name: str, show_settings: bool, show_files: bool,
         cli_keys: list[str]) -> int:
    """``--show-settings`` and ``--show-files``: print, lint nothing; the exit code (2 when a
    path cannot be read)."""
    from lintnews.configfile import load_config
    from lintnews.show import files, settings_text

    if show_settings:
        file_keys = load_config(Path(settings.config_path)) if settings.config_path else {}
        click.echo(settings_text(settings, file_keys, cli_keys), nl=False)
    code = EXIT_OK
    if show_files:
        for path in files(targets, settings, stdin_name):
            if isinstance(path, str):
                click.echo(path)
            else:
                click.echo(f"lintnews: error: {path}", err=True)
                code = EXIT_ERROR
    return code


def write_bytes(stream: TextIO, data: bytes) -> None:
    """Write ``data`` as it is (a patch of a file in any encoding) to a text stream's buffer."""
    stream.flush()
    stream.buffer.write(data)
    stream.buffer.flush()


def gate_notes(result: RunResult, options: CheckOptions) -> str:
    """Lines about baselines, scores and splits that follow the report."""
    lines = []
    if options.baseline:
        lines.append(
            f"Baseline: {result.baseline_matched} known findings hidden; {result.baseline_gone} baseline "
            f"entries no longer occur (rewrite it with --write-baseline to shrink it)."
        )
    if options.write_baseline and result.baseline_written:
        lines.append(f"Baseline written to {options.write_baseline}.")
    if result.low_scores:
        lines.append(f"{len(result.low_scores)} documents scored below {options.min_score}:")
        for s in result.low_scores[:20]:
            where = s.path if s.record is None else f"{s.path}#{s.record}"
            lines.append(f"  {printable(where)}: score {s.score}")
        if len(result.low_scores) > 20:
            lines.append(f"  ... and {len(result.low_scores) - 20} more")
    if result.split_counts is not None:
        good, bad = result.split_counts
        lines.append(f"Split: {good} records accepted, {bad} rejected.")
    return "\n".join(lines)


def apply_cli(
    settings: Settings,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    output_format: str | None,
    fail_on: str | None,
    language: str | None,
    max_document_size: str | None = None,
    exclude: tuple[str, ...] = (),
    extend_exclude: tuple[str, ...] = (),
) -> None:
    """Command-line options over the configuration file. ``--select``, ``--extend-select`` and
    ``--ignore`` are a rule selection of higher priority, resolved as in ruff: ``--select``
    replaces the configuration's whole selection (its ``ignore`` included); the other two
    adjust it (see `lintnews.selection.select_rules`)."""
    if select or extend_select or ignore:
        settings.cli_selection = RuleSelection(_split(select) or None, _split(extend_select), _split(ignore))
    if output_format:
        settings.output_format = output_format
    if fail_on:
        settings.fail_on = fail_on
    if language:
        settings.language = language
    if max_document_size is not None:
        settings.max_document_size = parse_size("--max-document-size", max_document_size)
    if exclude:  # as in ruff: --exclude replaces the configured exclude, --extend-exclude adds
        settings.exclude = _split(exclude)
    settings.extend_exclude = [*settings.extend_exclude, *_split(extend_exclude)]
    select_rules(settings)  # validate every selector now, before any input is read


@contextmanager
def interrupt_on_sigterm(enabled: bool) -> Iterator[Callable[[], int | None]]:
    """Turn SIGTERM (a CI timeout, ``docker stop``, ``kill``) into an exception while the run
    lasts, as Ctrl-C is, so a run writing ``--output-dir`` cleans up its staging folder instead
    of leaving it. Yields a function that returns the signal (SIGTERM or SIGINT) once received:
    library code that swallows the exception (a broad ``except`` in an extension module's
    import) must not let the run go on to move its output into place (`CheckRun` checks it)."""
    received: list[int] = []
    if not enabled or threading.current_thread() is not threading.main_thread():
        yield lambda: None
        return

    def stop(signum: int, frame: object) -> None:
        received.append(signum)
        raise stop_exception(signum)

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield lambda: received[0] if received else None
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


@contextmanager
def report_stream(output: str | None, to_stderr: bool) -> Iterator[tuple[TextIO, bool]]:
    """Where the report goes and whether to colour it: a file written atomically (so a failed
    run leaves no half report), or stdout/stderr (coloured on a terminal unless NO_COLOR)."""
    if output is None:
        stream = sys.stderr if to_stderr else sys.stdout
        yield stream, stream.isatty() and "NO_COLOR" not in os.environ
        stream.flush()
        return
    opened = atomic_open(output)
    try:
        fh = opened.__enter__()
    except OSError as exc:
        raise OutputError(output, "the report", exc) from None
    try:
        yield fh, False
    except BaseException:
        opened.__exit__(*sys.exc_info())  # removes the temporary file
        raise
    try:
        opened.__exit__(None, None, None)
    except OSError as exc:
        raise OutputError(output, "the report", exc) from None


@main.command("report")
@click.argument("run_file", metavar="RUN.json", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("-o", "--output", "output", type=click.Path(dir_okay=False),
              help="Write the page to FILE (default: standard output).")
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
        fail(f"{name}: not UTF-8 (byte 0x{exc.object[exc.start]:02X} at offset {exc.start}): lintnews writes JSON in UTF-8")
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
@click.option("--cache-dir", type=click.Path(file_okay=False), help="Result cache folder (default .lintnews_cache).")
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
        click.echo(f"{r.code}  {r.name.ljust(width)}  {str(r.severity).ljust(7)}  {fix.ljust(6)}  {r.summary}{default}")


def rules_table(rules: list[Rule]) -> str:
    """The Markdown table of rules that the README embeds (generated, never edited by hand)."""
    lines = ["| code | name | severity | fix | default | what it reports |", "|---|---|---|---|---|---|"]
    for r in rules:
        fix = {"safe": "safe", "unsafe": "unsafe", "mixed": "mixed", None: ""}[r.fix_applicability]
        lines.append(f"| {r.code} | `{r.name}` | {r.severity} | {fix} | {'yes' if r.default else 'no'} | {r.summary} |")
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
    fix = {"safe": "Fix is always available (safe).", "unsafe": "Fix is available (unsafe: needs --unsafe-fixes).",
           "mixed": "Fix is always available: safe, or unsafe (needs --unsafe-fixes) for some findings (see Fix).",
           None: "No fix."}[found.fix_applicability]
    click.echo(f"# {found.name} ({found.code})\n")
    click.echo(f"Default severity: {found.severity}. {fix}" + ("" if found.default else " Not in the default selection."))
    click.echo("")
    click.echo(found.doc)


if __name__ == "__main__":  # pragma: no cover
    main()
