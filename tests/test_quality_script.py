"""bench/quality.py on a synthetic mini eval set (pre-extracted texts, a scripted fake linter)."""

from __future__ import annotations

import gzip
import importlib.util
import json
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "bench" / "quality.py"


@pytest.fixture(scope="module")
def quality():
    spec = importlib.util.spec_from_file_location("bench_quality", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_quality"] = module
    spec.loader.exec_module(module)
    return module


PAGES = {
    "p1": (
        (
            "The council approved the new budget on Tuesday after a long debate in the town hall.\n"
            "Leave a Reply\n"
            "Share this article on Facebook\n"
            "The mayor said that the vote was a victory for the residents of the old town."
        ),
        {
            "with": ["approved the new budget", "The mayor said", "Budget"],
            "without": ["Leave a reply", "Share this article", "Not in the text at all", "Cookie"],
        },
    ),
    "p2": (
        (
            "Der Stadtrat hat am Dienstag den neuen Haushalt beschlossen, sagte die Bürgermeisterin.\n"
            "Mehr zum Thema\n"
            "Die Entscheidung fiel nach einer langen Debatte im Rathaus, und die Opposition war nicht dabei."
        ),
        {"with": ["Der Stadtrat hat", "nach einer langen Debatte"], "without": ["Mehr zum Thema"]},
    ),
    "p3": ("Anzeige\nWerbung für Schuhe", {"with": [], "without": ["Anzeige Werbung"]}),
}


class FakeLinter:
    """Flags lines by content: S901 chrome headings and "victory", X901 "mayor"/"share" lines
    (not a scored family), B901 "Werbung" lines, and an internal error E900 plus an (unscored)
    E901 on line 1 of German pages."""

    def lint(self, doc):
        diags = []
        for n, line in enumerate(doc.lines, start=1):
            low = line.lower()
            codes = []
            if low in ("leave a reply", "mehr zum thema") or "victory" in low:
                codes.append("S901")
            if "mayor" in low or low.startswith("share"):
                codes.append("X901")
            if low.startswith("werbung"):
                codes.append("B901")
            if n == 1 and "stadtrat" in low:
                codes += ["E900", "E901"]
            for code in codes:
                diags.append(
                    SimpleNamespace(line=n, end_line=n, code=code, name=code.lower(), message=f"msg {code}")
                )
        return SimpleNamespace(diagnostics=diags)


@pytest.fixture
def eval_set(tmp_path):
    eval_dir, cache = tmp_path / "eval", tmp_path / "cache"
    (eval_dir / "html").mkdir(parents=True)
    (cache / "trafilatura").mkdir(parents=True)
    annotations = {}
    for doc_id, (text, ann) in PAGES.items():
        annotations[doc_id] = {"url": f"https://example.org/{doc_id}", **ann}
        with gzip.open(eval_dir / "html" / f"{doc_id}.html.gz", "wb") as fh:
            fh.write(b"<html><body><p>unused: the text is cached</p></body></html>")
        (cache / "trafilatura" / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    (eval_dir / "annotations.json").write_text(json.dumps(annotations), encoding="utf-8")
    return eval_dir, cache


def test_exact_counts(quality, eval_set):
    eval_dir, cache = eval_set
    [score] = quality.evaluate(
        eval_dir, ["trafilatura"], cache, linter=FakeLinter(), show_false_flags=3, workers=1
    )
    assert dict(score.pages) == {"en": 1, "other": 2}
    t = {f"{g}:{k}": v for (g, k), v in score.totals.items() if v}
    assert t == {
        "en:with_total": 2,
        "en:with_skipped": 1,
        "en:with_found": 2,
        "en:with_flagged": 1,
        "en:with_flagged_sbg": 1,
        "en:without_total": 3,
        "en:without_skipped": 1,
        "en:without_found": 2,
        "en:without_recalled": 1,
        "other:with_total": 2,
        "other:with_found": 2,
        "other:without_total": 2,
        "other:without_found": 2,
        "other:without_recalled": 2,
    }
    chrome = {k: v for k, v in score.chrome.items() if v}
    assert chrome == {
        ("en", "comments", "found"): 1,
        ("en", "comments", "recalled"): 1,
        ("en", "share/social", "found"): 1,
        ("en", "any", "found"): 2,
        ("en", "any", "recalled"): 1,
        ("other", "related", "found"): 1,
        ("other", "related", "recalled"): 1,
        ("other", "advertisement", "found"): 1,
        ("other", "advertisement", "recalled"): 1,
        ("other", "any", "found"): 2,
        ("other", "any", "recalled"): 2,
    }
    assert dict(score.rule_ff) == {("S901", "en"): 1, ("X901", "en"): 1}
    assert dict(score.rule_cover) == {
        ("S901", "en"): 1,
        ("X901", "en"): 1,
        ("S901", "other"): 1,
        ("B901", "other"): 1,
    }
    assert dict(score.rule_diags) == {"S901": 3, "X901": 2, "B901": 1}
    assert score.errors == ["p2: E900 msg E900"]
    mayor = PAGES["p1"][0].split("\n")[3]
    assert score.false_flags == {
        "S901": [("p1", 4, 4, "msg S901", mayor)],
        "X901": [("p1", 4, 4, "msg X901", mayor)],
    }
    text = quality.report([score], show_false_flags=3)
    assert "| trafilatura | all | 3 | 4/4 | 1 (25.00 %) | 1 (25.00 %) | 4/5 | 3 (75.0 %) |" in text
    assert "| trafilatura | en | 1 | 2/2 | 1 (50.00 %) | 1 (50.00 %) | 2/3 | 1 (50.0 %) |" in text
    assert "| X901 | x901 | 2 | 1 (50.00 %) | 0 (0.00 %) | 1 (25.00 %) | 1 | 0 | 1 |" in text
    assert "Skipped snippets (< 2 tokens): 1 with, 1 without (2 in all)." in text
    assert "  p1:4 X901 msg X901 | 'The mayor said" in text


def test_cli_with_real_linter(quality, eval_set, tmp_path, capsys):
    eval_dir, cache = eval_set
    out = tmp_path / "scores.json"
    argv = [
        str(eval_dir),
        "--extractor",
        "trafilatura",
        "--cache",
        str(cache),
        "--select",
        "D001",
        "--json",
        str(out),
        "--workers",
        "1",
    ]
    assert quality.main(argv) == 0
    assert "### Per rule: trafilatura" in capsys.readouterr().out
    [data] = json.loads(out.read_text(encoding="utf-8"))
    assert data["totals"]["en:with_found"] == 2 and data["totals"]["other:without_found"] == 2
    assert quality.main([str(eval_dir), "--cache", str(cache), "--select", "NOPE1"]) == 2


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b'<meta charset="iso-8859-1"><p>Stra\xdfe \x93x\x94', "Straße “x”"),
        (b'<meta http-equiv="Content-Type" content="text/html; charset=Windows-1251"><p>\xcc\xee', "Мо"),
        (b"<p>Stra\xc3\x9fe", "Straße"),
        (b'<meta charset="no-such-codec"><p>Stra\xdfe', "Stra\ufffde"),
        (b"\xef\xbb\xbf<p>caf\xc3\xa9", "café"),
    ],
)
def test_decode_html(quality, data, expected):
    assert quality.decode_html(data).endswith(expected)


