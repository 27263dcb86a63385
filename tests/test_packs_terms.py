"""Term lists (`lintnews.packs.terms`): the words a rule's logic reads live in its rule file's
``[terms.<lang>]`` tables, apply in the languages whose phrases apply, are extended from a
user's ``extend-packs`` file as phrases are, and a bad table is a configuration error."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner
from console import check_in, run_lintnews
from pack_cache_helpers import cold_and_warm

import lintnews.packs.matching
from lintnews.cli import main
from lintnews.config import ConfigError, Settings
from lintnews.configfile import resolve_settings
from lintnews.document import Document
from lintnews.engine import Linter
from lintnews.packs import PackSet, builtin_dir, line_key, load_pack, load_packs
from lintnews.packs.terms import declared
from lintnews.registry import all_rules

BUILTIN = sorted(builtin_dir().glob("*.toml"))

ENGLISH = (
    "The city council approved the new budget on Tuesday after a debate that lasted well into the night, "
    "and the mayor said the vote was a relief for the schools. The opposition said that the plan leaves "
    "too little for the repair of the roads."
)
GERMAN = (
    "Der Stadtrat hat den Haushalt für das kommende Jahr am Dienstagabend nach einer langen Debatte "
    "beschlossen, und die Bürgermeisterin sprach von einem guten Tag für die Schulen der Stadt. Die "
    "Opposition kritisierte, dass für die Sanierung der Straßen zu wenig Geld vorgesehen sei."
)
#: Three teasers, each closed by a link "Zum Beitrag" on its own line (lines 2 to 10 after the
#: article's paragraph at line 1).
LISTING = """
Neue Brücke für die Altstadt
12. März 2024
Zum Beitrag
Stadtwerke erhöhen die Preise
Zum Beitrag
Schulbau beginnt im Mai
Zum Beitrag
"""


def found(folder: Path, name: str, text: str, select: list[str]) -> list[tuple[str, int, str]]:
    """(code, line, message) of the rules ``select`` on ``text``, linted as ``folder/name`` with
    the configuration found there."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    settings = resolve_settings([str(path)])
    settings.select = select
    result = Linter(settings).lint(Document(str(path), text))
    return [(d.code, d.line, d.message) for d in result.diagnostics]


def house(folder: Path, pack: str) -> Path:
    (folder / "house.toml").write_text(pack, encoding="utf-8")
    (folder / "lintnews.toml").write_text('extend-packs = ["house.toml"]\n', encoding="utf-8")
    return folder


# ------------------------------------------------------------------------------ built-in lists


