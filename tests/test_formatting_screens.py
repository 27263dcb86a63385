"""The pre-screens of the F and G rules admit every line the rules would flag.

Each screen is a cheap test that skips the expensive part of a rule; these tests check the
invariant a screen relies on, either against the definition it stands in for (ftfy's badness
regex) or on generated text, comparing the rule's own slow test with the screen.
"""

from __future__ import annotations

import bisect
import random
import re

import ftfy.badness
import pytest
from lintnews.rules.formatting import blanks, case, common, mojibake, spacing, tables

from lintnews import blank_lines, bmp_sets, glued_marks, native
from lintnews.config import Settings
from lintnews.document import Document
from lintnews.glued_marks import glued_pattern

# --- F005: the mojibake screen -----------------------------------------------------------------


def _badness_branches() -> list[list[set[str] | None]]:
    """Each alternative of ftfy's badness regex, as the list of its items' character sets (None
    for an item that is not a plain set of characters: ``\\s``, ``.``, ``[^A-Za-z]``, ``x?`` …)."""
    from re import _constants as c  # type: ignore[attr-defined]
    from re import _parser as parser

    tree = parser.parse(ftfy.badness.BADNESS_RE.pattern, ftfy.badness.BADNESS_RE.flags)
    assert len(tree) == 1 and tree[0][0] is c.BRANCH

    def chars(item: tuple) -> set[str] | None:
        op, av = item
        if op is c.LITERAL:
            return {chr(av)}
        if op is c.IN:
            out: set[str] = set()
            for o, a in av:
                if o is c.LITERAL:
                    out.add(chr(a))
                elif o is c.RANGE:
                    out.update(chr(x) for x in range(a[0], a[1] + 1))
                else:
                    return None
            return out
        return None

    # `^` takes no room, so the items on either side of it are adjacent characters.
    return [[chars(item) for item in branch if item[0] is not c.AT] for branch in tree[0][1][1]]


def test_mojibake_screen_is_implied_by_every_badness_alternative() -> None:
    """Each alternative of ftfy's badness regex needs a character the screen takes on its own,
    or two adjacent characters of the mojibake categories where one of the two classes is all
    rare characters."""
    single = re.compile(f"[{mojibake._MOJIBAKE_SINGLES}]")
    rare = re.compile(f"[{mojibake.screen().rare}]")
    moji = re.compile(f"[{mojibake.screen().any}]")
    singles = {chr(x) for x in range(0x110000) if single.fullmatch(chr(x))}
    assert all(mojibake.screen().maybe_bad.search(f"a{ch}b") for ch in singles)

    def mojibake_chars(s: set[str] | None) -> bool:
        return s is not None and all(moji.fullmatch(ch) for ch in s)

    def all_rare(s: set[str] | None) -> bool:
        return s is not None and all(rare.fullmatch(ch) for ch in s)

    for sets in _badness_branches():
        alone = any(s is not None and s <= singles for s in sets)
        pair = any(
            mojibake_chars(a) and mojibake_chars(b) and (all_rare(a) or all_rare(b))
            for a, b in zip(sets, sets[1:])
        )
        assert alone or pair, sets


def test_mojibake_screen_takes_a_rare_character_next_to_any_mojibake_character() -> None:
    """Every rare character next to every character of the mojibake categories, on either side."""
    moji = re.compile(f"[{mojibake.screen().any}]")
    rare = re.compile(f"[{mojibake.screen().rare}]")
    chars = [chr(x) for x in range(0x10000) if moji.fullmatch(chr(x))]
    rares = [ch for ch in chars if rare.fullmatch(ch)]
    assert len(chars) > 300 and len(rares) > 100
    for r in rares:
        for ch in chars:
            assert mojibake.screen().maybe_bad.search(f"a {ch}{r} b") and mojibake.screen().maybe_bad.search(
                f"a {r}{ch} b"
            )


def test_mojibake_screen_skips_correctly_decoded_text_of_other_scripts() -> None:
    """Curly quotes, dashes and other punctuation next to CJK, kana, Hangul, Arabic, Hebrew or
    Indic letters, or CJK punctuation, are never mojibake: no code page has those characters.
    (Cyrillic and Greek letters are in code pages: `«М` is a suspect, checked by ftfy.)"""
    assert mojibake.screen().maybe_bad.search("«Москва»")
    text = (
        "他说：“这是一个好消息。”记者——王明\n「東京都は“新しい”計画を発表した」…… 2024年\n"
        "“한국어” 뉴스—기자\nقال “الوزير” — «اليوم»\n"
        "הוא אמר “שלום” — «היום»\nকুষ্টিয়া “সংসদ” — ২০২৪\n"
    )
    assert not mojibake.screen().maybe_bad.search(text)