@pytest.mark.parametrize(
    ("snippet", "categories"),
    [
        ("Kommentare schreiben", ["comments"]),
        ("You might also like", ["related"]),
        ("Abonnieren Sie unseren Newsletter", ["newsletter"]),
        ("We use cookies on this site", ["cookie"]),
        ("3 Antworten", ["comments"]),
        ("The minister said on Monday", []),
        ("Relation between states", []),
    ],
)
def test_chrome_categories(quality, snippet, categories):
    assert quality.chrome_categories(quality.tokens(snippet)) == categories


def test_with_snippet_is_false_flagged_only_when_every_copy_is(quality):
    """The first copy of an article's line may be a menu item or a pull-quote that a rule rightly
    flags: the main text is lost only when no copy is left unflagged."""
    texts = {
        # the title first as a (flagged) menu item, then as the article's own line
        "m": "Share: The council opens the new bridge\nThe council opens the new bridge\nIt cost millions.",
        # both copies flagged (one by a rule the snippet's first copy does not carry)
        "n": "Share: The council opens the new bridge\nThe council opens the new bridge in victory",
    }
    annotations = {
        "m": {"with": ["The council opens the new bridge"], "without": ["council opens"]},
        "n": {"with": ["The council opens the new bridge"], "without": []},
    }
    score = quality.score_texts(
        "html2text", annotations, texts, {"m": "en", "n": "en"}, FakeLinter(), keep_false_flags=5
    )
    t = {k: v for (g, k), v in score.totals.items() if v}
    assert t["with_found"] == 2 and t["with_repeated"] == 2
    assert t["with_flagged"] == 1  # page n only
    assert dict(score.rule_ff) == {("X901", "en"): 1, ("S901", "en"): 1}
    assert [(doc, line) for doc, line, *_ in score.false_flags["X901"]] == [("n", 1)]
    # a `without` snippet is scored on its first copy (flagged by X901, not a scored family)
    assert t["without_found"] == 1 and "without_recalled" not in t
    assert dict(score.rule_cover) == {("X901", "en"): 1}
    text = quality.report([score])
    assert "`with` snippets found more than once (false flag: every copy flagged): html2text 2." in text


