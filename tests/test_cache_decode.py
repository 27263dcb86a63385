"""The cache's diagnostic decoder (`lintnews.cache.entries._diagnostic`) checks every field inline
for speed (a cached re-run decodes a quarter of a million diagnostics on the 200 MB crawl
corpus). It must accept exactly what the field-by-field definition below accepts (the decoder as
it was written first, with the `_int`/`_str`/`_list` helpers) and give the same diagnostic:
checked here on real and crafted entries with every field, and every nested field, replaced by
values of every msgpack type and boundary.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import mutation
import pytest

from lintnews.cache.entries import (
    _MAX,
    _bool,
    _diagnostic,
    _diagnostic_data,
    _fraction,
    _int,
    _Invalid,
    _list,
    _opt_int,
    _opt_str,
    _str,
)
from lintnews.cache.rows import _row, _row_data, briefs, fits_row
from lintnews.diagnostics import Brief, Diagnostic, Edit, Fix, Location, Severity
from lintnews.registry import all_rules, rule_names


def reference(v: Any) -> Diagnostic:
    """The definition: every field through the checking helpers."""
    f = _list(v, 20)
    line, column, end_line, end_column = _int(f[2], 1), _int(f[3], 1), _int(f[4], 1), _int(f[5], 1)
    if end_line < line:
        raise _Invalid
    code, name = _str(f[6]), _str(f[7])
    rule = all_rules().get(code)
    if rule is None or rule.name != name:
        raise _Invalid
    fix = None
    if f[10] is not None:
        title, safe, edits = _list(f[10], 3)
        parts = []
        for e in _list(edits):
            start, end, replacement = _list(e, 3)
            parts.append(Edit(_int(start), _int(end, _int(start)), _str(replacement)))
        fix = Fix(_str(title), tuple(parts), _bool(safe))
    related = []
    for r in _list(f[11]):
        path, record, r_line, r_column = _list(r, 4)
        related.append(Location(_str(path), _opt_str(record), _int(r_line, 1), _int(r_column, 1)))
    fix_edits = []
    for e in _list(f[15]):
        a, b, c, d, text = _list(e, 5)
        fix_edits.append((_int(a, 1), _int(b, 1), _int(c, 1), _int(d, 1), _str(text)))
    fix_replaced = tuple(_str(t) for t in _list(f[17], len(fix_edits)))
    similarity = None if f[18] is None else _fraction(f[18])
    kept = None
    if f[19] is not None:
        k_path, k_record, k_line, k_column = _list(f[19], 4)
        kept = Location(_str(k_path), _opt_str(k_record), _int(k_line, 1), _int(k_column, 1))
    return Diagnostic(
        path=_str(f[0]),
        record=_opt_str(f[1]),
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        code=code,
        name=name,
        severity=Severity(_int(f[8], 1, 3)),
        message=_str(f[9]),
        fix=fix,
        related=related,
        record_line=_opt_int(f[12], 1),
        snippet=_str(f[13]),
        document_score=_opt_int(f[14], 0, 100),
        fix_edits=tuple(fix_edits),
        region_text=_opt_str(f[16]),
        fix_replaced=fix_replaced,
        similarity=similarity,
        kept=kept,
    )


def outcome(decode: Any, v: Any) -> Any:
    try:
        d = decode(v)
    except _Invalid:
        return "invalid"
    except Exception as exc:  # noqa: BLE001 - the decoder must raise _Invalid only
        return f"raised {type(exc).__name__}"
    return (d, type(d.severity), [type(r) for r in d.related], type(d.fix_edits), type(d.fix_replaced))


#: Values of every type msgpack gives back, at the helpers' boundaries.
POOL: list[Any] = [
    None, True, False, 0, 1, 2, 3, 4, 100, 101, -1, _MAX, _MAX + 1, 0.0, 0.5, 1.0, 1.5, -0.5,
    float("nan"), "", "x", "B001", b"x", [], [1], [None], [[]], ["a", "b"],
]  # fmt: skip


def samples() -> list[list[Any]]:
    rules = all_rules()
    code = next(iter(rules))
    n_code = next(c for c in rules if c.startswith("N"))
    plain = Diagnostic("a.jsonl", "r1", 3, 2, 4, 7, code, rules[code].name, Severity.WARNING, "msg",
                       record_line=5, snippet="snip", document_score=80)  # fmt: skip
    full = Diagnostic(
        "a.txt", None, 1, 1, 1, 9, code, rules[code].name, Severity.ERROR, "m",
        fix=Fix("title", (Edit(0, 4, "new"), Edit(5, 5)), safe=False),
        related=[Location("b.txt", None, 2, 3), Location("c.jsonl", "r2", 1, 1)],
        snippet="s", document_score=0, fix_edits=((1, 1, 1, 5, "new"), (1, 6, 1, 6, "")),
        region_text="region", fix_replaced=("old ", ""),
    )  # fmt: skip
    corpus = Diagnostic("a.jsonl", "r9", 1, 1, 2, 1, n_code, rules[n_code].name, Severity.INFO, "copy",
                        record_line=9, similarity=0.875, kept=Location("a.jsonl", "r1", 1, 1))  # fmt: skip
    return [_diagnostic_data(d) for d in (plain, full, corpus)]


def mutations(data: list[Any]) -> list[Any]:
    """`mutation.mutations` of ``data`` with `POOL`."""
    return mutation.mutations(data, POOL, 19)


@pytest.mark.parametrize("which", [0, 1, 2], ids=["plain", "full", "corpus"])
def test_the_fast_decoder_accepts_exactly_what_the_definition_does(which: int) -> None:
    data = samples()[which]
    cases = mutations(data)
    assert len(cases) > 500
    accepted = 0
    for case in cases:
        want = outcome(reference, case)
        got = outcome(_diagnostic, case)
        assert got == want, case
        accepted += want != "invalid"
        read = mutation.as_read(case)  # (arrays as tuples, as the cache reads them)
        assert outcome(_diagnostic, read) == outcome(reference, read), case
    # Both kinds occur: the unchanged entry (and many harmless changes) decode, most do not.
    assert outcome(_diagnostic, data) != "invalid"
    assert outcome(_diagnostic, mutation.as_read(data)) == outcome(_diagnostic, data)
    assert 0 < accepted < len(cases)


def corpus_brief_outcome(v: Any) -> Any:
    try:
        return _diagnostic(v, True)
    except _Invalid:
        return "invalid"
    except Exception as exc:  # noqa: BLE001 - the decoder must raise _Invalid only
        return f"raised {type(exc).__name__}"


@pytest.mark.parametrize("which", [0, 1, 2], ids=["plain", "full", "corpus"])
def test_the_brief_decoder_accepts_exactly_what_the_full_one_does_and_shows_the_same(which: int) -> None:
    """What a one-line report shows of a corpus finding (`load_corpus` with ``brief``): the
    same checks, and the fields its line shows of the diagnostic the full decoder makes."""
    data = samples()[which]
    accepted = 0
    for case in [data, *mutations(data)]:
        for v in (case, mutation.as_read(case)):
            want = outcome(reference, v)
            if want == "invalid":
                assert corpus_brief_outcome(v) == "invalid", v
                continue
            accepted += 1
            d = want[0]
            safe = None if d.fix is None else d.fix.safe
            assert corpus_brief_outcome(v) == (
                d.path,
                d.record,
                (d.line, d.column, d.code, d.severity, d.message, safe),
            )
    assert accepted > 1


def test_a_wrong_rule_name_or_unknown_code_is_invalid() -> None:
    data = samples()[0]
    assert outcome(_diagnostic, [*data[:7], "not-the-name", *data[8:]]) == "invalid"
    assert outcome(_diagnostic, [*data[:6], "Z999", *data[7:]]) == "invalid"
    assert rule_names() == {c: r.name for c, r in all_rules().items()}


# --- rows: a document's diagnostics without what they share with it (`_row`, `_row_data`) -----

#: The document fields a unit entry holds once, beside its rows.
DOC = ("a.jsonl", "r1", 5, 80)


def row_reference(v: Any, path: str, record: str | None, record_line: int | None, score: int) -> Diagnostic:
    """The definition of a row: the full form with the document's fields and the rule's name
    filled in, through `reference`."""
    row = _list(v)
    if len(row) == 18:  # the flat form of a one-edit fix: what it stands for
        title, safe, start, end, replacement, a, b, c, d, replaced = row[8:]
        row = [*row[:8], [[title, safe, [[start, end, replacement]]], [], [[a, b, c, d, replacement]], None, [replaced], None, None]]  # fmt: skip
    if len(row) not in (8, 9):
        raise _Invalid
    line, column, end_line, end_column, code, severity, message, snippet = row[:8]
    extra = _list(row[8], 7) if len(row) == 9 else [None, [], [], None, [], None, None]
    fix, related, fix_edits, region_text, fix_replaced, similarity, kept = extra
    name = rule_names().get(code) if isinstance(code, str) else None
    if name is None:
        raise _Invalid
    return reference([
        path, record, line, column, end_line, end_column, code, name, severity, message, fix, related,
        record_line, snippet, score, fix_edits, region_text, fix_replaced, similarity, kept,
    ])  # fmt: skip


def row_samples() -> list[list[Any]]:
    """The samples of the full form as rows of a document with the `DOC` fields."""
    path, record, record_line, score = DOC
    out = []
    for data in samples():
        d = reference(data)
        d = replace(d, path=path, record=record, record_line=record_line, document_score=score)
        assert fits_row(d, *DOC)
        out.append(_row_data(d))
    return out


def brief_of(d: Diagnostic) -> Brief:
    """What a one-line report shows of ``d`` (the definition of a `Brief`)."""
    return (d.line, d.column, d.code, d.severity, d.message, None if d.fix is None else d.fix.safe)


def brief_outcome(v: Any) -> Any:
    """What `briefs` makes of the row ``v`` (and the type of its severity), as `outcome`."""
    try:
        (b,) = briefs((v,), *DOC, rule_names())
    except _Invalid:
        return "invalid"
    except Exception as exc:  # noqa: BLE001 - the decoder must raise _Invalid only
        return f"raised {type(exc).__name__}"
    return b, type(b[3])


def assert_row_decoder_agrees(data: list[Any]) -> None:
    """`_row` accepts exactly the `mutations` of ``data`` that `row_reference` does, with the
    same result, and both kinds occur; `briefs` accepts the same rows, each as its diagnostic's
    `brief_of`."""
    names = rule_names()

    def decode(v: Any) -> Diagnostic:
        return _row(v, *DOC, names)

    def define(v: Any) -> Diagnostic:
        return row_reference(v, *DOC)

    def define_brief(v: Any) -> Any:
        try:
            d = define(v)
        except _Invalid:
            return "invalid"
        return brief_of(d), Severity

    cases = mutations(data)
    accepted = 0
    for case in cases:
        want = outcome(define, case)
        got = outcome(decode, case)
        assert got == want, case
        accepted += want != "invalid"
        read = mutation.as_read(case)  # (arrays as tuples, as the cache reads them)
        assert outcome(decode, read) == outcome(define, read), case
        assert brief_outcome(case) == define_brief(case) == brief_outcome(read), case
    assert 0 < accepted < len(cases)


@pytest.mark.parametrize("which", [0, 1, 2], ids=["plain", "full", "corpus"])
def test_the_row_decoder_accepts_exactly_what_the_definition_does(which: int) -> None:
    data = row_samples()[which]
    assert len(data) == (8 if which == 0 else 9)  # (only a diagnostic with a rare field has the ninth)
    assert_row_decoder_agrees(data)


def one_edit_sample() -> Diagnostic:
    """A finding as most are: a fix of one edit, its region and the text it replaces."""
    rules = all_rules()
    code = next(iter(rules))
    path, record, record_line, score = DOC
    return Diagnostic(
        path, record, 4, 1, 4, 12, code, rules[code].name, Severity.WARNING, "Remove it", snippet="6 Comments",
        fix=Fix('Remove the line "6 Comments"', (Edit(4241, 4252, ""),), safe=True), record_line=record_line,
        document_score=score, fix_edits=((4, 1, 5, 1, ""),), fix_replaced=("6 Comments\n",),
    )  # fmt: skip


def test_a_one_edit_fix_is_a_flat_row_that_decodes_as_the_nested_one_would() -> None:
    d = one_edit_sample()
    data = _row_data(d)
    assert len(data) == 18 and not any(isinstance(x, list) for x in data)
    assert _row(data, *DOC, rule_names()) == d == _row(mutation.as_read(data), *DOC, rule_names())
    assert_row_decoder_agrees(data)


def test_only_a_lone_edit_with_its_own_region_text_is_flat() -> None:
    """Anything beyond one edit whose region's text is its replacement keeps the nested row
    (a region with other text could not be given back from the flat one)."""
    d = one_edit_sample()
    others = [
        replace(d, fix_edits=((4, 1, 5, 1, "other"),)),
        replace(d, fix=Fix("two", (Edit(1, 2), Edit(3, 4)), True), fix_edits=d.fix_edits * 2, fix_replaced=("a", "b")),
        replace(d, fix_edits=(), fix_replaced=()),
        replace(d, related=[Location("b.txt", None, 1, 1)]),
        replace(d, region_text="region"),
    ]  # fmt: skip
    for other in others:
        data = _row_data(other)
        assert len(data) == 9
        assert _row(data, *DOC, rule_names()) == other


def test_a_row_gives_back_the_diagnostic() -> None:
    for data in samples():
        d = reference(data)
        d = replace(d, path="x.txt", record=None, record_line=None, document_score=7)
        assert _row(_row_data(d), "x.txt", None, None, 7, rule_names()) == d
        assert _row(mutation.as_read(_row_data(d)), "x.txt", None, None, 7, rule_names()) == d


def test_only_diagnostics_that_share_their_documents_fields_fit_a_row() -> None:
    d = reference(samples()[0])
    assert fits_row(d, "a.jsonl", "r1", 5, 80)
    assert not fits_row(d, "a.jsonl", "r1", 5, 79)  # another score
    assert not fits_row(d, "b.jsonl", "r1", 5, 80)
    assert not fits_row(d, "a.jsonl", "r2", 5, 80)
    assert not fits_row(d, "a.jsonl", "r1", 6, 80)
    renamed = replace(d, name="another-name")
    assert not fits_row(renamed, "a.jsonl", "r1", 5, 80)


def test_an_entry_of_the_previous_layout_is_a_miss() -> None:
    """Format 4 held every diagnostic in the full form: such an entry (a cache written before
    rows) is a miss, under its own format number and under this one. Format 6 held a unit's
    signatures in its results entry (None without them), format 7 says whether they were stored
    (False here): an entry of format 6 is a miss too."""
    import msgpack

    from lintnews.cache import FORMAT, MAGIC, load_unit

    d = replace(reference(samples()[0]), path="x.txt", record=None, record_line=None, document_score=7)
    full, row = [_diagnostic_data(d)], [_row_data(d)]
    for fmt, rows, signed in ((4, full, None), (FORMAT, full, False), (6, row, None), (FORMAT, row, None), (FORMAT, row, False)):  # fmt: skip
        blob = msgpack.packb(
            [MAGIC, fmt, "unit", [[["a", "x.txt", None, None, 7, rows]], signed]], use_bin_type=True
        )
        found = load_unit(blob, "x.txt", None, None)
        if fmt == FORMAT and len(rows[0]) < 20 and signed is False:  # (the current layout, for contrast)
            assert found is not None and [getattr(a, "diagnostics", None) for a in found] == [[d]]
        else:
            assert found is None


def test_the_corpus_entry_is_decoded_with_the_collector_paused_and_left_as_found() -> None:
    import gc

    from lintnews.cache import dump_corpus, load_corpus
    from lintnews.cache.entries import collector_paused

    corpus = reference(samples()[2])
    blob = dump_corpus([corpus] * 3)
    seen: list[bool] = []
    for enabled in (True, False):
        (gc.enable if enabled else gc.disable)()
        try:
            with collector_paused():
                seen.append(gc.isenabled())
            assert gc.isenabled() == enabled
            with pytest.raises(_Invalid), collector_paused():
                raise _Invalid
            assert gc.isenabled() == enabled
            assert load_corpus(blob) == [corpus] * 3
            shown = (corpus.line, corpus.column, corpus.code, corpus.severity, corpus.message, None)
            assert load_corpus(blob, brief=True) == [(corpus.path, corpus.record, shown)] * 3
            assert load_corpus(blob[:-1], brief=True) is None
            assert load_corpus(blob[:-1]) is None  # (a truncated entry: a miss)
            assert gc.isenabled() == enabled
        finally:
            gc.enable()
    assert seen == [False, False]
