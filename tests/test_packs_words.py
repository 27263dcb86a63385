"""Word lists (`lintnews.packs.words`) and terms-only rule files: the words a rule's regular
expression is built around live in its rule file's ``[words.<lang>]`` tables, are matched as
text (never as regex syntax), are extended from a user's ``extend-packs`` file; a rule that
reports no phrase (S008) keeps its lists in a file of its own that holds nothing else."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner
from console import check_in, run_lintnews
from pack_cache_helpers import cold_and_warm

from lintnews.cli import main
from lintnews.config import ConfigError, Settings
from lintnews.configfile import resolve_settings
from lintnews.document import Document
from lintnews.engine import Linter
from lintnews.packs import PackSet, alternation, builtin_dir, load_pack, load_packs
from lintnews.packs.loading import terms_only
from lintnews.packs.rulefile import builtin_data
from lintnews.packs.words import declared_words

BUILTIN = sorted(builtin_dir().glob("*.toml"))

FRENCH = (
    "Le conseil municipal a adopté mardi soir le budget de l'année prochaine après un long débat, et la "
    "maire a parlé d'une bonne journée pour les écoles de la ville. L'opposition a critiqué le manque de "
    "moyens pour les routes."
)
ENGLISH = (
    "The city council approved the new budget on Tuesday after a debate that lasted well into the night, "
    "and the mayor said the vote was a relief for the schools. The opposition said that the plan leaves "
    "too little for the repair of the roads."
)
ARCHIVE = "S008", 3, 5, "Archive or category list of the site left in the text (3 links)"


def widget(*items: str, heading: str = "") -> str:
    """A French article, then a blog's widget of three "Name (N)" items (lines 3 to 5, or 5 to 7
    under ``heading``): three items are an archive only when they name months or stand under a
    widget's heading (`rules/seo/archive_lists.py`)."""
    top = f"{FRENCH}\n\n" + (f"{heading}\n\n" if heading else "")
    return top + "".join(f"- {item}\n" for item in items)


REPUBLICAN = widget("Brumaire (3)", "Frimaire (2)", "Nivôse (4)")


def found(folder: Path, text: str) -> list[tuple[str, int, int | None, str]]:
    """S008's (code, line, end line, message) on ``text``, linted as ``folder/blog.md`` with the
    configuration found there."""
    path = folder / "blog.md"
    path.write_text(text, encoding="utf-8")
    settings = resolve_settings([str(path)])
    settings.select = ["S008"]
    result = Linter(settings).lint(Document(str(path), text))
    return [(d.code, d.line, d.end_line, d.message) for d in result.diagnostics]


def house(folder: Path, pack: str) -> Path:
    (folder / "house.toml").write_text(pack, encoding="utf-8")
    (folder / "lintnews.toml").write_text('extend-packs = ["house.toml"]\n', encoding="utf-8")
    return folder


# ------------------------------------------------------------------------------ built-in lists