def test_mojibake_screen_takes_a_rare_character_next_to_any_non_ascii_one() -> None:
    for ch in "€”“«»™°×²":
        assert mojibake.screen().maybe_bad.search(f"a é{ch} b")
        assert mojibake.screen().maybe_bad.search(f"a {ch}é b")
        assert mojibake.screen().maybe_bad.search(f"a ж{ch}\n")
        assert not mojibake.screen().maybe_bad.search(f"a {ch} é b")
        assert not mojibake.screen().maybe_bad.search(f"a 日{ch}本 b")
    # letters of other scripts and German or Polish words are not suspects
    for text in ("größer", "Maße", "już", "πολύ", "Москва", "الحرب", "日期", "l’été", "«mot»", "\xa0—…"):
        assert not mojibake.screen().maybe_bad.search(text), text


#: ftfy's mojibake characters and letters of several scripts, quotes and dashes.
MOJIBAKE_MATERIAL = (
    "".join(ftfy.badness.MOJIBAKE_CATEGORIES.values()).replace("-", "")
    + "éäößñçłąжДЂвГРСβΓΟ€œŒÂÃ日ال’“”„«»\xa0–—…"
)


def test_mojibake_screen_on_generated_text() -> None:
    """Short strings of mojibake material, letters of several scripts and ASCII: every one that
    ftfy calls bad is admitted by the screen."""
    rng = random.Random(7)
    alphabet = "ab Z.,\n" + MOJIBAKE_MATERIAL
    checked = 0
    for _ in range(40_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 8)))
        for line in text.split("\n"):
            if ftfy.badness.is_bad(line):
                checked += 1
                assert mojibake.screen().maybe_bad.search(line), repr(line)
    assert checked > 1000


def test_mojibake_screen_sets_are_the_regex_classes() -> None:
    """The bitmaps the kernel reads hold the characters of the regex's classes, no more."""
    screen = mojibake.screen()
    for cls, bits in zip((screen.rare, mojibake._MOJIBAKE_SINGLES, screen.any), screen.bitmaps):
        pattern = re.compile(f"[{cls}]")
        expected = "".join(chr(c) for c in range(0x10000) if pattern.fullmatch(chr(c)))
        assert bits == bmp_sets.bmp_bitmap(expected)
        assert set(mojibake._members(cls)) == set(expected)


@pytest.mark.parametrize("kernel", [bmp_sets.chars_beside, bmp_sets.py_chars_beside])
def test_mojibake_suspects_are_where_the_screen_matches(kernel: object) -> None:
    """The kernel (and its Python twin) finds every offset where the screen's regex matches,
    on generated text of mojibake material, other scripts, astral characters and line breaks."""
    screen = mojibake.screen()
    rng = random.Random(32)
    alphabet = "ab Z.,\n\n😀" + MOJIBAKE_MATERIAL
    found = 0
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 12)))
        expected = [m.start() for m in screen.maybe_bad.finditer(text)]
        assert kernel(text, *screen.bitmaps) == expected, repr(text)  # type: ignore[operator]
        found += len(expected)
    assert found > 5000


# --- F001: glued punctuation -------------------------------------------------------------------

#: Letters of several scripts, digits (`²` is a letter to `[^\W\d_]`), marks and spaces.
GLUE_ALPHABET = "abXYéßжΩ日ا٣1²_ .,;!?:-\t\u00a0"


def test_glued_screen_finds_every_mark_either_pattern_finds() -> None:
    """Each match of the two patterns in a line is a match of the screen in the whole text
    (letters are never line breaks, so the lookarounds see the same characters)."""
    rng = random.Random(11)
    for _ in range(20_000):
        text = "".join(rng.choice(GLUE_ALPHABET + "\n") for _ in range(rng.randrange(1, 12)))
        screened = {m.start() for mark in spacing._GLUED_MARKS for m in glued_pattern(mark).finditer(text)}
        start = 0
        for line in text.split("\n"):
            for pattern in (spacing._GLUED_STOP, spacing._GLUED_COMMA):
                found = {start + m.start() for m in pattern.finditer(line)}
                assert found <= screened, (pattern.pattern, text)
            start += len(line) + 1


