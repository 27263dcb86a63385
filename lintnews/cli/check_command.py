"""The ``check`` command: its options, turned into settings and a `CheckRun`, and the exit code."""

from __future__ import annotations

import functools
import os
import sys

import click

from lintnews import cache, rule_index
from lintnews.cli.app import EXIT_ERROR, EXIT_FOUND, EXIT_OK, fail, main, report_error, report_warning
from lintnews.cli.options import apply_cli, show
from lintnews.cli.streams import gate_notes, interrupt_on_sigterm, report_stream, write_bytes
from lintnews.config import OUTPUT_FORMATS, ConfigError, Settings
from lintnews.configfile import resolve_settings
from lintnews.corpus.phase import one_document
from lintnews.gate import BaselineError, OutputError, describe_os_error, format_statistics
from lintnews.gcpace import collecting_less
from lintnews.parallel import default_jobs
from lintnews.progress import Progress
from lintnews.reporters import StreamWriter
from lintnews.reporters.base import Report
from lintnews.run import CheckOptions, CheckRun, RunResult, output_clash
from lintnews.sources import InputError


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(readable=False))  # unreadable: one InputError, not abort
@click.option(
    "--output-format",
    "--format",
    "output_format",
    type=click.Choice(OUTPUT_FORMATS),
    help="Output format (default: text; the output-format key). --format is an alias.",
)
@click.option("-o", "--output", "output", type=click.Path(dir_okay=False), help="Write the report to FILE.")
@click.option("--select", multiple=True, help="Rules to enable (codes, prefixes or names; comma-separated).")
@click.option("--extend-select", multiple=True, help="Rules to enable in addition to the selection.")
@click.option("--ignore", multiple=True, help="Rules to disable.")
@click.option("--config", "config", type=click.Path(dir_okay=False), help="Use this configuration file.")
@click.option("--isolated", is_flag=True, help="Ignore every configuration file.")
@click.option(
    "--fail-on", type=click.Choice(["error", "warning", "info"]), help="Lowest severity that fails."
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when diagnostics are found.")
@click.option("--language", help="Language of the documents (default: detect per document).")
@click.option("--stdin-filename", default="-", help="Name (and type, by suffix) of the text read from stdin.")
@click.option("-q", "--quiet", is_flag=True, help="Print diagnostics only, no summary.")
@click.option("--fix", is_flag=True, help="Apply safe fixes (files in place; JSONL needs --output-dir).")
@click.option(
    "--unsafe-fixes", is_flag=True, default=None, help="Also apply unsafe fixes (with --fix or --diff)."
)
@click.option("--diff", is_flag=True, help="Print the diffs --fix would apply; write nothing.")
@click.option(
    "--fix-only", is_flag=True, help="Apply fixes and report only what was fixed; exit 0 unless input errors."
)
@click.option(
    "--output-dir", type=click.Path(file_okay=False), help="Write fixed copies here instead of in place."
)
@click.option("--statistics", is_flag=True, help="Show counts per rule and the document score distribution.")
@click.option("--min-score", type=click.IntRange(0, 100), help="Fail documents whose score is below N.")
@click.option(
    "--baseline", type=click.Path(dir_okay=False), help="Report only findings not in this baseline file."
)
@click.option(
    "--write-baseline", type=click.Path(dir_okay=False), help="Record the current findings in FILE."
)
@click.option("--accepted-output", type=click.Path(dir_okay=False), help="Write passing JSONL records here.")
@click.option("--rejected-output", type=click.Path(dir_okay=False), help="Write failing JSONL records here.")
@click.option(
    "-j", "--jobs", type=click.IntRange(0), default=0, help="Worker processes (default 0: one per core)."
)
@click.option("--no-cache", is_flag=True, help="Do not read or write the result cache.")
@click.option(
    "--cache-dir", type=click.Path(file_okay=False), help="Result cache folder (default .lintnews_cache)."
)
@click.option(
    "--index",
    "index",
    metavar="LOCATION",
    help="Also report N001/N002 against this near-duplicate index (SQLite file or redis://host:port/db).",
)
@click.option(
    "--index-update",
    is_flag=True,
    help="Add the documents that pass the gate to --index when the run completes.",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "spark"]),
    default="local",
    help="Where documents are analysed: this machine (default) or Apache Spark (lintnews[spark]).",
)
@click.option(
    "--spark-master", metavar="URL", help="Spark master for --engine spark (default: MASTER or local[*])."
)
@click.option(
    "--no-corpus", is_flag=True, help="Skip the corpus phase (N001-N003: duplicates, site templates)."
)
@click.option(
    "--max-document-size",
    metavar="SIZE",
    help="Refuse (input error) documents larger than SIZE: bytes, or 50MB, 1GB, ... (0: no limit; default 10MB).",
)
@click.option(
    "--exclude",
    multiple=True,
    metavar="PATTERN",
    help="Names or paths to leave out of folder walks, comma-separated (replaces the exclude key).",
)
@click.option(
    "--extend-exclude",
    multiple=True,
    metavar="PATTERN",
    help="Names or paths to leave out in addition to the excluded ones, comma-separated.",
)
@click.option(
    "--extension",
    multiple=True,
    metavar="EXT:FORMAT",
    help="Read files ending in .EXT as FORMAT (text or markdown; txt, md), e.g. txt:md: "
    "added to the formats key (Vale's [formats]); comma-separated or repeated.",
)
@click.option(
    "--text-format",
    metavar="FORMAT",
    help="Read the text field of JSONL records as FORMAT: text or markdown (the text-format key).",
)
@click.option(
    "--show-settings",
    is_flag=True,
    help="Print the resolved settings and where they come from; lint nothing.",
)
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
    index: str | None,
    index_update: bool,
    engine: str,
    spark_master: str | None,
    no_corpus: bool,
    max_document_size: str | None,
    exclude: tuple[str, ...],
    extend_exclude: tuple[str, ...],
    extension: tuple[str, ...],
    text_format: str | None,
    show_settings: bool,
    show_files: bool,
    respect_gitignore: bool | None,
) -> None:
    """Lint articles in PATHS (files, folders, or - for stdin)."""
    rule_index.key_once()  # (one run: its rule selection and its cache key see the same sources)
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
        cache_dir=None
        if no_cache
        else (cache_dir or os.environ.get("LINTNEWS_CACHE_DIR") or cache.DEFAULT_DIR),
        corpus=not no_corpus,
        index=index,
        index_update=index_update,
    )
    _refuse_option_clashes(options, engine)
    # When fixed text or diffs go to stdout, the report goes to stderr.
    to_stderr = diff or (options.fixing and "-" in targets)
    try:
        settings = resolve_settings(targets, config, isolated)
        given = {
            "output-format": output_format,
            "fail-on": fail_on,
            "language": language,
            "max-document-size": max_document_size,
            "exclude": exclude,
            "extend-exclude": extend_exclude,
            "respect-gitignore": respect_gitignore,
            "formats": extension,
            "text-format": text_format,
        }
        apply_cli(settings, select, extend_select, ignore, output_format, fail_on, language, max_document_size,
                  exclude, extend_exclude, extension, text_format)  # fmt: skip
        if respect_gitignore is not None:
            settings.respect_gitignore = respect_gitignore
        if options.corpus and options.index is None and one_document(targets, settings):
            options.corpus = False  # (one document: no pair for the corpus phase to compare)
        if settings.output_format == "html":  # the page shows every document's score
            options.statistics = True
        if show_settings or show_files:
            named = [k for k, v in given.items() if v is not None and v != ()]
            sys.exit(show(settings, targets, stdin_filename, show_settings, show_files, named))
        outputs = {
            "-o": output,
            "--write-baseline": write_baseline,
            "--accepted-output": accepted_output,
            "--rejected-output": rejected_output,
        }
        clash = output_clash(targets, settings, outputs, {"--baseline": baseline, "--config": config})
        if clash:
            fail(clash)
        result, run = _lint(
            settings, options, targets, output, to_stderr, quiet, statistics, engine, spark_master
        )
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
    _finish(result, run, settings, options, quiet, statistics, exit_zero, output is not None or to_stderr)