@pytest.mark.parametrize("path", BUILTIN, ids=lambda p: p.stem)
def test_every_builtin_word_list_holds_the_four_languages(path: Path) -> None:
    """A word list has words in English, German, French and Spanish (or in every language), each
    in lower case with single spaces, the form the loader keeps."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    words = data.get("words", {})
    for name in declared_words(data):
        languages = {lang for lang, table in words.items() if name in table}
        assert "*" in languages or {"en", "de", "fr", "es"} <= languages, (path.name, name, languages)
        for table in words.values():
            for word in table.get(name, []):
                assert word == " ".join(word.lower().split()), (path.name, word)


def test_the_rules_read_the_word_lists_their_files_declare() -> None:
    packs = load_packs(Settings())
    assert sorted(packs.words) == [
        ("comment-thread", "heading-counted-nouns"),
        ("comment-thread", "heading-plurals"),
        ("comment-thread", "months"),
        ("comment-thread", "page-stamps"),
        ("comment-thread", "reply-headings"),
        ("comment-thread", "reply-links"),
        ("comment-thread", "says-verbs"),
        ("comment-thread", "stamp-joins"),
        ("comment-thread", "weekdays"),
        ("comment-thread", "wrote-verbs"),
        ("comment-widget", "item-links"),
        ("empty-byline", "bio-verbs"),
        ("empty-byline", "byline-continuations"),
        ("empty-byline", "name-joins"),
        ("empty-byline", "name-particles"),
        ("enclosed-chrome", "tag-headings"),
        ("post-navigation", "name-links"),
        ("post-navigation", "presenting-verbs"),
        ("post-navigation", "trades-and-publications"),
        ("prompt-leak", "footer-starts"),
        ("prompt-leak", "image-grounds"),
        ("prompt-leak", "image-nouns"),
        ("prompt-leak", "question-labels"),
        ("social-share", "bio-verbs"),
        ("social-share", "follow-starts"),
        ("social-share", "trade-words"),
        ("story-link-list", "months"),
        ("story-link-list", "widget-heading-stems"),
        ("story-link-list", "widget-heading-words"),
        ("truncated-document", "call-to-action-starts"),
        ("truncated-document", "credit-labels"),
        ("truncated-document", "dateline-words"),
    ]
    assert packs.word_list("comment-thread", "wrote-verbs") == (
        "escribió",
        "schrieb",
        "a dit",
        "wrote",
        "said",
    )
    # a regex's suffix alternatives spelled out, `autor(?:in)?`, `rédact(?:eur|rice)`
    trades = set(packs.word_list("social-share", "trade-words"))
    assert {"autor", "autorin", "rédacteur", "rédactrice", "reports from"} <= trades
    months = packs.word_list("story-link-list", "months")
    # every language at once, each word once, longest first
    assert {"märz", "mars", "maart", "mayo", "may"} <= set(months) and len(months) == len(set(months))
    assert [len(w) for w in months] == sorted((len(w) for w in months), reverse=True)


def test_every_word_list_the_code_asks_for_is_declared() -> None:
    asked = set()
    for path in (builtin_dir().parent).rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        asked.update(re.findall(r"(?:pack_words\(settings, [^,]+|\.word_list\([^,]+), \"([a-z-]+)\"", text))
    assert asked == {name for _rule, name in load_packs(Settings()).words}


@pytest.mark.parametrize(
    ("code", "name", "keys"),
    [
        ("S008", "story-link-list", {"terms", "words"}),
        ("B011", "comment-thread", {"words"}),
        ("T002", "truncated-document", {"words"}),
        ("B031", "enclosed-chrome", {"words"}),
    ],
)
def test_a_terms_only_file_holds_its_rules_lists_and_nothing_else(
    code: str, name: str, keys: set[str]
) -> None:
    """S008, B011, T002 and B031 report no phrase: their files hold their code and lists; name, severity and
    documentation stay with the class, and `lintnews rule CODE` prints them."""
    data = builtin_data(code)
    assert terms_only(data) and set(data) == {"code", *keys}
    assert not terms_only(builtin_data("S001"))
    result = CliRunner().invoke(main, ["rule", code])
    assert result.exit_code == 0
    assert result.output.splitlines()[0] == f"# {name} ({code})" and "## What it does" in result.output


def test_a_builtin_word_list_feeds_its_rule(tmp_path: Path) -> None:
    """Three items naming months are an archive; three naming no month are one only under a
    widget's heading, a stem anywhere in it ("Catégories") or a whole word ("Tags", not "Étages")."""
    assert found(tmp_path, widget("Janvier (4)", "Février (12)", "Mars (7)")) == [ARCHIVE]
    assert found(tmp_path, widget("Politique (4)", "Culture (12)", "Sport (7)")) == []
    shifted = ("S008", 5, 7, ARCHIVE[3])
    for heading, expected in (("Catégories", [shifted]), ("Tags", [shifted]), ("Étages", [])):
        text = widget("Politique (4)", "Culture (12)", "Sport (7)", heading=heading)
        assert found(tmp_path, text) == expected, heading


