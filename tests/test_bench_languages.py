"""bench/languages.py: gold HTML read as text, a page's language and script, the CJK-aware line
labeller, and the whole table on a tiny made-up eval folder."""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from languages import Gold, gold_text, main, page_language, script_of, tokens  # noqa: E402

ZH_GOLD = (
    '<div id="readability-page-1" class="page"><div id="contentMain">\n'
    "    <p>\u3000\u3000新华社北京6月25日电，嫦娥六号返回器于25日14时07分在内蒙古四子王旗预定区域精准着陆，工作正常。</p>\n"
    "    <p>据介绍，嫦娥六号任务实现了世界首次月球背面采样返回。<br>专家表示，这是又一标志性成果。</p>\n"
    "</div></div>"
)
ZH_PAGE = (
    '<html lang="zh-CN"><head><title>嫦娥六号</title></head><body>\n'
    "<p>首页 &gt; 科技频道 &gt; 探索者 &gt; 正文</p>\n"
    "<p>新华社北京6月25日电，嫦娥六号返回器于25日14时07分在内蒙古四子王旗预定区域精准着陆，工作正常。</p>\n"
    "<p>据介绍，嫦娥六号任务实现了世界首次月球背面采样返回。<br>专家表示，这是又一标志性成果。</p>\n"
    "<p>分享到微信</p>\n"
    "</body></html>"
)
RU_GOLD = (
    "<div><h2>В Москве открылась новая станция метро</h2>\n"
    "<p>Мэр Москвы открыл в субботу новую станцию Большой кольцевой линии. По его словам, ею"
    " будут ежедневно пользоваться более 50 тысяч пассажиров.</p>\n"
    "<p>Фото:&amp;nbsp;пресс-служба мэрии</p>\n"
    "<p>Станция расположена в районе Нагатинский Затон. Её оформление посвящено истории"
    " судостроения.</p></div>"
)
RU_PAGE = (
    "<html><body><h2>В Москве открылась новая станция метро</h2>\n"
    "<p>Мэр Москвы открыл в субботу новую станцию Большой кольцевой линии. По его словам, ею"
    " будут ежедневно пользоваться более 50 тысяч пассажиров.</p>\n"
    "<p>Фото:&amp;nbsp;пресс-служба мэрии</p>\n"
    "<p>Станция расположена в районе Нагатинский Затон. Её оформление посвящено истории"
    " судостроения.</p>\n"
    "<p>Поделиться</p>\n"
    "</body></html>"
)


def test_gold_html_becomes_a_line_per_block_with_ideographic_spaces_kept() -> None:
    assert gold_text(ZH_GOLD) == (
        "\u3000\u3000新华社北京6月25日电，嫦娥六号返回器于25日14时07分在内蒙古四子王旗预定区域精准着陆，工作正常。\n"
        "据介绍，嫦娥六号任务实现了世界首次月球背面采样返回。\n"
        "专家表示，这是又一标志性成果。\n"
    )


def test_language_is_the_html_lang_and_script_the_letters_majority() -> None:
    assert page_language(b'<!doctype html><html class="x" lang="zh-TW">') == "zh"
    assert page_language(b"<html><body>") == "und"
    assert script_of("東京都は２日、熱中症警戒アラートを発表した。") == "Jpan"
    assert script_of("新华社北京6月25日电，工作正常。") == "Hani"
    assert script_of("В Москве открылась новая станция метро (Moscow)") == "Cyrl"
    assert script_of("Le texte a été adopté jeudi soir.") == "Latn"


def test_cjk_lines_are_labelled_by_characters_not_by_one_giant_token() -> None:
    gold = Gold(gold_text(ZH_GOLD))
    assert tokens("据介绍，嫦娥六号") == ["据", "介", "绍", "嫦", "娥", "六", "号"]
    assert gold.is_article("据介绍，嫦娥六号任务实现了世界首次月球背面采样返回。") is True
    assert gold.is_article("专家表示，这是又一标志性成果。") is True
    assert gold.is_article("分享到微信") is False
    assert gold.is_article("* * *") is None


def write_folder(root: Path) -> Path:
    for name, page, gold in (("xinhua", ZH_PAGE, ZH_GOLD), ("metro", RU_PAGE, RU_GOLD)):
        (root / "html").mkdir(parents=True, exist_ok=True)
        (root / "gold").mkdir(exist_ok=True)
        (root / "html" / f"{name}.html.gz").write_bytes(gzip.compress(page.encode("utf-8")))
        (root / "gold" / f"{name}.txt").write_text(gold, encoding="utf-8")
    return root