@pytest.mark.parametrize("kernel", [glued_marks.glued_lines, glued_marks.py_glued_lines])
def test_glued_lines_are_the_lines_where_the_screen_matches(kernel: object) -> None:
    """The kernel (and its Python twin) finds the lines of the screen's matches, on generated
    text of letters of several scripts (one, two and four bytes a character), digits, marks,
    blanks and line breaks."""
    rng = random.Random(33)
    letters = "abcdXYéßжΩ日ا" * 3
    alphabets = [
        GLUE_ALPHABET + letters + "\n\n",
        "abcd.,;!? \n",
        GLUE_ALPHABET + letters + "😀\U0001d400\n\n",
    ]
    found = 0
    for _ in range(20_000):
        alphabet = rng.choice(alphabets)
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 24)))
        marks = rng.choice([spacing._GLUED_MARKS, ".", ",;", "?!:"])
        starts = [0, *(i + 1 for i, c in enumerate(text) if c == "\n")]
        expected = sorted(
            {
                bisect.bisect_right(starts, m.start()) - 1
                for mark in marks
                for m in glued_pattern(mark).finditer(text)
            }
        )
        assert kernel(text, marks) == expected, (text, marks)  # type: ignore[operator]
        found += len(expected)
    assert found > 500
    with pytest.raises(ValueError):
        kernel("a\nb", ".\n")  # type: ignore[operator]


def test_word_before_is_the_run_of_letters_that_ends_there() -> None:
    """(In a line: `$` would also match before a final line break.)"""
    rng = random.Random(12)
    for _ in range(20_000):
        text = "".join(rng.choice(GLUE_ALPHABET) for _ in range(rng.randrange(0, 12)))
        end = rng.randrange(len(text) + 1)
        m = re.search(r"[^\W\d_]+$", text[:end])
        assert spacing._word_before(text, end) == (m.group(0) if m else ""), (text, end)


# --- F002: lower-case sentence starts ----------------------------------------------------------


def test_lower_start_screen_takes_every_lower_case_letter() -> None:
    lower = [chr(x) for x in range(0x110000) if chr(x).islower() and re.match(r"[^\W\d_]", chr(x))]
    assert len(lower) > 1000
    for ch in lower:
        assert case._LOWER_AFTER_STOP.search(f"It ends.\xa0 {ch}"), repr(ch)


def test_lower_start_screen_finds_every_lower_case_start_of_a_line() -> None:
    """Each sentence start `_AFTER_STOP` finds in a line, in lower case, is where a match of the
    screen in the whole text ends."""
    rng = random.Random(13)
    alphabet = "abzAZéÉßжЖωΩ日1_ .\t\u00a0\u2028\x85\n"
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 12)))
        screened = {m.end() for m in case._LOWER_AFTER_STOP.finditer(text)}
        start = 0
        for line in text.split("\n"):
            for m in case._AFTER_STOP.finditer(line):
                if line[m.end()].islower():
                    assert start + m.end() in screened, repr(text)
            start += len(line) + 1


def test_a_lower_case_heading_starts_with_a_lower_case_letter_a_blank_or_a_hash() -> None:
    """F002 calls `_lower_heading` only on a block whose text starts with a lower-case letter,
    a blank or a "#": every block it reports does (generated one-line blocks of words in either
    case, Markdown heading marks and blanks of every kind)."""
    from lintnews.document import Block

    pieces = ["long-Term", "Implications", "Of", "Policy", "Changes", "iPhone", "éclair", "Über", "##", "#"]
    pieces += [" ", "  ", "\t", "\u00a0", "\u3000", "state", "Budget", "Council", "Plans", "1", "—"]
    rng = random.Random(36)
    reported = 0
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) + rng.choice(["", " "]) for _ in range(rng.randint(0, 8)))
        block = Block(0, 0, 0, text, rng.choice(["paragraph", "heading"]))
        if case._lower_heading(block):
            first = text[:1]
            assert first.islower() or first.isspace() or first == "#", repr(text)
            reported += 1
    assert reported > 50


# --- F004: blank-line runs ---------------------------------------------------------------------