def test_the_pack_cache_keeps_the_word_lists(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cold, warm = cold_and_warm(tmp_path, monkeypatch)
    assert warm.words == cold.words and len(cold.words) == 32
    assert warm.word_list("story-link-list", "widget-heading-words") == ("tags", "tag")
    assert warm.word_list("comment-widget", "item-links")[:3] == ("commented on", "replied on", "posted on")


# ---------------------------------------------------------------------------- users' additions


def test_a_users_word_makes_the_rule_flag_a_line_it_did_not(tmp_path: Path) -> None:
    """The French Republican calendar's months, added to S008's `months`, make its archive."""
    assert found(tmp_path, REPUBLICAN) == []
    house(tmp_path, 'rule = "S008"\n\n[words.fr]\nmonths = ["Brumaire", "Frimaire", "Nivôse"]\n')
    assert found(tmp_path, REPUBLICAN) == [ARCHIVE]


def test_a_users_term_in_a_terms_only_file_makes_the_rule_flag(tmp_path: Path) -> None:
    text = widget("Politique (4)", "Culture (12)", "Sport (7)", heading="Rubriken")
    assert found(tmp_path, text) == []
    house(tmp_path, 'rule = "story-link-list"\n\n[words.de]\nwidget-heading-stems = ["rubrik"]\n')
    assert found(tmp_path, text) == [("S008", 5, 7, ARCHIVE[3])]


def test_a_users_word_is_matched_as_text_never_as_a_pattern(tmp_path: Path) -> None:
    """``.`` in a user's word is a full stop: "br.maire" would match "Brumaire" as a pattern."""
    house(tmp_path, 'rule = "S008"\n\n[words.fr]\nmonths = ["br.maire", "fr.maire", "niv.se", "(?:.*)"]\n')
    assert found(tmp_path, REPUBLICAN) == []
    source = alternation(["br.maire", "c++", "a dit", "(?:.*)"])
    assert re.fullmatch(source, "br.maire") and not re.fullmatch(source, "brumaire")
    assert re.fullmatch(source, "c++") and not re.fullmatch(source, "cc")
    assert re.fullmatch(source, "a  dit") and re.fullmatch(source, "(?:.*)") and not re.fullmatch(source, "x")
    assert re.fullmatch(alternation([]), "") is None


def thread(*headers: str) -> str:
    """An article of two paragraphs, then a comment under each of ``headers`` (lines 3, 5, 7)."""
    return "".join(f"{line}\n" for line in (ENGLISH, FRENCH, *(x for h in headers for x in (h, ENGLISH))))


def threads(folder: Path, text: str) -> list[tuple[str, int]]:
    """B011's and B012's (code, line) on ``text`` linted as ``folder/comments.txt``."""
    path = folder / "comments.txt"
    path.write_text(text, encoding="utf-8")
    settings = resolve_settings([str(path)])
    settings.select = ["B011", "B012"]
    return [(d.code, d.line) for d in Linter(settings).lint(Document(str(path), text)).diagnostics]


THREAD = [("B011", 3), ("B012", 3), ("B012", 5), ("B012", 7)]


def test_the_thread_search_reads_b011s_words(tmp_path: Path) -> None:
    """The built-in months, weekdays and verbs make comment headers; a Romanian month (the
    Portuguese ones are built in since session 46) and a French "écrit" do not, until a user's
    file adds them (a verb that is not ASCII turns the kernel's screen off: every short line is then
    tried)."""
    stamped = thread(
        "Maria — 10 octombrie 2012, 10:03",
        "Ana — 11 octombrie 2012, 08:22",
        "Rui — 12 octombrie 2012, 19:40",
    )
    says = thread("Tom écrit:", "Ann écrit:", "Luc écrit:")
    assert threads(tmp_path, stamped.replace("octombrie", "octubre")) == THREAD
    assert threads(tmp_path, says.replace("écrit", "dit")) == THREAD
    assert threads(tmp_path, stamped) == [] and threads(tmp_path, says) == []
    house(
        tmp_path,
        'rule = "B011"\n\n[words.ro]\nmonths = ["Octombrie"]\n\n[words.fr]\nsays-verbs = ["écrit"]\n',
    )
    assert threads(tmp_path, stamped) == THREAD
    assert threads(tmp_path, says) == THREAD


def test_a_users_verb_is_matched_as_text(tmp_path: Path) -> None:
    """ "wr.te" as a pattern would make "wrote" a says-verb: as a word it is those letters only."""
    says = thread("Tom wrote:", "Ann wrote:", "Luc wrote:")
    assert threads(tmp_path, says) == []
    house(tmp_path, 'rule = "comment-thread"\n\n[words.en]\nsays-verbs = ["wr.te", "(?:wrote)"]\n')
    assert threads(tmp_path, says) == []
    assert threads(tmp_path, says.replace("wrote", "wr.te")) == THREAD


#: The last paragraph of an article cut after "to" (line 3), over a line that may be a credit.
CUT = (
    f"{ENGLISH}\n\nOpposition members warned that the deficit will return next year if the income from "
    "parking falls short, and that the council would have to\n\n"
)


def truncation(folder: Path, text: str) -> list[tuple[str, int]]:
    path = folder / "story.txt"
    path.write_text(text, encoding="utf-8")
    settings = resolve_settings([str(path)])
    settings.select = ["T002"]
    return [(d.code, d.line) for d in Linter(settings).lint(Document(str(path), text)).diagnostics]


def test_t002_reads_its_credit_labels_and_calls_to_action(tmp_path: Path) -> None:
    """A credit under the last paragraph is stepped over ("Source: ANP"), a Dutch "Bron: ANP"
    only once a user's file adds the label; a last sentence that calls to act is no cut one
    ("Click here for …"), a Dutch "Klik hier …" only once "klik" is added."""
    assert truncation(tmp_path, CUT + "Source: ANP\n") == [("T002", 3)]
    assert truncation(tmp_path, CUT + "Bron: ANP\n") == []
    calls = f"{ENGLISH}\n\n{ENGLISH} Klik hier voor het volledige schema van de vergaderingen\n"
    assert (
        truncation(
            tmp_path,
            calls.replace(
                "Klik hier voor het volledige schema van de vergaderingen",
                "Click here for the full schedule of the meetings",
            ),
        )
        == []
    )
    assert truncation(tmp_path, calls) == [("T002", 3)]
    house(
        tmp_path, 'rule = "T002"\n\n[words.nl]\ncredit-labels = ["Bron"]\ncall-to-action-starts = ["klik"]\n'
    )
    assert truncation(tmp_path, CUT + "Bron: ANP\n") == [("T002", 3)]
    assert truncation(tmp_path, calls) == []


# -------------------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    ("pack", "message"),
    [
        (
            'rule = "S008"\n[words.en]\nmonth = ["Thermidor"]\n',
            "house.toml [words.en]: unknown word list `month` (rule S008 (story-link-list) reads: `months`, "
            "`widget-heading-stems`, `widget-heading-words`)",
        ),
        (
            'rule = "B025"\n[words.en]\nmonths = ["Thermidor"]\n',
            "house.toml [words.en]: unknown word list `months` (rule B025 (print-tools) reads: none)",
        ),
        (
            'rule = "S008"\n[words.fr]\nmonths = "Thermidor"\n',
            "house.toml [words.fr]: `months` must be a list of strings",
        ),
        (
            'rule = "S008"\n[words.fr]\nmonths = ["  "]\n',
            "house.toml [words.fr]: `months`: '  ' holds no word",
        ),
        (
            'rule = "S008"\nwords = ["Thermidor"]\n',
            "house.toml: `words` must be a table of languages ([words.en], [words.de], ...)",
        ),
        (
            'rule = "S008"\n[terms.en]\nread-more = ["Read on"]\n',
            "house.toml [terms.en]: unknown term list `read-more` (rule S008 (story-link-list) reads: "
            "`read-more-links`)",
        ),
        (
            'rule = "S008"\n[phrases.en]\nlines = ["More stories"]\n',
            "house.toml: rule S008 (story-link-list) reports no phrases, it reads word lists only: a file for "
            "it holds `code`, `name`, `rule`, `terms`, `words` (not phrases)",
        ),
        (
            'rule = "S008"\nseverity = "error"\n',
            "house.toml: rule S008 (story-link-list) reports no phrases, it reads word lists only: a file for "
            "it holds `code`, `name`, `rule`, `terms`, `words` (not `severity`)",
        ),
    ],
    ids=[
        "unknown-list",
        "rule-without-lists",
        "string",
        "blank",
        "not-a-table",
        "unknown-term",
        "phrases",
        "key",
    ],
)
def test_a_bad_word_table_is_a_configuration_error_naming_file_and_key(
    tmp_path: Path, pack: str, message: str
) -> None:
    (tmp_path / "story.txt").write_text(ENGLISH + "\n", encoding="utf-8")
    code, out, err = check_in(house(tmp_path, pack), "story.txt")
    assert (code, out, err) == (2, "", f"lintnews: error: {message}\n")
    with pytest.raises(ConfigError, match="house.toml"):
        load_pack(tmp_path / "house.toml", PackSet())