def test_table_per_language_and_script(tmp_path: Path, capsys) -> None:
    folder = write_folder(tmp_path / "readability")
    assert (
        main(
            [
                str(folder),
                "--cache",
                str(tmp_path / "cache"),
                "--extractor",
                "html2text",
                "--show-gold-flags",
                "5",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    rows = [line for line in out.splitlines() if line.startswith(("| ru", "| zh"))]
    # the gold's "&nbsp;" left as text is a real defect (F006), on the gold and the extraction;
    # the breadcrumb (B006) and the share buttons (B005: "Поделиться", "分享到微信") are junk
    assert rows == [
        "| ru?/Cyrl | 1 | 4 | 1 (25.00 %) | 4 / 1 | 0.500 | 25.00 % | 1.000 |",
        "| zh/Hani | 1 | 3 | 0 (0.00 %) | 3 / 2 | 1.000 | 0.00 % | 1.000 |",
        "| ru?/Cyrl | B005 | 1 | 0 | 1 / 0 |",
        "| ru?/Cyrl | F006 | 1 | 1 | 0 / 1 |",
        "| zh/Hani | B005 | 1 | 0 | 1 / 0 |",
        "| zh/Hani | B006 | 1 | 0 | 1 / 0 |",
    ]
    assert "| all | 2 | 7 | 1 (14.29 %) | 7 / 3 | 0.750 | 14.29 % | 1.000 |" in out
    assert "  ru?/Cyrl metro:3 [F006] Фото:&nbsp;пресс-служба мэрии" in out


ES_PAGE = (
    '<html lang="es"><body><article><h1>Nueva línea de tranvía en Madrid</h1>\n'
    "<p>El alcalde inauguró el sábado la nueva línea de tranvía. Según el Ayuntamiento, la usarán unos"
    " cincuenta mil viajeros al día, sobre todo trabajadores del polígono industrial.</p>\n"
    "<p>Las obras duraron dos años y costaron 120 mill. de euros, algo más de lo previsto en el proyecto"
    " inicial. La oposición pidió explicaciones en el pleno municipal.</p>\n"
    "</article><footer>Suscríbete a nuestro boletín</footer></body></html>"
)
DE_PAGE = (
    '<html lang="de"><body><article><p>Der Stadtrat hat den Haushalt am Dienstag beschlossen, und die'
    " Bürgermeisterin war erleichtert über das Ergebnis der langen Sitzung.</p></article></body></html>"
)


def test_trafilatura_eval_pages_in_neither_english_nor_german(tmp_path: Path, capsys) -> None:
    import json

    folder = write_folder(tmp_path / "readability")
    traf = tmp_path / "trafilatura"
    (traf / "html").mkdir(parents=True)
    for name, page in (("tram", ES_PAGE), ("rat", DE_PAGE)):
        (traf / "html" / f"{name}.html.gz").write_bytes(gzip.compress(page.encode("utf-8")))
    annotations = {
        "tram": {"with": ["costaron 120 mill. de euros, algo más de lo previsto"], "without": []},
        "rat": {"with": ["Der Stadtrat hat den Haushalt am Dienstag beschlossen"], "without": []},
    }
    (traf / "annotations.json").write_text(json.dumps(annotations), encoding="utf-8")
    argv = [str(folder), "--cache", str(tmp_path / "cache"), "--extractor", "trafilatura"]
    argv += ["--trafilatura", str(traf), "--trafilatura-cache", str(tmp_path / "tcache"), "--select", "F002"]
    assert main(argv) == 0
    out = capsys.readouterr().out
    # the German page is left out; the Spanish snippet is found and not flagged
    assert out.split("pages in neither English nor German:\n\n")[1].splitlines() == [
        "| extractor | language/script | pages | with found | false flags (any rule) | by rule |",
        "|---|---|---|---|---|---|",
        "| trafilatura | es/Latn | 1 | 1 | 0 (0.00 %) | – |",
    ]


RU_LONG = (
    "Мэр Москвы открыл в субботу новую станцию Большой кольцевой линии, и, по его словам, ею будут"
    " ежедневно пользоваться более пятидесяти тысяч пассажиров, которые до сих пор ездили на работу"
    " на автобусах, а это было для них не так удобно, как метро.",
    "Станция расположена в районе Нагатинский Затон, и её оформление посвящено истории судостроения:"
    " на стенах можно увидеть старые корабли, а на потолке висят большие якоря, которые были сделаны"
    " на местном заводе по старым чертежам.",
)


def test_justext_reads_a_russian_page_with_the_russian_stoplist(tmp_path: Path, capsys) -> None:
    """languages.py takes the extractors run only when named; jusText's stoplist is the page's
    language's (with English's every paragraph of this page is boilerplate and the page empty)."""
    root = tmp_path / "readability"
    (root / "html").mkdir(parents=True)
    (root / "gold").mkdir()
    gold = "<div><h2>В Москве открылась новая станция метро</h2>" + "".join(f"<p>{p}</p>" for p in RU_LONG)
    page = (
        '<html><body><p><a href="/">Главная</a> | <a href="/news">Новости</a></p>'
        + gold.removeprefix("<div>")
        + "<p>Поделиться</p></body></html>"
    )
    (root / "html" / "metro.html.gz").write_bytes(gzip.compress(page.encode("utf-8")))
    (root / "gold" / "metro.txt").write_text(gold + "</div>", encoding="utf-8")
    assert main([str(root), "--cache", str(tmp_path / "cache"), "--extractor", "justext"]) == 0
    out = capsys.readouterr().out
    assert "| ru?/Cyrl | 1 | 3 | 0 (0.00 %) | 3 / 0 | – | 0.00 % | – |" in out
    text = (tmp_path / "cache" / "justext" / "metro.txt").read_text(encoding="utf-8")
    assert text.split("\n") == ["В Москве открылась новая станция метро", *RU_LONG, ""]


def test_an_unknown_extractor_is_an_error(tmp_path: Path, capsys) -> None:
    with pytest.raises(SystemExit):
        main([str(tmp_path), "--extractor", "trafilatura,boilerpipe"])
    assert "unknown extractor(s): boilerpipe" in capsys.readouterr().err