@pytest.mark.parametrize("path", BUILTIN, ids=lambda p: p.stem)
def test_every_builtin_term_list_holds_the_four_languages(path: Path) -> None:
    """A list a file declares has words in English, German, French and Spanish, or in every
    language (``[terms."*"]``); each word is a line key of its own (it normalises to itself,
    read as the logic compares it)."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    terms = data.get("terms", {})
    for name in declared(data):
        languages = {lang for lang, table in terms.items() if name in table}
        assert "*" in languages or {"en", "de", "fr", "es"} <= languages, (path.name, name, languages)
        for table in terms.values():
            for word in table.get(name, []):
                assert line_key(word) and line_key(line_key(word)) == line_key(word), (path.name, word)


def test_the_rules_read_the_lists_their_files_declare() -> None:
    packs = load_packs(Settings())
    assert sorted(packs.terms) == [
        ("comment-widget", "comment-form-headings"),
        ("comment-widget", "comment-form-labels"),
        ("comment-widget", "comment-form-notes"),
        ("comment-widget", "recent-comments-headings"),
        ("comment-widget", "story-words"),
        ("link-row", "service-page-links"),
        ("login-form", "field-words"),
        ("login-form", "form-words"),
        ("navigation-menu", "infobox-labels"),
        ("post-navigation", "about-headings"),
        ("post-navigation", "category-headings"),
        ("post-navigation", "story-words"),
        ("print-tools", "bare-mail"),
        ("print-tools", "story-words"),
        ("print-tools", "toolbar-words"),
        ("social-share", "button-words"),
        ("social-share", "story-words"),
        ("story-link-list", "read-more-links"),
    ]
    # a document reads the words of its languages and of "*": German's only where German applies
    assert "weiterlesen" in packs.term_set("story-link-list", "read-more-links", ("de", "en"))
    assert "weiterlesen" not in packs.term_set("story-link-list", "read-more-links", ("en",))
    assert "impressum" in packs.term_set("link-row", "service-page-links", ("fr", "en"))


def test_every_list_the_code_asks_for_is_declared() -> None:
    """A list no file declares has no words (`PackSet.term_set`): a name the code misspells would
    switch its logic off without an error, so each name the rules ask for is one a file holds."""
    asked = set()
    # the rules' modules, and the phrase rules' base (`PhraseRule` reads `story-words`)
    for path in [*builtin_dir().parent.rglob("*.py"), Path(lintnews.packs.matching.__file__)]:
        text = path.read_text(encoding="utf-8")
        asked.update(re.findall(r"(?:pack_terms\(doc, settings, [^,]+|term_set\(rule), \"([a-z-]+)\"", text))
    declared_names = {name for _rule, name in load_packs(Settings()).terms}
    assert asked == declared_names


def test_a_builtin_list_feeds_its_rule() -> None:
    """B026 reports a service page's link alone on its line from its list; S008 reads its
    read-more links in German (from its terms-only file, rules/packs/S008.toml)."""
    text = f"{ENGLISH}\n\n* Privacy Policy\n"
    result = Linter(Settings(select=["B026"])).lint(Document("a.md", text))
    assert [(d.code, d.line) for d in result.diagnostics] == [("B026", 3)]
    listing = LISTING.replace("Zum Beitrag", "Weiterlesen")
    result = Linter(Settings(select=["S008"])).lint(Document("a.txt", GERMAN + "\n" + listing))
    assert [(d.code, d.line, d.end_line) for d in result.diagnostics] == [("S008", 5, 9)]


def test_the_pack_cache_keeps_the_term_lists(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A process that finds the built-in packs in their cache gets the same lists without
    reading a rule file (`lintnews.pack_cache`)."""
    cold, warm = cold_and_warm(tmp_path, monkeypatch)
    assert warm.terms == cold.terms and len(cold.terms) == 18
    assert warm.term_set("comment-widget", "recent-comments-headings", ("de",)) == {
        "neueste kommentare",
        "letzte kommentare",
    }


# ---------------------------------------------------------------------------- users' additions


def test_a_users_term_makes_the_rule_flag_a_line_it_did_not(tmp_path: Path) -> None:
    text = f"{ENGLISH}\n\n* Press office\n\n* Privacy Policy\n"
    assert found(tmp_path, "story.md", text, ["B026"]) == [("B026", 5, "Site-service link left in the text")]
    house(tmp_path, 'rule = "link-row"\n\n[terms.en]\nservice-page-links = ["Press Office"]\n')
    assert found(tmp_path, "story.md", text, ["B026"]) == [
        ("B026", 3, "Site-service link left in the text"),
        ("B026", 5, "Site-service link left in the text"),
    ]


def test_a_users_infobox_label_makes_a_run_the_articles_infobox(tmp_path: Path) -> None:
    """B028 reads its infobox's field names from its terms-only file: with one label of its own
    the run before the article is a menu; a user's "Chairman" makes it an infobox."""
    text = f"Acme Corp\nChairman\nJane Smith\nIndustry\nGarden Tools\nProducts\nHedge Trimmers\n\n{ENGLISH}\n"
    assert found(tmp_path, "story.md", text, ["B028"]) == [
        ("B028", 1, "Navigation menu left in the text (7 items, 7 lines)")
    ]
    house(tmp_path, 'rule = "navigation-menu"\n\n[terms.en]\ninfobox-labels = ["Chairman"]\n')
    assert found(tmp_path, "story.md", text, ["B028"]) == []


def test_a_users_term_applies_in_its_language_only(tmp_path: Path) -> None:
    """``[terms.de]`` words of S008's `read-more-links` make a listing of a German page, not of
    an English one."""
    listing_de = GERMAN + "\n" + LISTING
    listing_en = ENGLISH + "\n" + LISTING
    assert found(tmp_path, "artikel.txt", listing_de, ["S008"]) == []
    house(tmp_path, 'rule = "S008"\n\n[terms.de]\nread-more-links = ["Zum Beitrag"]\n')
    assert found(tmp_path, "artikel.txt", listing_de, ["S008"]) == [
        ("S008", 5, "List of links to other stories left in the text (3 links)")
    ]
    assert found(tmp_path, "story.txt", listing_en, ["S008"]) == []