def test_a_bad_word_table_through_the_installed_script(tmp_path: Path) -> None:
    house(tmp_path, 'rule = "S008"\n[words.es]\nmonths = [["enero"]]\n')
    (tmp_path / "story.txt").write_text(ENGLISH + "\n", encoding="utf-8")
    proc = run_lintnews(["check", "story.txt"], tmp_path)
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr == "lintnews: error: house.toml [words.es]: `months` must be a list of strings\n"


def test_extra_phrases_for_a_terms_only_rule_are_refused(tmp_path: Path) -> None:
    """S008 reads no phrases: `extra-phrases` for it would be matched and never reported."""
    (tmp_path / "lintnews.toml").write_text('extra-phrases = { S008 = ["More stories"] }\n', encoding="utf-8")
    (tmp_path / "story.txt").write_text(ENGLISH + "\n", encoding="utf-8")
    code, out, err = check_in(tmp_path, "story.txt")
    assert (code, out) == (2, "")
    assert err.startswith(
        "lintnews: error: lintnews.toml: `extra-phrases.S008`: rule S008 (story-link-list) does not"
    )


def test_a_users_tag_heading_makes_b031_leave_the_tags_under_it(tmp_path: Path) -> None:
    """B031 reads its tag headings from its terms-only file: a run under a chrome line that is a
    heading of tags is the article's tags. "Schlagworte" made chrome by a user's phrase (a
    post-navigation line) encloses the run; added to `tag-headings` too, it heads tags."""
    text = f"{ENGLISH}\n\nSchlagworte\nHaushalt\nSchulen\nShare on Twitter\n"
    path = tmp_path / "story.txt"
    path.write_text(text, encoding="utf-8")

    def b031() -> list[tuple[str, int, int | None]]:
        settings = resolve_settings([str(path)])
        settings.select = ["B031"]
        return [
            (d.code, d.line, d.end_line) for d in Linter(settings).lint(Document(str(path), text)).diagnostics
        ]

    assert b031() == []
    (tmp_path / "nav.toml").write_text('rule = "post-navigation"\n[phrases.en]\nlines = ["Schlagworte"]\n')
    (tmp_path / "tags.toml").write_text('rule = "B031"\n[words.de]\ntag-headings = ["Schlagworte"]\n')
    (tmp_path / "lintnews.toml").write_text('extend-packs = ["nav.toml"]\n', encoding="utf-8")
    assert b031() == [("B031", 4, 5)]
    (tmp_path / "lintnews.toml").write_text('extend-packs = ["nav.toml", "tags.toml"]\n', encoding="utf-8")
    assert b031() == []
