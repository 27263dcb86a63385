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
