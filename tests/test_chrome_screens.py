"""The site-chrome rules' shortcuts give the answers of the definitions they stand for: B006's
`_breadcrumb_segments` (a quote or table row turned down before the bullet is removed, the
separator test left to `_separator_lines`) equals the full segment test on every line holding a
separator, blanks of every kind included."""

from __future__ import annotations

import random
import re

from lintnews.rules.chrome import breadcrumb

_ARROWS = "»›>→"
_BULLET = re.compile(r"^\s*(?:[-*+•·▪]\s+)?")
#: B006's and B026's splits as written before their lookaheads (session 32).
_REFERENCE_SPLIT = re.compile(r"(?<!\s)\s+(?:>>|[»›>→])\s*|(?:>>|[»›>→])\s*|(?<!\s)\s+[/|]\s+")
_REFERENCE_LINK_SPLIT = re.compile(r"\s*[|•·]\s*|\s+:\s+")


def _reference_segments(line: str) -> list[str] | None:
    """B006's segments as written before the shortcut (session 31)."""
    if not any(ch in line for ch in _ARROWS) and " / " not in line and " | " not in line:
        return None
    text = _BULLET.sub("", line).strip()
    if not text or text.startswith(("|", ">")) or breadcrumb._MARKUP.search(text):
        return None
    if not any(ch in text for ch in _ARROWS) and " / " not in text and " | " not in text:
        return None
    parts = _REFERENCE_SPLIT.split(text)
    if parts and not parts[-1].strip():
        parts = parts[:-1]
    parts = [p.strip() for p in parts]
    if len(parts) < 2 or any(not p or not breadcrumb._HAS_LETTER.search(p) for p in parts):
        return None
    return parts


def test_segments_equal_the_full_test_on_lines_with_a_separator() -> None:
    pieces = [
        ">",
        "> ",
        "|",
        " | ",
        " / ",
        "»",
        "›",
        "→",
        "- ",
        "* ",
        "• ",
        "-",
        " ",
        "\t",
        "\u00a0",
        "\u2028",
        "\x1c",
        "\u3000",
        "Home",
        "News",
        "新闻",
        "Новости",
        "2012",
        "<b>",
        "=",
    ]
    rng = random.Random(32)
    checked = kept = quoted = 0
    for _ in range(20_000):
        line = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 9)))
        if any(ch in line for ch in _ARROWS) or " / " in line or " | " in line:
            expected = _reference_segments(line)
            assert breadcrumb._breadcrumb_segments(line) == expected, repr(line)
            checked += 1
            kept += expected is not None
            quoted += line.lstrip().startswith((">", "|"))
    assert checked > 10_000 and kept > 300 and quoted > 2_000


def test_the_splits_of_trails_and_rows_are_those_of_the_patterns_without_lookahead() -> None:
    """B006's and B026's splits start with a lookahead of what their matches start with: the
    same splits, on generated lines of separators, blanks of every kind and words."""
    from lintnews.rules.chrome import toolbars

    pieces = [">", ">>", "|", "•", "·", ":", " : ", "/", " / ", "»", "›", "→", " ", "  ", "\t", "\u00a0"]
    pieces += ["\u3000", "Home", "News", "新闻", "a:b", "-", "*"]
    rng = random.Random(33)
    split = 0
    for _ in range(20_000):
        line = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        expected = _REFERENCE_SPLIT.split(line)
        assert breadcrumb._SPLIT.split(line) == expected, repr(line)
        expected = _REFERENCE_LINK_SPLIT.split(line)
        assert toolbars._LINK_SPLIT.split(line) == expected, repr(line)
        split += len(expected) > 1
    assert split > 10_000


def test_row_segments_kept_as_matching_nothing_are_matched_by_no_rule() -> None:
    """B026 keeps the segments of a page's rows that the screen of its languages turns down as
    matching no rule, without asking every rule's matchers (`toolbars._keep_unmatched`): each
    one kept so is matched by no rule, and no segment a rule's entry matches is kept so."""
    from lintnews.rules.chrome import toolbars

    from lintnews.config import Settings
    from lintnews.packs import line_key, load_packs

    packs = load_packs(Settings())
    words = ["About Us", "Contact", "Privacy Policy", "Impressum", "Datenschutz", "Print", "Email"]
    words += ["Share", "Home", "RSS", "Subscribe", "Sitemap", "Terms of Use", "首页", "新闻", "联系我们"]
    words += ["隐私政策", "学习站", "株洲", "Контакты", "О нас", "Реклама", "2012", "Fri", "—", "Mehr"]
    rng = random.Random(47)
    segments = words + [" ".join(rng.sample(words, rng.randint(1, 3))) for _ in range(2_000)]
    for langs in (("en",), ("de", "en"), ("zh", "en"), ("ru", "en", "de")):
        matcher = packs.line_matcher(langs)
        kept: dict[str, frozenset[str]] = {}
        toolbars._keep_unmatched(kept, segments, packs, langs)
        matched = {s for s in segments if matcher.match(line_key(s))}
        assert all(value is toolbars._NO_RULES for value in kept.values())
        assert len(kept) > 1_000 and len(matched) >= 8, langs
        assert not matched & kept.keys(), langs
        assert len(kept) + len(matched) >= len(set(segments)) * 0.9, langs  # (a screen, not exact)
