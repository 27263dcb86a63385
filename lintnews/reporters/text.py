"""The human formats: ``text`` (ruff-concise, one line a diagnostic) and ``full`` (with source)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

import click

from lintnews.diagnostics import Diagnostic, Severity
from lintnews.reporters.base import Report, Tally, fix_applies, place_of, printable, reporter

_SEVERITY_COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}


def diagnostic_line(d: Diagnostic, color: bool, unsafe_fixes: bool = False, place: str | None = None) -> str:
    """``d``'s line in the ``text`` format; ``place``: `place_of` ``d``, when the caller has it."""
    where = place_of(d) if place is None else place
    return lines_at(where, [shown(d, unsafe_fixes)], color)[:-1]


#: What a diagnostic's line in the ``text`` format shows of it: its line and column, rule,
#: severity (the colour), whether ``--fix`` applies its fix (``[*]``) and message.
Shown = tuple[int, int, str, Severity, bool, str]


def shown(d: Diagnostic, unsafe_fixes: bool = False) -> Shown:
    """What ``d``'s line shows of it (`Shown`)."""
    return d.line, d.column, d.code, d.severity, fix_applies(d, unsafe_fixes), d.message


def lines_at(place: str, diagnostics: Iterable[Shown], color: bool) -> str:
    """The lines (each ended) in the ``text`` format of ``diagnostics`` at one `place_of` (a
    document's), given as what they show (`Shown`): a re-run answered from the result cache
    formats its findings from the cache's rows (`lintnews.reporters.formatted.DocumentFormat.
    format_briefs`), a quarter of a million on the 200 MB crawl corpus, making no diagnostic.
    Messages quote scraped text: `printable` (asked only of those `str.isprintable` refuses:
    a call a line was a tenth of a cached re-run's formatting)."""
    if not color:
        return "".join([
            f"{place}:{line}:{column}: {code}{' [*]' if fixable else ''} "
            f"{message if message.isprintable() else printable(message)}\n"
            for line, column, code, _, fixable, message in diagnostics
        ])  # fmt: skip
    return "".join([
        f"{click.style(f'{place}:{line}:{column}', bold=True)}: "
        f"{click.style(code, fg=_SEVERITY_COLOURS[severity], bold=True)}{' [*]' if fixable else ''} "
        f"{printable(message)}\n"
        for line, column, code, severity, fixable, message in diagnostics
    ])  # fmt: skip


def diagnostic_lines(diagnostics: Iterable[Diagnostic], color: bool, unsafe_fixes: bool = False) -> str:
    """The lines of a document's ``diagnostics`` (`diagnostic_line` each, its place worked out
    once for all that share it: every one but a corpus finding's)."""
    out = []
    where: tuple[str, str | None] | None = None
    place = ""
    group: list[Shown] = []
    for d in diagnostics:
        if where is None or d.path != where[0] or d.record != where[1]:
            if group:
                out.append(lines_at(place, group, color))
            where, place, group = (d.path, d.record), place_of(d), []
        group.append(shown(d, unsafe_fixes))
    if group:
        out.append(lines_at(place, group, color))
    return "".join(out)


def summary(report: Report) -> str:
    tally = report.tally if report.tally is not None else Tally.of(report.diagnostics)
    n = tally.total
    if n == 0:
        text = f"All checks passed ({report.documents} document{'s' if report.documents != 1 else ''})."
    else:
        by_sev = tally.by_severity
        parts = [f"{by_sev[s]} {s}" for s in (Severity.ERROR, Severity.WARNING, Severity.INFO) if by_sev[s]]
        docs = len(tally.affected)
        text = (
            f"Found {n} diagnostic{'s' if n != 1 else ''} ({', '.join(parts)}) in {docs} of "
            f"{report.documents} document{'s' if report.documents != 1 else ''}."
        )
        hidden = ""
        if tally.hidden_unsafe:
            es = "es" if tally.hidden_unsafe != 1 else ""
            hidden = f"{tally.hidden_unsafe} hidden fix{es} can be enabled with `--unsafe-fixes`"
        if tally.fixable:
            text += f"\n[*] {tally.fixable} fixable with `lintnews check --fix`" + (
                f" ({hidden})." if hidden else "."
            )
        elif hidden:
            text += f"\nNo fixes available ({hidden})."
    if report.fixed:
        text += f"\nFixed {report.fixed} diagnostic{'s' if report.fixed != 1 else ''}."
    if report.errors:
        n = len(report.errors)
        kind = "input error" if report.unreadable is None or report.unreadable == n else "error"
        text += f"\n{n} {kind}{'s' if n != 1 else ''} (see above)."
    return text


@reporter("text")
def write_text(report: Report, out: TextIO, color: bool) -> None:
    for d in report.diagnostics:
        out.write(diagnostic_line(d, color) + "\n")
    out.write(summary(report) + "\n")


def full_block(d: Diagnostic, color: bool, unsafe_fixes: bool = False) -> str:
    """One diagnostic in the ``full`` format: its line, the source lines, related places, fix."""
    out = [diagnostic_line(d, color, unsafe_fixes)]
    if d.snippet:
        lines = d.snippet.split("\n")
        width = len(str(d.line + len(lines) - 1))
        for i, text in enumerate(lines[:5]):
            shown = printable(text if len(text) <= 160 else text[:157] + "...")
            out.append(f"  {str(d.line + i).rjust(width)} | {shown}")
        if len(lines) > 5:
            out.append(f"  {' ' * width} | ... ({len(lines) - 5} more lines)")
    for r in d.related:
        where = r.path if r.record is None else f"{r.path}#{r.record}"
        out.append(f"  = related: {printable(where)}:{r.line}:{r.column}")
    if d.fix is not None:
        out.append(f"  = fix ({'safe' if d.fix.safe else 'unsafe'}): {printable(d.fix.title)}")
    return "\n".join(out) + "\n\n"


@reporter("full")
def write_full(report: Report, out: TextIO, color: bool) -> None:
    for d in report.diagnostics:
        out.write(full_block(d, color))
    out.write(summary(report) + "\n")