def test_blank_run_screen_finds_every_run_inside_the_text() -> None:
    """A run of three or more blank lines (as `str.strip` sees them) after a line and before a
    line with content is a match of the screen."""
    rng = random.Random(14)
    alphabet = "a \t\u00a0\x85\u2028\x1c\n\n\n"
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 16)))
        lines = text.split("\n")
        blank = [not line.strip() for line in lines]
        last_content = max((i for i, b in enumerate(blank) if not b), default=-1)
        runs = any(
            all(blank[i : i + 3]) and i + 3 <= last_content for i in range(1, max(last_content - 2, 1))
        )
        if runs:
            assert blank_lines.blank_run_pattern(3).search(text), repr(text)
            assert blank_lines.blank_runs(text, 3), repr(text)


def test_badness_matches_are_at_most_seven_characters_long() -> None:
    from re import _parser as parser  # type: ignore[attr-defined]

    tree = parser.parse(ftfy.badness.BADNESS_RE.pattern, ftfy.badness.BADNESS_RE.flags)
    assert tree.getwidth()[1] <= mojibake._BADNESS_WIDTH
    # and it looks no further than its match: no lookarounds, no `$`
    assert not re.search(r"\(\?[=!<]|\$", ftfy.badness.BADNESS_RE.pattern)


def test_badness_near_the_screens_columns_is_badness_of_the_line() -> None:
    rng = random.Random(15)
    alphabet = "ab Z.,\t" + MOJIBAKE_MATERIAL
    bad = 0
    for _ in range(30_000):
        line = "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 40)))
        cols = [m.start() for m in mojibake.screen().maybe_bad.finditer(line)]
        expected = ftfy.badness.is_bad(line)
        bad += expected
        assert mojibake._bad_near(line, cols) == expected, repr(line)
    assert bad > 1000


# --- F006: lines with markup characters --------------------------------------------------------


def test_lines_with_is_every_line_that_holds_one_of_the_characters() -> None:
    rng = random.Random(17)
    for _ in range(20_000):
        text = "".join(rng.choice("ab&<\n\n") for _ in range(rng.randrange(0, 14)))
        expected = [i for i, line in enumerate(text.split("\n")) if "&" in line or "<" in line]
        assert common._lines_with(text, "&<") == expected, repr(text)


# --- G003: question lines ----------------------------------------------------------------------


def test_question_end_screen_finds_every_line_that_ends_in_a_question_mark() -> None:
    """`_QUESTION_END` finds the lines whose stripped text ends in "?" (odd blanks included)."""
    from lintnews.rules.generation import prompts as generation

    rng = random.Random(18)
    for _ in range(20_000):
        text = "".join(
            rng.choice("a?? \t\r\x0b\x1c\x85\u2028\u00a0\n\n") for _ in range(rng.randrange(0, 14))
        )
        ends = {text.count("\n", 0, m.start()) for m in generation._QUESTION_END.finditer(text)}
        expected = {i for i, line in enumerate(text.split("\n")) if line.strip().endswith("?")}
        assert expected <= ends, repr(text)


# --- F003: table rows and the lines that may head a table --------------------------------------


def _cells_by_regex(row: str) -> list[str]:
    """`tables._cells` as it was: every row split with the escaped-bar regex."""
    row = row.strip().removeprefix("|")
    if row.endswith("|") and not row.endswith("\\|"):
        row = row[:-1]
    return [c.strip() for c in re.split(r"(?<!\\)\|", row)]


def test_cells_split_as_the_regex_does() -> None:
    rng = random.Random(3)
    pieces = ["|", "\\", "\\|", " ", "a", "Партия", "議席", "12", "-", "\t"]
    rows = ["| Greens | 12 | +2 |", "a \\| b | c", "|", "", "\\", "| 東京 | Москва |"]
    rows += ["".join(rng.choice(pieces) for _ in range(rng.randrange(0, 12))) for _ in range(20_000)]
    for row in rows:
        assert tables._cells(row) == _cells_by_regex(row), repr(row)


def _tables_line_by_line(doc: Document) -> list[tuple[int, int]]:
    """The (header, last row) of every table F003 reads, found as before: every line tried as a
    header, top to bottom, a table's rows skipped once read."""
    lines, found, i = doc.lines, [], 0
    while i < len(lines) - 1:
        if "|" in lines[i] and tables._SEPARATOR.match(lines[i + 1]) and "|" in lines[i + 1]:
            end = i + 2
            while end < len(lines) and "|" in lines[end] and lines[end].strip():
                end += 1
            found.append((i, end - 1))
            i = end
        else:
            i += 1
    return found