def test_a_users_file_may_hold_terms_and_phrases(tmp_path: Path) -> None:
    pack = tmp_path / "house.toml"
    pack.write_text(
        'rule = "B025"\n[phrases.en]\nlines = ["Send this page"]\n[terms."*"]\ntoolbar-words = ["Mastodon"]\n',
        encoding="utf-8",
    )
    packs = PackSet()
    load_pack(pack, packs)
    assert packs.terms == {("print-tools", "toolbar-words"): {"*": ("mastodon",)}}
    assert [e.lines for e in packs.by_language["en"]["print-tools"]] == [["Send this page"]]


# -------------------------------------------------------------------------------------- errors


def check(folder: Path) -> tuple[int, str, str]:
    """``lintnews check --no-cache story.txt`` in process, from ``folder``."""
    (folder / "story.txt").write_text(ENGLISH + "\n", encoding="utf-8")
    return check_in(folder, "story.txt")


@pytest.mark.parametrize(
    ("pack", "message"),
    [
        (
            'rule = "B002"\n[terms.en]\nrecent-comment-headings = ["Latest replies"]\n',
            "house.toml [terms.en]: unknown term list `recent-comment-headings` (rule B002 (comment-widget) "
            "reads: `comment-form-headings`, `comment-form-labels`, `comment-form-notes`, `recent-comments-headings`, "
            "`story-words`)",
        ),
        (
            'rule = "adblock-notice"\n[terms.de]\nheadings = ["Werbung"]\n',
            "house.toml [terms.de]: unknown term list `headings` (rule B001 (adblock-notice) reads: none)",
        ),
        (
            'rule = "B025"\n[terms.en]\nbare-mail = "Mail"\n',
            "house.toml [terms.en]: `bare-mail` must be a list of strings",
        ),
        (
            'rule = "B025"\n[terms.fr]\ntoolbar-words = ["Imprimer", 3]\n',
            "house.toml [terms.fr]: `toolbar-words` must be a list of strings",
        ),
        (
            'rule = "B025"\n[terms.en]\ntoolbar-words = ["**"]\n',
            "house.toml [terms.en]: `toolbar-words`: '**' normalises to nothing",
        ),
        (
            'rule = "B025"\nterms = ["Print"]\n',
            "house.toml: `terms` must be a table of languages ([terms.en], [terms.de], ...)",
        ),
        (
            'rule = "B025"\n[[terms.en]]\ntoolbar-words = ["Print"]\n',
            "house.toml [terms.en]: must be one table of named word lists (`name = [...]`)",
        ),
        (
            'rule = "S001"\n[terms.de]\nread-more-links = ["Zum Beitrag"]\n',
            "house.toml [terms.de]: unknown term list `read-more-links` (rule S001 (seo-filler) reads: none); "
            '`read-more-links` moved to rule S008: extend it with `rule = "S008"`',
        ),
    ],
    ids=[
        "unknown-list",
        "rule-without-lists",
        "string",
        "not-a-string",
        "empty-key",
        "not-a-table",
        "array",
        "moved-list",
    ],
)
def test_a_bad_term_table_is_a_configuration_error_naming_file_and_key(
    tmp_path: Path, pack: str, message: str
) -> None:
    code, out, err = check(house(tmp_path, pack))
    assert (code, out, err) == (2, "", f"lintnews: error: {message}\n")
    with pytest.raises(ConfigError, match="house.toml"):
        load_pack(tmp_path / "house.toml", PackSet())


def test_a_bad_term_table_through_the_installed_script(tmp_path: Path) -> None:
    house(tmp_path, 'rule = "link-row"\n[terms.es]\nservice-page-links = [["Aviso legal"]]\n')
    (tmp_path / "story.txt").write_text(ENGLISH + "\n", encoding="utf-8")
    proc = run_lintnews(["check", "story.txt"], tmp_path)
    assert (proc.returncode, proc.stdout) == (2, "")
    assert (
        proc.stderr
        == "lintnews: error: house.toml [terms.es]: `service-page-links` must be a list of strings\n"
    )


@pytest.mark.parametrize("code", ["B002", "B010", "B025", "B026", "S001", "S008"])
def test_the_rules_that_read_terms_still_print_their_docs(code: str) -> None:
    result = CliRunner().invoke(main, ["rule", code])
    assert result.exit_code == 0
    assert result.output.splitlines()[0] == f"# {all_rules()[code].name} ({code})"
    assert "## What it does" in result.output