def test_select_default_is_lintnews_default_selection(quality):
    from lintnews.config import Settings
    from lintnews.engine import Linter

    def codes(settings):
        return [r.code for r in Linter(settings).base_table.rules]

    default = codes(Settings())
    assert codes(quality.selection("DEFAULT")) == default
    assert "S005" not in default and "S001" in default
    assert codes(quality.selection("DEFAULT,S005")) == sorted([*default, "S005"])
    assert codes(quality.selection("S001,S005")) == ["S001", "S005"]
    assert len(codes(quality.selection(None))) > len(default)


DE_TITLE = "Stadtrat beschließt den Haushalt"
DE_PARAGRAPHS = (
    "Der Stadtrat hat am Dienstag nach einer langen Debatte den neuen Haushalt beschlossen, und die"
    " Bürgermeisterin war nach der Sitzung sehr erleichtert über das Ergebnis, weil die Opposition zuvor"
    " mit einer Klage gedroht hatte und die Verhandlungen sich über viele Wochen hingezogen hatten.",
    "Die Stadt will in den kommenden Jahren vor allem in die Schulen und in den Nahverkehr investieren,"
    " und sie hat dafür einen Kredit aufgenommen, den sie bis zum Ende des Jahrzehnts wieder zurückzahlen"
    " will, wie der Kämmerer in der Sitzung sagte.",
)
_LINKED = DE_PARAGRAPHS[1].replace("Nahverkehr", "<a href='https://example.org/bus'>Nahverkehr</a>")
DE_PAGE = (
    "<html><head><title>Haushalt</title></head><body>"
    "<nav><a href='/'>Startseite</a> | <a href='/politik'>Politik</a></nav>"
    f"<article><h1>{DE_TITLE}</h1><p>{DE_PARAGRAPHS[0]}</p><p>{_LINKED}</p>"
    "<img src='a.jpg' alt='Das Rathaus im Regen'>"
    "<form><input type='text' name='q' value='Suchbegriff'></form></article>"
    "<footer><a href='/impressum'>Impressum</a> <a href='/datenschutz'>Datenschutz</a></footer>"
    "</body></html>"
)