def test_tables_are_found_from_the_separator_lines_as_from_every_line(monkeypatch) -> None:
    seen: list[tuple[int, int]] = []

    def record(self, doc, header, last):  # type: ignore[no-untyped-def]
        seen.append((header, last))
        return iter(())

    monkeypatch.setattr(tables.MalformedTable, "_table", record)
    rule = tables.MalformedTable()
    rng = random.Random(5)
    pieces = [
        "| a | b |",
        "|---|---|",
        "---|---",
        "| 1 | 2 | 3 |",
        "",
        "text ---",
        "| 東京 |",
        "|---|",
        "Ж | ---",
    ]
    texts = ["|---|---|\n| a | b |\n|---|---|\n| 1 | 2 |", "---\n|---|"]
    texts += ["\n".join(rng.choice(pieces) for _ in range(rng.randrange(0, 15))) for _ in range(5_000)]
    for text in texts:
        doc = Document("a.md", text)
        seen.clear()
        list(rule.check(doc, Settings()))
        expected = _tables_line_by_line(doc) if "|" in text and "---" in text else []
        assert seen == expected, repr(text)


# --- F001: the list-of-tags test and the tokens' blanks -----------------------------------------


def test_list_of_tags_screen_answers_as_the_count_of_glued_commas() -> None:
    rng = random.Random(11)
    pieces = ["a", "Tag", "теги", "标签", ",", ";", ", ", "; ", " ", ".", "1"]
    lines = ["news,politics,world", "a,b;c", "one, two, three", "x;y;z;w, v"]
    lines += ["".join(rng.choice(pieces) for _ in range(rng.randrange(0, 16))) for _ in range(20_000)]
    for line in lines:
        tight = len(spacing._GLUED_COMMA.findall(line))
        assert spacing._list_of_tags(line) == (tight >= 3 and tight > line.count(", ")), repr(line)


def test_tokens_found_lazily_span_as_the_blanks_say() -> None:
    rng = random.Random(13)
    for _ in range(2_000):
        text = "".join(rng.choice(["a", ".", " ", "\t", "Б", "/"]) for _ in range(rng.randrange(1, 20)))
        tokens = spacing._Tokens(text)
        start = rng.randrange(len(text))
        left = max(text.rfind(" ", 0, start), text.rfind("\t", 0, start)) + 1
        ends = [i for i in (text.find(" ", start + 1), text.find("\t", start + 1)) if i >= 0]
        assert tokens.token(start, start + 1) == text[left : min(ends, default=len(text))], repr(text)


# --- F004: code fences -------------------------------------------------------------------------


def _reference_fenced_lines(lines: list[str], text: str) -> set[int]:
    """F004's fenced lines read off every line of the text, with no screen: a fence opens on a
    line `native.FENCE_OPENER` matches and closes on the next line `native.FENCE_CLOSER` matches
    with a run of the same mark at least as long."""
    inside: set[int] = set()
    run, start = "", 0
    for i, line in enumerate(lines):
        if not run:
            m = native.FENCE_OPENER.match(line)
            if m:
                run, start = m.group(1), i + 1
            continue
        m = native.FENCE_CLOSER.match(line)
        if m and m.group(1)[0] == run[0] and len(m.group(1)) >= len(run):
            inside.update(range(start, i))
            run = ""
    if run:
        inside.update(range(start, len(lines)))
    return inside


def test_fenced_lines_equal_a_search_of_the_text() -> None:
    """The lines inside code fences, found among the lines holding a backtick or a tilde, are
    those of a reading of every line (generated lines of fences, indented, in other lines, with
    info strings or what may not start one, backticks and tildes elsewhere, blanks of every kind,
    wide characters)."""
    pieces = [
        "```",
        "~~~",
        "``",
        "~",
        "`",
        "````",
        "__",
        "py",
        " ",
        "\t",
        "\u00a0",
        "\u3000",
        "code",
        "新闻",
        "😀",
        "\n",
        "\n",
    ]
    rng = random.Random(34)
    fenced = 0
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        lines = text.split("\n")
        expected = _reference_fenced_lines(lines, text)
        assert blanks._fenced_lines(lines, text) == expected, repr(text)
        fenced += bool(expected)
    assert fenced > 1000  # (1,500 of the 20,000 hold a fence)