def _refuse_option_clashes(options: CheckOptions, engine: str) -> None:
    """Stop (exit 2) on options that cannot go together."""
    if options.index_update and not options.index:
        fail("--index-update needs --index LOCATION")
    if options.index and not options.corpus:
        fail("--index compares documents in the corpus phase, which --no-corpus turns off")
    if options.output_dir and not options.fixing:
        fail("--output-dir only makes sense with --fix or --fix-only")
    if engine == "spark" and options.fixing:
        fail("--engine spark only lints: --fix, --diff and --fix-only need the local engine")
    if engine == "spark" and options.index:
        fail("--engine spark does not read an index: --index needs the local engine")


def _lint(
    settings: Settings,
    options: CheckOptions,
    targets: list[str],
    output: str | None,
    to_stderr: bool,
    quiet: bool,
    statistics: bool,
    engine: str,
    spark_master: str | None,
) -> tuple[RunResult, CheckRun]:
    """The run itself: its report written as it goes (to ``output``, stdout or stderr), the
    progress bars drawn around it; its result, and the run."""
    stdout = sys.stdout
    diff, fix_only = options.diff, options.fix_only
    with report_stream(output, to_stderr) as (stream, color):
        fmt = settings.output_format
        writer = StreamWriter(fmt, stream, color, quiet, stats=statistics)
        bars = Progress.for_terminal(quiet)
        try:
            # --diff reports only counts; --fix-only reports nothing but the summary.
            # (what goes to the terminal clears the bar first; a report to a file need not)
            # (the writer holds a document's lines until the run flushes it: the write is
            # what clears and redraws the bars)
            sink = (lambda d: None) if (diff or fix_only) else writer.write
            flush = writer.when_full = functools.partial(bars.around(writer.flush, stream), None)

            def report_and_annotate(e: InputError) -> None:  # GitHub: on stderr and as an annotation
                report_error(e)
                writer.error(e)

            on_error = report_error if fmt != "github" else report_and_annotate

            def emit_bytes(data: bytes) -> None:
                write_bytes(stdout, data)

            run = CheckRun(
                settings,
                options,
                bars.around(stdout.write, stdout),
                bars.around(on_error),
                sink,
                bars.around(report_warning),
                emit_bytes=bars.around(emit_bytes, stdout),
                flush=flush,
                writer=None if (diff or fix_only) else writer,
            )
            writer.unsafe_fixes = run.policy.unsafe
            if run.signatures is not None:
                run.signatures.progress = bars.corpus_step
            with interrupt_on_sigterm(options.output_dir is not None and options.fixing) as stopped:
                run.stopped = stopped
                try:
                    if (
                        engine == "spark"
                    ):  # (lintnews.spark.cli: the same run, its documents analysed by Spark)
                        from lintnews.spark.cli import run_spark

                        result = run_spark(run, targets, spark_master)
                    else:
                        with collecting_less():
                            result = run.run(targets, lambda items: bars.documents(items, targets, settings))
                finally:
                    bars.close()
            report = Report(
                [],
                result.errors,
                result.documents,
                fixed=result.fixed,
                tally=result.tally,
                unreadable=result.unreadable,
            )
            report.stats = result.stats
            report.summaries = result.summaries
            if not diff:
                writer.close(report)
        except BaseException as exc:
            if not isinstance(exc, BrokenPipeError):
                writer.abort()  # a run that stops still leaves valid JSON on stdout
            raise
    return result, run


