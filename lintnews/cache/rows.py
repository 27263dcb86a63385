"""A document's diagnostics as rows: what a unit entry (`lintnews.cache.units`) holds of each
diagnostic, without the fields it shares with its document, every field checked when read.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from lintnews.cache.entries import _MAX, ARRAY, _Invalid, _rare
from lintnews.diagnostics import SEVERITY_BY_NUMBER, Brief, Diagnostic, Edit, Fix
from lintnews.registry import rule_names

# --- a document's diagnostics: rows without what they share with their document ---------------
#
# A unit entry holds its document's path, record, record line and score once (see
# `lintnews.cache.units`); every diagnostic of the document has the same ones, and the rule's
# name is the registry's name for its code (the full form above checks it equal anyway). So a
# row is ``[line, column, end_line, end_column, code, severity, message, snippet]`` plus, only
# when one of them is set, a ninth element: the rare fields in `_rare`'s order. A cached re-run
# decodes every row (a quarter of a million on the 200 MB crawl corpus): 8 fields checked
# instead of 20, and a fifth less to unpack.
#
# Most findings (99 % of the 200 MB crawl corpus's) carry a fix of one edit, whose source region
# and replaced text are there too, and nothing else rare: such a row is flat, the 8 fields then
# ``title, safe, start, end, replacement, line, column, end_line, end_column, replaced`` (the
# region's text is the edit's replacement, stored once). It stands for the 9-field row with
# ``[[title, safe, [[start, end, replacement]]], [], [[line, column, end_line, end_column,
# replacement]], None, [replaced], None, None]`` and is checked as that row would be (tested),
# without unpacking and walking seven nested lists.


def fits_row(d: Diagnostic, path: str, record: str | None, record_line: int | None, score: int) -> bool:
    """Whether `_row` gives ``d`` back from its `_row_data` in a document with these fields."""
    return (
        d.path == path
        and d.record == record
        and d.record_line == record_line
        and d.document_score == score
        and rule_names().get(d.code) == d.name
    )


def _row_data(d: Diagnostic) -> list[Any]:
    row: list[Any] = [
        d.line,
        d.column,
        d.end_line,
        d.end_column,
        d.code,
        int(d.severity),
        d.message,
        d.snippet,
    ]
    fix = d.fix
    if _one_edit(d):
        assert fix is not None
        (edit,), ((line, column, end_line, end_column, _),) = fix.edits, d.fix_edits
        row += [
            fix.title, fix.safe, edit.start, edit.end, edit.replacement, line, column, end_line, end_column,
            d.fix_replaced[0],
        ]  # fmt: skip
    elif (
        fix is not None
        or d.related
        or d.fix_edits
        or d.fix_replaced
        or d.region_text is not None
        or d.similarity is not None
        or d.kept is not None
    ):
        row.append([
            None if fix is None else [fix.title, fix.safe, [[e.start, e.end, e.replacement] for e in fix.edits]],
            [[r.path, r.record, r.line, r.column] for r in d.related], [list(e) for e in d.fix_edits],
            d.region_text, list(d.fix_replaced), d.similarity,
            None if d.kept is None else [d.kept.path, d.kept.record, d.kept.line, d.kept.column],
        ])  # fmt: skip
    return row


def _one_edit(d: Diagnostic) -> bool:
    """Whether ``d``'s row is the flat form: a fix of one edit with its region and replaced text
    (the region's text the edit's replacement), and no other rare field."""
    fix = d.fix
    return (
        fix is not None
        and len(fix.edits) == 1
        and len(d.fix_edits) == 1
        and len(d.fix_replaced) == 1
        and d.fix_edits[0][4] == fix.edits[0].replacement
        and not d.related
        and d.region_text is None
        and d.similarity is None
        and d.kept is None
    )


def _row(
    v: Any, path: str, record: str | None, record_line: int | None, score: int, names: Mapping[str, str]
) -> Diagnostic:
    """The diagnostic of one row (`_rows`)."""
    return _rows((v,), path, record, record_line, score, names)[0]


def _rows(
    rows: Iterable[Any],
    path: str,
    record: str | None,
    record_line: int | None,
    score: int,
    names: Mapping[str, str],
) -> list[Diagnostic]:
    """The diagnostics of a document's rows, in a document with these fields (``names``:
    `rule_names`), every field checked (`_Invalid` otherwise); what it accepts of a row is what
    `_diagnostic` accepts of the full form (tested). One loop a document rather than a call a
    row: a cached re-run decodes a quarter of a million rows."""
    found: list[Diagnostic] = _decode(rows, path, record, record_line, score, names, False)
    return found


def briefs(
    rows: Iterable[Any],
    path: str,
    record: str | None,
    record_line: int | None,
    score: int,
    names: Mapping[str, str],
) -> list[Brief]:
    """What a one-line report shows of the diagnostics of a document's rows (`Brief`), every
    field checked as `_rows` checks it (the rows it accepts are the same), no diagnostic made:
    a re-run that only reports them spent half its time making and freeing them."""
    found: list[Brief] = _decode(rows, path, record, record_line, score, names, True)
    return found


def _decode(
    rows: Iterable[Any],
    path: str,
    record: str | None,
    record_line: int | None,
    score: int,
    names: Mapping[str, str],
    brief: bool,
) -> list[Any]:
    """`_rows`, or with ``brief`` `briefs`: the same checks, and then each row made into a
    `Diagnostic` or a `Brief`."""
    out: list[Any] = []
    append = out.append
    for v in rows:
        if type(v) not in ARRAY:
            raise _Invalid
        n = len(v)
        if n == 18:
            (line, column, end_line, end_column, code, severity, message, snippet,
             title, safe, start, end, replacement, e_line, e_column, e_end_line, e_end_column, replaced) = v  # fmt: skip
            extra = None
        elif n == 8:
            line, column, end_line, end_column, code, severity, message, snippet = v
            extra = None
        elif n == 9:
            line, column, end_line, end_column, code, severity, message, snippet, extra = v
            if type(extra) not in ARRAY or len(extra) != 7:
                raise _Invalid
        else:
            raise _Invalid
        if not (
            type(line) is int
            and type(column) is int
            and type(end_line) is int
            and type(end_column) is int
            and 1 <= line <= end_line <= _MAX
            and 1 <= column <= _MAX
            and 1 <= end_column <= _MAX
            and type(code) is str
            and (name := names.get(code)) is not None
            and type(severity) is int
            and 1 <= severity <= 3
            and type(message) is str
            and type(snippet) is str
        ):
            raise _Invalid
        sev = SEVERITY_BY_NUMBER[severity]  # (1..3: checked above)
        if n == 18:
            if not (
                type(title) is str
                and type(safe) is bool
                and type(start) is int
                and type(end) is int
                and 0 <= start <= end <= _MAX
                and type(replacement) is str
                and type(e_line) is int
                and type(e_column) is int
                and type(e_end_line) is int
                and type(e_end_column) is int
                and 1 <= e_line <= _MAX
                and 1 <= e_column <= _MAX
                and 1 <= e_end_line <= _MAX
                and 1 <= e_end_column <= _MAX
                and type(replaced) is str
            ):
                raise _Invalid
            if brief:
                append((line, column, code, sev, message, safe))
                continue
            append(Diagnostic(
                path, record, line, column, end_line, end_column, code, name, sev, message,
                Fix(title, (Edit(start, end, replacement),), safe), [], record_line, snippet, score,
                ((e_line, e_column, e_end_line, e_end_column, replacement),), None, (replaced,),
            ))  # fmt: skip
        elif extra is None:
            append((line, column, code, sev, message, None) if brief else Diagnostic(
                path, record, line, column, end_line, end_column, code, name, sev, message, None, [],
                record_line, snippet, score,
            ))  # fmt: skip
        else:
            fix, related, edits_at, region_text, replaced, similarity, kept = _rare(
                extra[0], extra[1], extra[2], extra[3], extra[4], extra[5], extra[6], brief
            )
            if brief:
                append((line, column, code, sev, message, fix))
                continue
            append(Diagnostic(
                path, record, line, column, end_line, end_column, code, name, sev, message, fix, related,
                record_line, snippet, score, edits_at, region_text, replaced, similarity, kept,
            ))  # fmt: skip
    return out
