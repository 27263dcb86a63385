"""Regular expressions that a backtracking engine (Python's `re`) may take exponential or high
polynomial time on: found from the pattern alone, before it meets any text.

Phrase packs hold users' patterns, matched against every candidate line of every document; a
pattern such as ``(a+)+b`` or ``(?:\\S+ ?){1,4}`` turns one unlucky line into seconds, minutes or
years of CPU time. `backtracking_risk` reads the pattern into a position automaton (Glushkov's
construction, keeping one edge per way of getting from one position to the next, as the
backtracking engine explores them) and looks, for each character that occurs in the pattern or
stands for a character class, at the positions that can read that character:

- a strongly connected set of such positions with two different cycles is a text that the
  engine can read in exponentially many ways (``(a+)+``, ``(a|aa)+``, ``(\\w+\\s?)*``):
  refused;
- a chain of three or more such loops (``.*.*.*``, ``(?:\\S+ ?){1,4}``, ``(?:a+){3}``) can read a
  run of the character in ~n³ ways or more; with lines of up to 300 characters that is seconds a
  line: refused. Two loops (``.*x.*``) cost ~n², which that length keeps cheap.

Possessive quantifiers and atomic groups (``a++``, ``(?>…)``, Python 3.11+) never backtrack into
what they matched, so they count as one step. Lookarounds are checked as patterns of their own.
The analysis looks at runs of one character, where such blow-ups happen in practice, and at
steps of a loop that can be taken two identical ways whatever the text (``(ab|ab)+``,
``(?:ab|a(?:b))+``: Python's parser turns the common prefix out, leaving two equal or empty
alternatives). Other ambiguity that needs a longer repeated word, where the two ways read
different positions of the pattern, is not seen.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

try:  # the regex parser of the standard library
    from re import _constants as _sre  # type: ignore[attr-defined]
    from re import _parser as _sre_parse  # type: ignore[attr-defined]  # private, 3.11+ (the stubs target 3.10)
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _sre  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

import re

#: Bounded repetitions up to this many copies are unrolled; larger bounds count as unbounded.
_UNROLL = 8
#: Loops in a chain from which a run of one character is read in ~n^(loops) ways: refused.
MAX_LOOP_CHAIN = 2
#: Characters tried besides those the pattern names: one of each usual class.
_SAMPLES = "aZ0_ \t\n.,-!'é€ßдΩ中٣\u00a0\u2028"

_POSSESSIVE = getattr(_sre, "POSSESSIVE_REPEAT", None)
_ATOMIC = getattr(_sre, "ATOMIC_GROUP", None)


@dataclass
class _Class:
    """The characters one position of the automaton reads: sre ``IN`` items (or one op)."""

    items: list[tuple[Any, Any]]
    negate: bool
    ignorecase: bool
    dotall: bool

    def contains(self, c: str) -> bool:
        chars = (
            {x for x in (c, c.lower(), c.upper(), c.casefold()) if len(x) == 1} if self.ignorecase else {c}
        )
        found = any(_item_has(op, av, ch, self.dotall) for op, av in self.items for ch in chars)
        return found != self.negate


def _item_has(op: Any, av: Any, c: str, dotall: bool) -> bool:
    if op is _sre.LITERAL:
        return ord(c) == av
    if op is _sre.NOT_LITERAL:
        return ord(c) != av
    if op is _sre.RANGE:
        return av[0] <= ord(c) <= av[1]
    if op is _sre.ANY:
        return dotall or c != "\n"
    if op is _sre.CATEGORY:
        return _CATEGORIES.get(av, lambda ch: True)(c)
    return True  # unknown: may hold anything


_CATEGORIES = {
    _sre.CATEGORY_DIGIT: lambda c: c.isdecimal(),
    _sre.CATEGORY_NOT_DIGIT: lambda c: not c.isdecimal(),
    _sre.CATEGORY_SPACE: lambda c: c.isspace(),
    _sre.CATEGORY_NOT_SPACE: lambda c: not c.isspace(),
    _sre.CATEGORY_WORD: lambda c: c.isalnum() or c == "_",
    _sre.CATEGORY_NOT_WORD: lambda c: not (c.isalnum() or c == "_"),
}


class _Automaton:
    """Positions (one per character-reading leaf, with unrolled copies) and the edges between
    them, one per path of the pattern (so ``(a+)+`` has two edges from its position to itself)."""

    def __init__(self) -> None:
        self.classes: list[_Class] = []
        self.edges: list[tuple[int, int]] = []
        self.lookarounds: list[Any] = []
        self.chars: set[str] = set()

    def leaf(self, cls: _Class) -> tuple[list[int], list[int], int]:
        self.classes.append(cls)
        p = len(self.classes) - 1
        return [p], [p], 0

    def build(self, items: Any, ignorecase: bool, dotall: bool) -> tuple[list[int], list[int], int]:
        """(first positions, last positions, ways of matching empty) of the parsed sequence
        ``items``. The ways count: ``(a|a)`` parses as ``a`` then a choice of two empty
        alternatives, two paths the engine backtracks through, so the positions before such a
        node reach the ones after it by as many edges."""
        first: list[int] = []
        last: list[int] = []
        empty = 1
        for op, av in items:
            f, la, n = self.node(op, av, ignorecase, dotall)
            self.edges.extend((a, b) for a in last for b in f)
            if empty:
                first = first + f
            last = la + last * int(n)
            empty *= int(n)
        return first, last, empty

    def node(self, op: Any, av: Any, ignorecase: bool, dotall: bool) -> tuple[list[int], list[int], int]:
        if op in (_sre.LITERAL, _sre.NOT_LITERAL, _sre.ANY):
            if op is not _sre.ANY:
                self.chars.add(chr(av))
            return self.leaf(_Class([(op, av)], False, ignorecase, dotall))
        if op is _sre.IN:
            return self.char_set(av, ignorecase, dotall)
        if op in (_sre.AT,):
            return [], [], 1
        if op in (_sre.ASSERT, _sre.ASSERT_NOT):
            self.lookarounds.append(av[1])
            return [], [], 1
        if op is _sre.BRANCH:
            return self.branches(av[1], ignorecase, dotall)
        if op is _sre.SUBPATTERN:
            add, remove = av[1], av[2]
            ic = (ignorecase or bool(add & re.IGNORECASE)) and not remove & re.IGNORECASE
            da = (dotall or bool(add & re.DOTALL)) and not remove & re.DOTALL
            return self.build(av[3], ic, da)
        if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
            return self.repeat(av[0], av[1], av[2], ignorecase, dotall)
        if op is _POSSESSIVE or op is _ATOMIC:
            return self.atomic(av[2] if op is _POSSESSIVE else av, ignorecase, dotall)
        if op is _sre.GROUPREF_EXISTS:  # (?(1)yes|no): either (an absent "no" matches empty)
            return self.branches((av[1], av[2] if av[2] is not None else ()), ignorecase, dotall)
        # a back-reference, or anything unknown: one position that may read anything
        return self.leaf(_Class([(_sre.ANY, None)], False, ignorecase, True))

    def char_set(self, av: Any, ignorecase: bool, dotall: bool) -> tuple[list[int], list[int], int]:
        """A ``[...]`` class: one position, its characters noted for the probes."""
        negate = bool(av) and av[0][0] is _sre.NEGATE
        items = [(o, a) for o, a in av if o is not _sre.NEGATE]
        for o, a in items:
            if o is _sre.LITERAL:
                self.chars.add(chr(a))
            elif o is _sre.RANGE:
                self.chars.update(chr(x) for x in (a[0], a[1], min(a[0] + 1, a[1])))
        return self.leaf(_Class(items, negate, ignorecase, dotall))

    def branches(self, alternatives: Any, ignorecase: bool, dotall: bool) -> tuple[list[int], list[int], int]:
        """``a|b|...``: the ends of every alternative."""
        first: list[int] = []
        last: list[int] = []
        empty = 0
        for branch in alternatives:
            f, la, n = self.build(branch, ignorecase, dotall)
            first, last, empty = first + f, last + la, empty + n
        return first, last, empty

    def atomic(self, body: Any, ignorecase: bool, dotall: bool) -> tuple[list[int], list[int], int]:
        """A possessive repeat or atomic group: never backtracked into, so one step, whatever it holds."""
        inner = _Automaton()
        inner.build(body, ignorecase, dotall)
        self.chars |= inner.chars
        self.lookarounds += inner.lookarounds
        return self.leaf(_Class([(_sre.ANY, None)], False, ignorecase, True))

    def repeat(
        self, lo: int, hi: int, body: Any, ignorecase: bool, dotall: bool
    ) -> tuple[list[int], list[int], int]:
        unbounded = hi is _sre.MAXREPEAT or hi > _UNROLL
        copies = max(min(lo, MAX_LOOP_CHAIN + 1), 1) if unbounded else hi
        if copies == 0:
            return [], [], 1
        first: list[int] = []
        last: list[int] = []
        nullable = True
        for k in range(copies):
            f, la, n = self.build(body, ignorecase, dotall)
            optional = k >= lo
            self.edges.extend((a, b) for a in last for b in f)
            if nullable:
                first = first + f
            last = la + last if (n or optional) else la
            nullable = nullable and bool(n or optional)
            if unbounded and k == copies - 1:
                self.edges.extend((a, b) for a in la for b in f)  # the loop back
        return first, last, int(nullable or lo == 0)


def group_reference(pattern: str) -> str | None:
    """Why ``pattern`` cannot be joined to other patterns in one regular expression (a group name,
    or a reference to a group by name or number), or None. The pattern must compile."""
    parsed = _sre_parse.parse(pattern)
    if parsed.state.groupdict:
        return "names a group"
    todo: list[Any] = [parsed]
    while todo:  # every item, group, branch, repeat and lookaround of the parse, at any depth
        item = todo.pop()
        if isinstance(item, (tuple, list, _sre_parse.SubPattern)):
            if len(item) == 2 and (item[0] is _sre.GROUPREF or item[0] is _sre.GROUPREF_EXISTS):
                return "refers to a group"
            todo.extend(item)
    return None


def backtracking_risk(pattern: str) -> str | None:
    """Why ``pattern`` may take exponential or ~n³ time in Python's backtracking engine, or
    None (see the module documentation). The pattern must compile."""
    return _risk(pattern)


@lru_cache(maxsize=4096)
def _risk(pattern: str) -> str | None:
    parsed = _sre_parse.parse(pattern)
    flags = parsed.state.flags
    return _check(list(parsed), bool(flags & re.IGNORECASE), bool(flags & re.DOTALL))


def _check(items: list[Any], ignorecase: bool, dotall: bool) -> str | None:
    auto = _Automaton()
    auto.build(items, ignorecase, dotall)
    for sub in auto.lookarounds:
        found = _check(list(sub), ignorecase, dotall)
        if found:
            return found
    n = len(auto.classes)
    if not n:
        return None
    # Whatever a run of one character keeps of the automaton is a part of it, and a part has no
    # more cycles or longer chains of loops than the whole: when the whole has none, neither has
    # any run.
    found = _runs(auto, n) if _unary(n, auto.edges) is not None else None
    if found is None and _same_path_twice(n, auto.edges):  # longer words, as in `(ab|ab)+`
        found = (
            "it can match the same text in exponentially many ways (a repetition with two "
            "identical paths through it, such as `(ab|ab)+` or `(a|a)*`)"
        )
    return found


def _runs(auto: _Automaton, n: int) -> str | None:
    """What a run of one character does: each character the pattern names or one of a class."""
    # Only positions on a path from a loop to a loop can matter; characters that keep the same
    # of those positions give the same answer, so each such set is looked at once.
    relevant = _between_loops(n, auto.edges)
    order = sorted(relevant)
    seen: set[tuple[bool, ...]] = set()
    for c in sorted(auto.chars | set(_SAMPLES)):
        mask = tuple(auto.classes[p].contains(c) for p in order)
        if mask in seen or not any(mask):
            continue
        seen.add(mask)
        live = dict(zip(order, mask))
        edges = [(a, b) for a, b in auto.edges if live.get(a) and live.get(b)]
        if not edges:
            continue
        found = _unary(n, edges)
        if found:
            return found.replace("{char}", repr(c))
    return None


def _same_path_twice(n: int, edges: list[tuple[int, int]]) -> bool:
    """Whether one step of a cycle can be taken two ways (an edge twice inside a strongly
    connected set): every time round, the engine may retry it, whatever the text."""
    adjacency: list[list[int]] = [[] for _ in range(n)]
    for a, b in edges:
        adjacency[a].append(b)
    comp = _components(n, adjacency)
    inner = [(a, b) for a, b in edges if comp[a] == comp[b]]
    return len(set(inner)) < len(inner)


def _between_loops(n: int, edges: list[tuple[int, int]]) -> set[int]:
    """The positions that lie in a cycle, or on a path from one cycle to another."""
    adjacency: list[list[int]] = [[] for _ in range(n)]
    reverse: list[list[int]] = [[] for _ in range(n)]
    for a, b in edges:
        adjacency[a].append(b)
        reverse[b].append(a)
    comp = _components(n, adjacency)
    size: dict[int, int] = {}
    for p in range(n):
        size[comp[p]] = size.get(comp[p], 0) + 1
    looping = {p for p in range(n) if size[comp[p]] > 1} | {a for a, b in edges if a == b}

    def reach(starts: set[int], graph: list[list[int]]) -> set[int]:
        found = set(starts)
        todo = list(starts)
        while todo:
            for q in graph[todo.pop()]:
                if q not in found:
                    found.add(q)
                    todo.append(q)
        return found

    return reach(looping, adjacency) & reach(looping, reverse)


def _unary(n: int, edges: list[tuple[int, int]]) -> str | None:
    """What a run of one character does to the restricted automaton ``edges`` (over positions
    ``0..n-1``): two cycles through one strongly connected set, or a chain of too many loops."""
    adjacency: list[list[int]] = [[] for _ in range(n)]
    for a, b in edges:
        adjacency[a].append(b)
    comp = _components(n, adjacency)
    size: dict[int, int] = {}
    inner: dict[int, int] = {}
    for p in range(n):
        size[comp[p]] = size.get(comp[p], 0) + 1
    for a, b in edges:
        if comp[a] == comp[b]:
            inner[comp[a]] = inner.get(comp[a], 0) + 1
    for c, count in inner.items():
        if count > size[c]:
            return (
                "it can match a run of {char} in exponentially many ways (a repetition whose "
                "body can match the same text in more than one way, such as `(a+)+` or `(a|aa)*`)"
            )
    # longest chain of looping components, along the edges between components (Tarjan's
    # algorithm numbers a component after every component it reaches: successors come first)
    succ: dict[int, set[int]] = {}
    for a, b in edges:
        if comp[a] != comp[b]:
            succ.setdefault(comp[a], set()).add(comp[b])
    best: dict[int, int] = {}
    for c in sorted(set(comp)):
        best[c] = (c in inner) + max((best[d] for d in succ.get(c, ())), default=0)
    longest = max(best.values())
    if longest > MAX_LOOP_CHAIN:
        return (
            f"it can match a run of {{char}} in ~n^{longest} ways ({longest} repetitions in a row "
            "that can each take the same characters, such as `.*.*.*` or `(?:\\S+ ?){1,4}`)"
        )
    return None


def _components(n: int, adjacency: list[list[int]]) -> list[int]:
    """Strongly connected components (Tarjan's algorithm, iterative): the component of each
    position."""
    index = [-1] * n
    low = [0] * n
    on_stack = [False] * n
    comp = [-1] * n
    stack: list[int] = []
    counter = 0
    ncomp = 0
    for root in range(n):
        if index[root] >= 0:
            continue
        work = [(root, 0)]
        while work:
            v, i = work.pop()
            if i == 0:
                index[v] = low[v] = counter
                counter += 1
                stack.append(v)
                on_stack[v] = True
            recurse = False
            while i < len(adjacency[v]):
                w = adjacency[v][i]
                i += 1
                if index[w] < 0:
                    work.append((v, i))
                    work.append((w, 0))
                    recurse = True
                    break
                if on_stack[w]:
                    low[v] = min(low[v], index[w])
            if recurse:
                continue
            if low[v] == index[v]:
                while True:
                    w = stack.pop()
                    on_stack[w] = False
                    comp[w] = ncomp
                    if w == v:
                        break
                ncomp += 1
            if work:
                u = work[-1][0]
                low[u] = min(low[u], low[v])
    return comp