def _finish(
    result: RunResult,
    run: CheckRun,
    settings: Settings,
    options: CheckOptions,
    quiet: bool,
    statistics: bool,
    exit_zero: bool,
    report_elsewhere: bool,
) -> None:
    """After the run: the --diff summary, the gate's notes and the statistics on stderr (or
    stdout, beside a text report there), and the exit code."""
    if options.diff:
        failing = sum(n for sev, n in result.tally.by_severity.items() if sev >= run.threshold)
        fixed, found = result.fixed, result.tally.total
        # (a fix can leave a diagnostic behind that the next round fixes: two lines removed one
        # after the other leave the blank line between them at the end, F004's)
        would = (
            f"Would fix {fixed} of {found} diagnostics"
            if fixed <= found
            else f"Would fix {fixed} diagnostics ({found} found, and what their fixes left)"
        )
        click.echo(
            f"{would}; {failing} at or above {settings.fail_on} are still in the files (nothing written).",
            err=True,
        )
    notes = gate_notes(result, options)
    if notes and not quiet:
        click.echo(notes, err=report_elsewhere or settings.output_format not in ("text", "full"))
    # (only when asked for: the html format keeps statistics for its page)
    if (
        result.stats is not None
        and statistics
        and (options.diff or settings.output_format not in StreamWriter.WITH_STATISTICS)
    ):
        click.echo(format_statistics(result.stats), err=True)  # sarif, github, junit, gitlab: no place for it
    sys.stdout.flush()  # a closed pipe is noticed here, not in the interpreter's last flush
    # Inputs that could not be read fail the run (exit 2) unless --exit-zero, as ruff's per-file
    # errors do; a fix or an output that could not be written always does.
    if result.errors and (not exit_zero or len(result.errors) > result.unreadable):
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FOUND if run.failed(exit_zero) else EXIT_OK)
