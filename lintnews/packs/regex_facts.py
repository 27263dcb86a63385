"""What every match of a regular expression must look like, read from the pattern itself: the
characters a match can start with, strings one of which it must contain, and its greatest
length. The phrase screens (`lintnews.packs.screen`, B005's runs of buttons) use these to skip
the lines a pattern cannot match.

A small parser of Python's `re` syntax (the standard library's own parser is private) into a
tree, then two walks over it. Both answers are conservative: whatever the parser does not know
(a character category, ``.``, a group with flags, an atomic group, a possessive repeat, a
negative or behind-looking assertion) makes the answer "unknown" (None) rather than a guess, so
a screen built on them never drops a line a pattern matches; a pattern with global flags, or one
the parser cannot read, is unknown as a whole.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# The tree: a sequence is a list of nodes.


@dataclass(frozen=True)
class Lit:
    char: str


@dataclass(frozen=True)
class In:
    """A character class; ``chars`` None when not known (negated, categories, wide ranges)."""

    chars: frozenset[str] | None


@dataclass(frozen=True)
class At:
    """A zero-width anchor: ``^ $ \\A \\Z \\b \\B``."""


@dataclass(frozen=True)
class Branch:
    alternatives: tuple[list[Node], ...]


@dataclass(frozen=True)
class Group:
    """A group without flags (capturing or not)."""

    items: list[Node]


@dataclass(frozen=True)
class Ahead:
    """A positive lookahead."""

    items: list[Node]


@dataclass(frozen=True)
class Repeat:
    low: int
    items: list[Node]
    #: The most repetitions (None: no limit).
    high: int | None = None


@dataclass(frozen=True)
class Opaque:
    """Anything else (a group with flags, an atomic group, a possessive repeat, a negative or
    lookbehind assertion): it matches something, but nothing more is known of it."""


Node = Lit | In | At | Branch | Group | Ahead | Repeat | Opaque

_SIMPLE_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a"}
_CATEGORIES = set("dDwWsS")
_ANCHORS = set("bBAZ")
_QUANTIFIER = re.compile(r"\{(\d*)(,\d*)?\}")
#: Characters that stand for themselves anywhere: `_Parser.items` reads runs of them at once (most
#: of a phrase pattern), their nodes made once a character (the trees are never changed).
_PLAIN = re.compile(r"[^\\\[\]()|.*+?{^$]+")
_lit = lru_cache(maxsize=None)(Lit)


class Unreadable(Exception):
    """A construct the parser does not read."""


class _Parser:
    def __init__(self, pattern: str) -> None:
        self.p = pattern
        self.i = 0

    def peek(self, n: int = 0) -> str:
        return self.p[self.i + n] if self.i + n < len(self.p) else ""

    def sequence(self) -> list[Node]:
        """Alternatives up to the end or the closing parenthesis, as a sequence of nodes."""
        alternatives = [self.items()]
        while self.peek() == "|":
            self.i += 1
            alternatives.append(self.items())
        if len(alternatives) == 1:
            return alternatives[0]
        return [Branch(tuple(alternatives))]

    def items(self) -> list[Node]:
        out: list[Node] = []
        p, n = self.p, len(self.p)
        while self.i < n and p[self.i] not in "|)":
            m = _PLAIN.match(p, self.i)  # (the last of a run alone when a quantifier may follow)
            end = m.end() if m is not None else self.i
            if end < n and p[end] in "*+?{":
                end -= 1
            if end > self.i:
                out += map(_lit, p[self.i : end])
                self.i = end
                continue
            out.append(self.quantified(self.atom()))
        return out

    def quantified(self, atom: Node) -> Node:
        char = self.peek()
        low: int | None = None
        high: int | None = None
        if char in ("*", "+", "?"):
            low = 1 if char == "+" else 0
            high = 1 if char == "?" else None
            self.i += 1
        elif char == "{":
            m = _QUANTIFIER.match(self.p, self.i)
            if m is not None and m.group(0) != "{}":
                low = int(m.group(1) or 0)
                if m.group(2) is None:  # {n}
                    high = low
                elif m.group(2) != ",":  # {m,n}
                    high = int(m.group(2)[1:])
                self.i = m.end()
        if low is None:
            return atom
        if isinstance(atom, (At, Ahead)):
            raise Unreadable("a repeated assertion")
        if self.peek() == "?":  # lazy: the same strings
            self.i += 1
        elif self.peek() == "+":  # possessive
            self.i += 1
            return Opaque()
        if self.peek() in ("*", "+", "?") or (self.peek() == "{" and _QUANTIFIER.match(self.p, self.i)):
            raise Unreadable("a repeated repeat")
        return Repeat(low, [atom], high)

    def atom(self) -> Node:
        char = self.p[self.i]
        self.i += 1
        if char == "\\":
            return self.escape()
        if char == "[":
            return self.char_class()
        if char == "(":
            return self.group()
        if char == ".":
            return In(None)
        if char in "^$":
            return At()
        if char in "*+?":
            raise Unreadable("nothing to repeat")
        return Lit(char)

    def escape(self) -> Node:
        char = self.peek()
        self.i += 1
        if char in _ANCHORS:
            return At()
        if char in _CATEGORIES:
            return In(None)
        got = self.escaped_char(char)
        return Lit(got)

    def escaped_char(self, char: str) -> str:
        """The character an escape (after the backslash, ``char`` already read) stands for."""
        if char in _SIMPLE_ESCAPES:
            return _SIMPLE_ESCAPES[char]
        for letter, width in (("x", 2), ("u", 4), ("U", 8)):
            if char == letter:
                digits = self.p[self.i : self.i + width]
                if len(digits) != width or any(d not in "0123456789abcdefABCDEF" for d in digits):
                    raise Unreadable("a bad escape")
                self.i += width
                return chr(int(digits, 16))
        if char == "N" and self.peek() == "{":
            end = self.p.find("}", self.i)
            if end < 0:
                raise Unreadable("a bad escape")
            name = self.p[self.i + 1 : end]
            self.i = end + 1
            return unicodedata.lookup(name)
        if char == "0":
            digits = "0"
            while len(digits) < 3 and self.peek() in "01234567" and self.peek():
                digits += self.peek()
                self.i += 1
            return chr(int(digits, 8))
        if char == "" or char.isalnum():  # group references, octal escapes, unknown letters
            raise Unreadable(f"the escape \\{char}")
        return char

    def char_class(self) -> Node:
        chars: set[str] | None = set()
        if self.peek() == "^":
            self.i += 1
            chars = None
        first = True
        while True:
            char = self.peek()
            if char == "":
                raise Unreadable("an unterminated class")
            self.i += 1
            if char == "]" and not first:
                break
            first = False
            low = self.class_char(char)
            if self.peek() == "-" and self.peek(1) not in ("]", ""):
                self.i += 1
                high_char = self.peek()
                self.i += 1
                high = self.class_char(high_char)
                if low is None or high is None:
                    raise Unreadable("a range of a category")
                if chars is not None and ord(high) - ord(low) < 256:
                    chars.update(map(chr, range(ord(low), ord(high) + 1)))
                else:
                    chars = None
            elif low is None:
                chars = None
            elif chars is not None:
                chars.add(low)
        if chars is not None and len(chars) == 1:  # as the standard library's parser does
            return Lit(next(iter(chars)))
        return In(frozenset(chars) if chars is not None else None)

    def class_char(self, char: str) -> str | None:
        """The character of a class item (None: a category such as ``\\w``)."""
        if char != "\\":
            return char
        escaped = self.peek()
        self.i += 1
        if escaped in _CATEGORIES:
            return None
        if escaped == "b":
            return "\b"
        return self.escaped_char(escaped)

    def group(self) -> Node:
        kind: str
        if self.peek() != "?":
            kind = "group"
        elif self.p.startswith("?:", self.i):
            kind, self.i = "group", self.i + 2
        elif self.p.startswith("?P<", self.i):
            end = self.p.find(">", self.i)
            if end < 0:
                raise Unreadable("a bad group name")
            kind, self.i = "group", end + 1
        elif self.p.startswith("?=", self.i):
            kind, self.i = "ahead", self.i + 2
        elif self.p.startswith(("?!", "?<=", "?<!", "?>"), self.i):
            kind = "opaque"
            self.i += 2 if self.p.startswith(("?!", "?>"), self.i) else 3
        elif self.p.startswith("?#", self.i):
            end = self.p.find(")", self.i)
            if end < 0:
                raise Unreadable("an unterminated comment")
            self.i = end + 1
            return At()  # matches the empty string, like an anchor
        else:  # flags, references, conditionals
            flags = re.compile(r"\?[aiLmsux]*(?:-[imsx]+)?:").match(self.p, self.i)
            if flags is None:
                raise Unreadable("a group of an unknown kind")
            kind, self.i = "opaque", flags.end()
        items = self.sequence()
        if self.peek() != ")":
            raise Unreadable("an unterminated group")
        self.i += 1
        if kind == "group":
            return Group(items)
        if kind == "ahead":
            return Ahead(items)
        return Opaque()


@lru_cache(maxsize=4096)
def parse(pattern: str) -> list[Node]:
    """The tree of ``pattern`` (raises `Unreadable` for what the parser does not read), read
    once for the walks that ask about it (`analyse`, `regex_prefix.heads`, `max_length`): the
    trees are read, never changed."""
    parser = _Parser(pattern)
    items = parser.sequence()
    if parser.i != len(pattern):
        raise Unreadable("an unbalanced parenthesis")
    return items


def first_chars(items: list[Node]) -> tuple[set[str], bool] | None:
    """The characters a non-empty match of the sequence ``items`` can start with, and whether it
    can match the empty string; None when unknown."""
    chars: set[str] = set()
    for node in items:
        if isinstance(node, At):
            continue
        if isinstance(node, Lit):
            return chars | {node.char}, False
        if isinstance(node, In):
            if node.chars is None:
                return None
            return chars | node.chars, False
        if isinstance(node, Branch):
            nullable = False
            for alternative in node.alternatives:
                got = first_chars(alternative)
                if got is None:
                    return None
                chars |= got[0]
                nullable = nullable or got[1]
        elif isinstance(node, Group):
            got = first_chars(node.items)
            if got is None:
                return None
            chars |= got[0]
            nullable = got[1]
        elif isinstance(node, Repeat):
            got = first_chars(node.items)
            if got is None:
                return None
            chars |= got[0]
            nullable = got[1] or node.low == 0
        else:
            return None
        if not nullable:
            return chars, False
    return chars, True


def required(items: list[Node]) -> set[str] | None:
    """Strings one of which every match of the sequence ``items`` contains, or None when none is
    known."""
    options: list[set[str]] = []
    run: list[str] = []
    for node in [*items, None]:
        if isinstance(node, Lit):
            run.append(node.char)
            continue
        if run:
            options.append({"".join(run)})
            run = []
        got = None
        if isinstance(node, Group):
            got = required(node.items)
        elif isinstance(node, Repeat) and node.low >= 1:
            got = required(node.items)
        elif isinstance(node, Ahead):  # what a lookahead sees is in the line too
            got = required(node.items)
        elif isinstance(node, Branch):
            alternatives = [required(a) for a in node.alternatives]
            if all(a is not None for a in alternatives):
                got = set().union(*alternatives)  # type: ignore[arg-type]
        if got:
            options.append(got)
    if not options:
        return None
    # the cheapest good test: no string of white space alone (nearly every line holds one: the
    # screen does not look for it), strings of three or more characters, as few as possible, long
    return min(
        options,
        key=lambda o: (not all(n.strip() for n in o), min(map(len, o)) < 3, len(o), -min(map(len, o))),
    )


#: Flags set for the whole pattern (``(?i)``, the flags its group): they change what every part
#: means, and Python accepts them only at the start of the expression patterns are joined into.
GLOBAL_FLAGS = re.compile(r"\(\?([aiLmsux]+)\)")


def analyse(pattern: str) -> tuple[frozenset[str] | None, frozenset[str] | None]:
    """The characters the (non-empty) matches of ``pattern`` start with (None: not known, or it
    can match the empty string) and strings one of which they contain (None: none known).
    Raises `re.error` for a pattern that does not compile."""
    re.compile(pattern)
    if GLOBAL_FLAGS.search(pattern):  # (?i) and the like change what every part means
        return None, None
    try:
        items = parse(pattern)
    except (Unreadable, KeyError, ValueError):
        return None, None
    first = first_chars(items)
    needed = required(items)
    return (
        frozenset(first[0]) if first is not None and not first[1] else None,
        frozenset(needed) if needed else None,
    )
