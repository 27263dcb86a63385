"""Pack patterns that Python's backtracking engine could spend minutes on are refused when the
pack is loaded (`lintnews.regexcheck`), and the packs lintnews ships hold none."""

from __future__ import annotations

import itertools
import re
import subprocess
import tomllib
from pathlib import Path

import pytest
from console import lintnews_script

from lintnews.config import ConfigError, Settings
from lintnews.packs import builtin_dir, load_packs
from lintnews.packs.rulefile import phrase_tables
from lintnews.regexcheck import backtracking_risk, group_reference

CATASTROPHIC = [
    r"(a+)+b",
    r"(a|aa)+b",
    r"(\w+\s?)+$",
    r"([a-z]+)*x",
    r"(x+x+)+y",
    r"(a*)*b",
    r"(\d+)*x",
    r"^(a|a?)+$",
    r"(.*,){11}P",
    r"(.*a){12}",
    r"\s*\w+\s*(\w+\s*)*$",
    r"(?:\S+ ?){1,60}",
    r"(?=(a+)+b)x",  # inside a lookahead too
    r"(?i)(?:A|aa)+b",
    r"(\S+\s*){3,}z",
    r"(a|a)*b",  # parsed as `a` then a choice of two empty alternatives: two ways round the loop
    r"(a|a)+b",
    r"(x|x)*y",
    r"(ab|ab)+c",
    r"(?:the|the)+ end",
    r"(?:ab|a(?:b))+",
]
POLYNOMIAL = [r".*.*.*x", r"(?:a+){1,5}b", r"more from (?:\S+ ?){1,4}", r"(?:\S+\s*){3}z"]
SAFE = [
    r"a+b",
    r"(?:\w+ )+x",
    r"read more(?: about .{1,60})?",
    r"more from \S+(?: \S+){0,3} ?",
    r"(?:cat|dog)+",
    r"(?:ab|ac)+d",  # a common prefix, then two different letters: one way
    r"(?:the |this )+end",
    r".*x.*",  # ~n² at most: cheap on lines of 300 characters
    r"(?:\d+\.)+\d+",
    r"a{2,5}b",
    r"[\w .&-]{1,40}",
    r"(?:a++)+b",  # possessive: never backtracks into what it matched
    r"(?>a+)+b",  # atomic group
    "x" * 2000,
    "(?:" + "|".join(f"w{i}ord" for i in range(300)) + ")",
]


@pytest.mark.parametrize("pattern", CATASTROPHIC)
def test_exponential_patterns_are_found(pattern: str) -> None:
    risk = backtracking_risk(pattern)
    assert risk is not None and "exponentially many ways" in risk


@pytest.mark.parametrize("pattern", POLYNOMIAL)
def test_chains_of_three_loops_or_more_are_found(pattern: str) -> None:
    risk = backtracking_risk(pattern)
    assert risk is not None and "~n^" in risk


@pytest.mark.parametrize("pattern", SAFE)
def test_patterns_that_match_text_one_way_pass(pattern: str) -> None:
    assert backtracking_risk(pattern) is None


def builtin_patterns() -> list[tuple[str, str, str]]:
    found = []
    for path in sorted(builtin_dir().glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for language, i, table in phrase_tables(data, path.name):
            found += [(path.name, f"{language}#{i}", p) for p in table.get("patterns", [])]
    return found


def test_no_pattern_lintnews_ships_can_backtrack_catastrophically() -> None:
    # (eight `(?:\S+ ?){1,N}` patterns did: "read more about " + 60 letters + seven words took
    # 6.5 s to match, one line)
    flagged = [(name, i, p, risk) for name, i, p in builtin_patterns() if (risk := backtracking_risk(p))]
    assert flagged == []
    assert len(builtin_patterns()) > 200


def test_no_pattern_lintnews_ships_names_or_refers_to_a_group() -> None:
    """A rule's patterns are joined into one expression; the shipped packs are loaded without the
    check (it parses every pattern at every start), so it runs here once."""
    assert [(name, i, p) for name, i, p in builtin_patterns() if group_reference(p)] == []


@pytest.mark.parametrize("k", [3, 4, 6])
def test_rewritten_word_runs_match_what_the_old_patterns_matched(k: int) -> None:
    old = re.compile(r"(?:\S+ ?){1,K}".replace("K", str(k)))
    new = re.compile(r"\S+(?: \S+){0,K} ?".replace("K", str(k - 1)))
    for length in range(9):
        for chars in itertools.product("a !", repeat=length):
            text = "".join(chars)
            assert bool(old.fullmatch(text)) == bool(new.fullmatch(text)), text


def write_pack(folder: Path, patterns: list[str]) -> Path:
    quoted = ", ".join("'" + p + "'" for p in patterns)
    (folder / "our-site.toml").write_text(
        'language = "*"\n\n[[entry]]\nrule = "seo-filler"\nlines = ["Don\'t miss"]\n\n'
        f'[[entry]]\nrule = "newsletter-prompt"\npatterns = [{quoted}]\n',
        encoding="utf-8",
    )
    (folder / "lintnews.toml").write_text('extend-packs = ["our-site.toml"]\n', encoding="utf-8")
    (folder / "story.txt").write_text("Talks resumed in Geneva on Monday after a pause.\n" + "a" * 200 + "\n")
    return folder


def test_a_catastrophic_pattern_in_a_users_pack_is_refused_naming_pack_entry_and_pattern(
    tmp_path: Path,
) -> None:
    write_pack(tmp_path, [r"jetzt \w+ abonnieren", r"(a+)+b"])
    proc = subprocess.run(
        [lintnews_script(), "check", "--no-cache", "story.txt"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2
    assert proc.stdout == ""
    lines = proc.stderr.splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith(
        "lintnews: error: our-site.toml entry 2: pattern '(a+)+b' for rule newsletter-prompt "
        "can make matching hang: it can match a run of 'a' in exponentially many ways"
    )
    assert "Traceback" not in proc.stderr


def test_a_safe_pattern_in_a_users_pack_is_loaded(tmp_path: Path) -> None:
    write_pack(tmp_path, [r"jetzt \w+ abonnieren", r"(?:a++)+b"])
    settings = Settings(extend_packs=["our-site.toml"], root=str(tmp_path))
    packs = load_packs(settings)
    assert packs.matcher("newsletter-prompt", "de").match("aaab") is not None


def test_the_check_is_a_config_error_from_the_library_too(tmp_path: Path) -> None:
    write_pack(tmp_path, [r"(\w+\s?)+$"])
    with pytest.raises(ConfigError, match=r"our-site.toml entry 2: pattern .* can make matching hang"):
        load_packs(Settings(extend_packs=["our-site.toml"], root=str(tmp_path)))
