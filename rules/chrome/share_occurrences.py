"""Where the strings a `share_runs.ShareScreen` looks for occur in a run of buttons joined
(`Occurrences`), and whether they leave any stretch of the run a chance (`may_start`): B005's
`share_runs._find_stretches` reads both before it tries a stretch."""

from __future__ import annotations

import bisect
import itertools
from functools import cached_property
from typing import TYPE_CHECKING

import ahocorasick

if TYPE_CHECKING:
    from .share_runs import ShareScreen


def may_start(texts: tuple[str, ...], screen: ShareScreen, occurs: Occurrences) -> bool:
    """Whether a stretch of ``texts`` may be a literal line or match a pattern of known first
    character, by what `share_runs._find_stretches` asks of each start, asked of the whole run at once: a
    literal line starts with one of the `heads`, and a pattern filed under a first character
    needs one of its strings (`first_needs`) somewhere in the run. (The last line starts no
    stretch of two.)"""
    starts = texts[:-1]
    if not screen.heads.isdisjoint(starts):
        return True
    compiled, first_needs = screen.union.compiled, screen.first_needs
    for char in {t[0] for t in starts}:
        if char in compiled:
            needs = first_needs[char]
            if needs is None or occurs.any(needs):
                return True
    return False


class Occurrences:
    """Where the strings a `ShareScreen` looks for occur in a run of buttons joined (``whole``),
    found with one pass of its automaton: which strings occur (`any`), and which stretches
    hold one of some of them (`first_stop`)."""

    def __init__(self, whole: str, automaton: ahocorasick.Automaton | None) -> None:
        #: (end, string) of each occurrence in ``whole``, as the automaton finds them.
        self._hits: list[tuple[int, str]] = list(automaton.iter(whole)) if automaton is not None else []
        self.strings = {n for _, n in self._hits}
        self._by_needs: dict[frozenset[str], tuple[list[int], list[int]]] = {}

    @cached_property
    def found(self) -> list[tuple[int, int, str]]:
        """(start, end) of each occurrence in ``whole``, and the string, by start (sorted only
        for a run that the screen does not turn down at once: `may_start`)."""
        return sorted((end + 1 - len(n), end + 1, n) for end, n in self._hits)

    def any(self, needs: frozenset[str]) -> bool:
        return not needs.isdisjoint(self.strings)

    def first_stop(self, ends: list[int], start: int, needs: frozenset[str] | None) -> int:
        """The first stop from ``start`` whose stretch holds one of ``needs`` (all stretches of
        two lines or more when None): the stop that reaches the end of the earliest ending one
        that starts in the stretch (past the last stop when there is none), ``ends`` being
        where each line starts in ``whole``."""
        if needs is None:
            return start + 2
        got = self._by_needs.get(needs)
        if got is None:
            # the starts of the occurrences of ``needs``, and the earliest end from each on
            found = [(b, e) for b, e, n in self.found if n in needs]
            earliest = list(itertools.accumulate(reversed([e for _, e in found]), min))[::-1]
            got = self._by_needs[needs] = ([b for b, _ in found], earliest)
        begins, earliest = got
        k = bisect.bisect_left(begins, ends[start])
        if k == len(begins):
            return len(ends)
        return max(bisect.bisect_left(ends, earliest[k] + 1), start + 2)