def test_all_is_the_three_extractors_and_every_adds_resiliparse_and_justext(quality):
    three = ["trafilatura", "trafilatura-recall", "html2text"]
    assert quality.chosen_extractors("all") == three == list(quality.EXTRACTORS)
    assert quality.chosen_extractors("every") == [*three, "resiliparse", "justext"]
    assert quality.chosen_extractors("justext") == ["justext"]
    assert set(quality.EXTRACTION_OPTIONS) == set(quality.EXTRACTION_LIBRARY) == set(quality.EVERY_EXTRACTOR)
    stamp = quality.cache_stamp("resiliparse")
    assert stamp.startswith("extract_plain_text(main_content=True ") and "alt_texts=False" in stamp
    assert "; resiliparse " in stamp and "; justext " in quality.cache_stamp("justext")


def test_resiliparse_keeps_the_article_a_block_a_line_without_alt_texts_urls_or_fields(quality):
    text = quality.extract("resiliparse", DE_PAGE)
    assert [line for line in text.split("\n") if line] == [DE_TITLE, *DE_PARAGRAPHS]
    for left_out in ("Das Rathaus im Regen", "Suchbegriff", "https://", "Startseite", "Impressum"):
        assert left_out not in text


def test_justext_reads_a_page_with_the_stoplist_of_its_language(quality):
    import justext

    assert quality.extract("justext", DE_PAGE) == "".join(f"{p}\n" for p in (DE_TITLE, *DE_PARAGRAPHS))
    # with English's stoplist no German paragraph has enough stop words: the page came out empty
    english = justext.justext(DE_PAGE, justext.get_stoplist("English"))
    assert [p.text for p in english if not p.is_boilerplate] == []


def test_justext_stoplist_of_a_language_jusText_lacks_is_english(quality):
    import justext

    def para(text):
        return SimpleNamespace(text=text)

    assert quality.justext_stoplist([para(DE_PARAGRAPHS[0]), para(DE_PARAGRAPHS[1])]) == "German"
    chinese = "新华社北京6月25日电，嫦娥六号返回器于25日14时07分在内蒙古四子王旗预定区域精准着陆，工作正常。"
    assert quality.justext_stoplist([para(chinese * 3)]) == "English"
    assert quality.justext_stoplist([]) == "English"
    # every name is one of jusText's stoplists, and every language lintnews tells by its stop
    # words has one
    from lintnews.language import PROFILES

    assert set(quality.JUSTEXT_STOPLISTS.values()) <= justext.get_stoplists()
    assert set(PROFILES) <= set(quality.JUSTEXT_STOPLISTS)


def test_an_unchanged_cache_is_only_read(quality, eval_set):
    """`--cache` may point at another worktree's caches: extracting nothing must write nothing
    (not even the stamp)."""
    import os

    eval_dir, cache = eval_set
    ids = sorted(PAGES)
    quality.ensure_extracted(eval_dir, ids, ["justext"], cache, workers=1)
    files = [cache / "justext" / "STAMP", *(cache / "justext" / f"{d}.txt" for d in ids)]
    for path in files:
        os.utime(path, (1_000_000_000, 1_000_000_000))
    quality.ensure_extracted(eval_dir, ids, ["justext"], cache, workers=1)
    assert [path.stat().st_mtime for path in files] == [1_000_000_000] * len(files)
    # a changed extraction still rebuilds the cache
    (cache / "justext" / "STAMP").write_text("older options\n", encoding="utf-8")
    quality.ensure_extracted(eval_dir, ids, ["justext"], cache, workers=1)
    assert (cache / "justext" / "STAMP").read_text(encoding="utf-8") == quality.cache_stamp("justext")
    assert all(path.stat().st_mtime != 1_000_000_000 for path in files)


def test_cli_every_scores_five_extractors(quality, eval_set, capsys):
    eval_dir, cache = eval_set
    argv = [str(eval_dir), "--extractor", "every", "--cache", str(cache), "--select", "B", "--workers", "1"]
    assert quality.main(argv) == 0
    out = capsys.readouterr().out
    assert [line for line in out.splitlines() if line.startswith("### Per rule: ")] == [
        f"### Per rule: {ex}"
        for ex in ("trafilatura", "trafilatura-recall", "html2text", "resiliparse", "justext")
    ]
