"""Phrase packs: the built-in packs load and compile, users extend them, and the language of a
document picks the packs that apply."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from lintnews.config import ConfigError, Settings
from lintnews.configfile import resolve_settings
from lintnews.document import Document
from lintnews.engine import Linter
from lintnews.packs import (
    ALL_LANGUAGES,
    PackSet,
    builtin_dir,
    line_key,
    load_pack,
    load_packs,
    match_lines,
    pack_languages,
)
from lintnews.packs.rulefile import phrase_tables
from lintnews.registry import all_rules

GERMAN = (
    "Der Stadtrat hat den Haushalt für das kommende Jahr am Dienstagabend nach einer langen Debatte "
    "beschlossen, und die Bürgermeisterin sprach von einem guten Tag für die Schulen der Stadt. Die "
    "Opposition kritisierte, dass für die Sanierung der Straßen zu wenig Geld vorgesehen sei."
)
ENGLISH = (
    "The city council approved the new budget on Tuesday after a debate that lasted well into the night, "
    "and the mayor said the vote was a relief for the schools. The opposition said that the plan leaves "
    "too little for the repair of the roads."
)
FRENCH = (
    "Le conseil municipal a adopté mardi soir le budget de l'année prochaine après un long débat, et la "
    "maire a parlé d'une bonne journée pour les écoles de la ville. L'opposition a critiqué le manque de "
    "moyens pour les routes."
)
SPANISH = (
    "El ayuntamiento aprobó el martes por la noche el presupuesto para el próximo año después de un largo "
    "debate, y la alcaldesa dijo que es una buena noticia para las escuelas. La oposición criticó que no "
    "hay dinero para las calles."
)

BUILTIN = sorted(builtin_dir().glob("*.toml"))
#: The rule files of phrase rules (the others are terms-only files: `test_packs_words.py`).
PHRASE_FILES = [p for p in BUILTIN if "phrases" in tomllib.loads(p.read_text(encoding="utf-8"))]


def codes(text: str, settings: Settings, select: list[str]) -> list[tuple[str, int]]:
    settings.select = select
    result = Linter(settings).lint(Document("article.txt", text))
    return [(d.code, d.line) for d in result.diagnostics]


# --------------------------------------------------------------------------------- built-in packs


@pytest.mark.parametrize("path", PHRASE_FILES, ids=lambda p: p.name)
def test_builtin_pack_loads_and_every_pattern_compiles(path: Path) -> None:
    packs = PackSet()
    load_pack(path, packs)  # raises ConfigError on unknown rules, keys or bad regexes
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    tables = list(phrase_tables(data, path.name))
    assert tables, f"{path.name} has no phrases"
    for _language, _i, table in tables:
        assert table.get("lines") or table.get("patterns"), f"{path.name}: a table without phrases"
        for pattern in table.get("patterns", []):
            compiled = re.compile(pattern)
            assert not compiled.fullmatch(""), f"{pattern!r} matches an empty line"
        for line in table.get("lines", []):
            assert line_key(line), f"{line!r} normalises to nothing"
    for language, rules in packs.by_language.items():
        for rule in rules:
            packs.matcher(rule, language if language != ALL_LANGUAGES else "en")


def test_every_phrase_rule_has_its_file_with_the_four_languages() -> None:
    readers = {r.code: r for r in all_rules().values() if r.reads_packs}
    assert sorted(p.stem for p in PHRASE_FILES) == sorted(readers)
    for path in PHRASE_FILES:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        assert {lang for lang, _, _ in phrase_tables(data, path.name)} >= {"en", "de", "fr", "es"}, path.name


@pytest.mark.parametrize("path", PHRASE_FILES, ids=lambda p: p.stem)
def test_a_rule_file_describes_its_rule(path: Path) -> None:
    """The class of a phrase rule keeps its logic; its file holds the rest (`phrase_rule`)."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    rule = all_rules()[path.stem]
    assert (data["code"], data["name"], data["severity"], data["summary"]) == (
        rule.code,
        rule.name,
        str(rule.severity),
        rule.summary,
    )
    assert rule.doc == data["docs"].strip() and rule.doc.startswith("## What it does")
    assert f"rules/packs/{rule.code}.toml" in rule.doc


