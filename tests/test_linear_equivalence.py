"""The linear algorithms that replaced quadratic ones give exactly what the simple ones gave:
pull-quote containers (D001) found by search and by one Aho-Corasick pass, and the fixes
`apply_edits` accepts, checked against every accepted edit one by one."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from lintnews.rules.duplication.keys import _containers, _containers_scan

from lintnews.diagnostics import Edit, Fix
from lintnews.fixes import _overlaps, apply_edits
from lintnews.fixes.apply import fix_order

WORDS = st.sampled_from(["a", "b", "c", "ab"])
KEY = st.lists(WORDS, min_size=1, max_size=7).map(" ".join)


def containers_by_hand(keys: list[str], needles: list[str]) -> dict[str, int]:
    """The first key that holds each needle as a run of whole words and is longer."""
    found = {}
    for needle in needles:
        for j, key in enumerate(keys):
            if f" {needle} " in f" {key} " and len(key) > len(needle):
                found[needle] = j
                break
    return found


@given(st.lists(KEY, min_size=1, max_size=14), st.data())
@settings(max_examples=400, deadline=None)
def test_pull_quote_containers_are_the_same_by_search_and_by_one_pass(
    keys: list[str], data: st.DataObject
) -> None:
    needles = list(dict.fromkeys(data.draw(st.lists(st.sampled_from(keys), min_size=1, max_size=6))))
    expected = containers_by_hand(keys, needles)
    assert _containers(keys, needles) == expected  # (few needles: searched one by one)
    assert _containers(keys, needles, budget=0) == expected  # (over budget: one pass)
    assert _containers_scan(keys, needles) == expected


def apply_by_hand(text: str, fixes: list[Fix]) -> tuple[str, int]:
    """`apply_edits` by hand: each fix (in `fix_order`) checked against every accepted edit."""
    accepted: list[Edit] = []
    applied = 0
    for fix in sorted(fixes, key=fix_order):
        edits = sorted(fix.edits, key=lambda e: e.start)
        if any(_overlaps(e, a) for e in edits for a in accepted):
            continue
        accepted.extend(edits)
        applied += 1
    accepted.sort(key=lambda e: e.start)
    out, pos = [], 0
    for e in accepted:
        out += [text[pos : e.start], e.replacement]
        pos = e.end
    return "".join(out) + text[pos:], applied


EDIT = st.tuples(st.integers(0, 30), st.sampled_from([0, 0, 1, 2, 5]), st.sampled_from(["", "x", " "]))


@given(st.text("abc\n", max_size=30), st.lists(st.lists(EDIT, max_size=3), max_size=8))
@settings(max_examples=600, deadline=None)
def test_applied_fixes_are_those_checked_against_every_accepted_edit(
    text: str, raw: list[list[tuple[int, int, str]]]
) -> None:
    n = len(text)
    fixes = [Fix("f", tuple(Edit(min(a, n), min(a + w, n), r) for a, w, r in edits)) for edits in raw]
    assert apply_edits(text, fixes) == apply_by_hand(text, fixes)