def test_no_line_is_claimed_by_two_rules() -> None:
    """A literal line of one S/B rule is not matched by another S/B rule of the same language
    (breadcrumb and link-row entries name segments of a line, not lines)."""
    packs = load_packs(Settings())
    names = sorted(
        r.name for r in all_rules().values() if r.code[0] in "SB" and r.name not in ("breadcrumb", "link-row")
    )
    for lang in packs.languages():
        for rule in names:
            for entry in packs.by_language.get(lang, {}).get(rule, []):
                for line in entry.lines:
                    others = [o for o in names if o != rule and packs.matcher(o, lang).match(line_key(line))]
                    assert not others, f"{lang}: {line!r} of {rule} also matches {others}"


def test_line_key_normalisation() -> None:
    assert line_key("  **Read More:**  ") == "read more"
    assert line_key("_Ähnliche Beiträge_") == "ähnliche beiträge"
    assert line_key("• You’ll   love\u00a0these →") == "you'll love these"
    assert line_key("Required fields are marked *") == "required fields are marked"
    assert line_key("see snake_case_names") == "see snake_case_names"


# ------------------------------------------------------------------------------ language choice


def test_german_text_gets_the_german_pack() -> None:
    doc = Document("a.txt", f"{GERMAN}\nAnzeige\nMehr zum Thema\n")
    settings = Settings()
    assert pack_languages(doc, settings, load_packs(settings))[:2] == ["de", "en"]
    assert [i for i, _ in match_lines(doc, settings, "advertisement-label")] == [1]
    assert [i for i, _ in match_lines(doc, settings, "seo-filler")] == [2]


@pytest.mark.parametrize(
    "text,line",
    [
        (f"{FRENCH}\nPublicité\n", "Publicité"),
        (f"{SPANISH}\nPublicidad\n", "Publicidad"),
        (f"{ENGLISH}\nAdvertisement\n", "Advertisement"),
        # English chrome applies to every language
        (f"{GERMAN}\nAdvertisement\n", "Advertisement"),
    ],
)
def test_each_language_gets_its_pack(text: str, line: str) -> None:
    doc = Document("a.txt", text)
    assert [doc.lines[i] for i, _ in match_lines(doc, Settings(), "advertisement-label")] == [line]


def test_english_text_does_not_get_the_german_pack() -> None:
    doc = Document("a.txt", f"{ENGLISH}\nAnzeige\n")
    assert list(match_lines(doc, Settings(), "advertisement-label")) == []


def test_forced_language_replaces_detection() -> None:
    doc = Document("a.txt", f"{ENGLISH}\nAnzeige\n")
    assert [i for i, _ in match_lines(doc, Settings(language="de"), "advertisement-label")] == [1]


def test_second_language_of_a_mixed_page_gets_its_pack() -> None:
    # A German article under an English site navigation (a whole page converted to text).
    nav = "\n".join(["The home of the news", "Read the news of the day and the news of the week"] * 6)
    doc = Document("a.txt", f"{nav}\n{GERMAN}\nÄhnliche Beiträge\n")
    assert doc.language == "en"
    assert [doc.lines[i] for i, _ in match_lines(doc, Settings(), "seo-filler")] == ["Ähnliche Beiträge"]


# ------------------------------------------------------------------------------- user extensions


def test_extend_packs_adds_a_user_pack(tmp_path: Path) -> None:
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "house.toml").write_text(
        'language = "de"\n\n[[entry]]\nrule = "seo-filler"\nmessage = "Hausinterner Teaser"\n'
        'severity = "error"\nlines = ["Unsere Top-Themen am Morgen"]\npatterns = [\'heute im blatt ?: .{3,80}\']\n',
        encoding="utf-8",
    )
    (tmp_path / "lintnews.toml").write_text('extend-packs = ["packs/house.toml"]\n', encoding="utf-8")
    article = tmp_path / "artikel.txt"
    article.write_text(
        f"{GERMAN}\nUnsere Top-Themen am Morgen\nHeute im Blatt: Der neue Bahnhof\n", encoding="utf-8"
    )
    settings = resolve_settings([str(article)])
    result = Linter(settings).lint(Document(str(article), article.read_text(encoding="utf-8")))
    found = [(d.code, d.line, d.message, str(d.severity)) for d in result.diagnostics if d.code == "S001"]
    assert found == [
        ("S001", 2, "Hausinterner Teaser", "error"),
        ("S001", 3, "Hausinterner Teaser", "error"),
    ]
    # Without the config the lines are article text.
    assert codes(article.read_text(encoding="utf-8"), Settings(), ["S001"]) == []


def test_extra_phrases_add_lines_in_every_language() -> None:
    settings = Settings(
        extra_phrases={
            "seo-filler": ["Don't miss these stories"],
            "social-share": ["Teile diesen Beitrag jetzt"],
        }
    )
    assert codes(f"{ENGLISH}\nDon’t miss these stories!\n", settings, ["S001"]) == [("S001", 2)]
    assert codes(
        f"{GERMAN}\nDon't miss these stories\nTeile diesen Beitrag jetzt\n", settings, ["S", "B"]
    ) == [
        ("S001", 2),
        ("B005", 3),
    ]
    assert codes(f"{ENGLISH}\nDon't miss these stories\n", Settings(), ["S001"]) == []


def test_user_pack_with_an_unknown_rule_is_a_config_error(tmp_path: Path) -> None:
    pack = tmp_path / "bad.toml"
    pack.write_text('language = "en"\n[[entry]]\nrule = "no-such-rule"\nlines = ["x"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown rule"):
        load_pack(pack, PackSet())


def test_user_pack_with_a_bad_pattern_is_a_config_error(tmp_path: Path) -> None:
    pack = tmp_path / "bad.toml"
    pack.write_text(
        'language = "en"\n[[entry]]\nrule = "seo-filler"\npatterns = ["(unclosed"]\n', encoding="utf-8"
    )
    with pytest.raises(ConfigError, match="invalid pattern"):
        load_pack(pack, PackSet())


def test_extra_phrases_for_an_unknown_rule_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="unknown rule"):
        load_packs(Settings(extra_phrases={"no-such-rule": ["x"]}))


def _house_pack(tmp_path: Path, patterns: list[str]) -> Path:
    """An article after a project config whose pack adds ``patterns`` to S001 in English."""
    (tmp_path / "house.toml").write_text(
        'rule = "S001"\n[phrases.en]\npatterns = [' + ", ".join(f"'{p}'" for p in patterns) + "]\n",
        encoding="utf-8",
    )
    (tmp_path / "lintnews.toml").write_text('extend-packs = ["house.toml"]\n', encoding="utf-8")
    article = tmp_path / "story.txt"
    article.write_text(f"{ENGLISH}\nMore from the desk\nharbour notes and harbour notes\n", encoding="utf-8")
    return article


def test_user_patterns_that_set_flags_for_the_whole_pattern_are_joined_with_the_others(
    tmp_path: Path,
) -> None:
    """`(?i)` (or `(?x)`) at a pattern's start is only valid at the start of the one expression a
    rule's patterns are joined into: it failed every phrase rule on every document (E900)."""
    article = _house_pack(tmp_path, ["(?i)more from the desk", r"(?x) harbour \s notes \s and .*  # notes"])
    result = Linter(resolve_settings([str(article)])).lint(
        Document(str(article), article.read_text(encoding="utf-8"))
    )
    assert [(d.code, d.line) for d in result.diagnostics] == [("S001", 2), ("S001", 3)]


@pytest.mark.parametrize(
    ("pattern", "why"),
    [
        (r"(?P<w>\w+) notes and (?P=w) notes", "names a group"),
        (r"(\w+) notes and \1 notes", "refers to a group"),
        (r"(harbour )?(?(1)notes|desk) and .*", "refers to a group"),
        (r"(?:x|(?=(\w+) notes)\1) notes", "refers to a group"),
    ],
)
def test_user_patterns_whose_groups_would_clash_in_the_joined_expression_are_config_errors(
    tmp_path: Path, pattern: str, why: str
) -> None:
    """A rule's patterns are one expression: a numbered reference points at another pattern's
    group there, and a group name of two patterns failed every phrase rule (E900)."""
    article = _house_pack(tmp_path, [pattern])
    with pytest.raises(ConfigError, match=f"house.toml.*{re.escape(why)}.*non-capturing groups"):
        load_packs(resolve_settings([str(article)]))
