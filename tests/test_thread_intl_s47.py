"""Comment threads in more languages, session 47 (B011, B012): the says-verbs that are not ASCII
as WordPress's translations print them ("NAME коментує:" uk, "NAME说道：" zh_CN, "NAME 說道：" zh_TW,
"NAME より:" ja; and tr_TR's "NAME diyor ki:"), the counted headings of Chinese and Japanese
("12条评论", "《…》有3条评论", "3件のコメント", "3 則迴響") and "Leave a Reply" in the languages of
session 46 ("Lascia un commento", "Добавить комментарий", "发表评论", "コメントを残す"): B011's word
lists (`rules/packs/B011.toml`), which a user's pack extends as it extends the months. The
screen's kernel finds the non-ASCII words as its Python twin does."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from lintnews import _native, native
from lintnews.config import Settings
from lintnews.document import Document
from lintnews.engine import Linter


def _found(text: str, settings: Settings | None = None) -> list[tuple[str, int]]:
    settings = settings or Settings(select=["B011", "B012"])
    diags = Linter(settings).lint(Document("page.txt", text)).diagnostics
    return sorted((d.code, d.line) for d in diags)


#: Per language: the article (headline, paragraphs), the thread's heading, three (name line as
#: WordPress prints it with its says-verb, stamp, comment), the "Reply" button, the reply form's
#: heading; and prose sentences holding the same words (no thread).
PAGES: dict[str, tuple[str, str, list[tuple[str, str, str]], str, str, list[str]]] = {
    "uk": (
        "У Львові відкрили новий трамвайний маршрут\n\n"
        "Міська рада у вівторок відкрила новий трамвайний маршрут, який сполучить центр міста з"
        " південними районами.\n\n"
        "За словами заступника міського голови, трамваї курсуватимуть щодесять хвилин з шостої"
        " ранку до опівночі.\n\n"
        "Будівництво лінії тривало понад два роки і коштувало місту значно більше, ніж планували.",
        "3 коментарі",
        [
            ("Олена коментує:", "12 березня 2020 о 14:35", "Нарешті! Чекали цього роками."),
            ("Андрій Коваль коментує:", "12 березня 2020 о 15:02", "А квитки знову подорожчають?"),
            ("Петро коментує:", "13 березня 2020 о 09:11", "Краще б дороги полагодили."),
        ],
        "Відповісти",
        "Напишіть відгук",
        [
            "Депутат коментує:",
            "Голова ради коментує рішення так: маршрут окупиться за десять років.",
            "Ось що він коментує: ціни, графік і нові вагони.",
        ],
    ),
    "zh": (
        "杭州新地铁线路今日开通\n\n"
        "杭州市政府周二宣布，新的地铁线路正式开通运营，连接市中心与南部城区。\n\n"
        "据市交通部门介绍，列车每隔五分钟发一班，运营时间为早上六点至午夜。\n\n"
        "该线路建设历时两年多，总投资远超最初预算。",
        "3条评论",
        [
            ("王小明说道：", "2020年3月12日 下午2:35", "终于通车了，等了好多年。"),
            ("李华说道：", "2020年3月12日 下午3:02", "票价会不会又涨？"),
            ("张伟说道：", "2020年3月13日 上午9:11", "还不如先把路修好。"),
        ],
        "回复",
        "发表评论",
        [
            "市长说道：",
            "他说道：这条线路十年内就能收回成本。",
            "这篇文章有12条评论，读者说道路太堵。",
        ],
    ),
    "zh_TW": (
        "高雄輕軌新路段今日通車\n\n"
        "高雄市政府週二宣布，輕軌新路段正式通車，連接市中心與南部地區。\n\n"
        "據市府交通局表示，列車每五分鐘一班，營運時間為早上六點至午夜。\n\n"
        "該路段興建歷時兩年多，總經費遠超過原先預算。",
        "3 則迴響",
        [
            ("王小明 說道：", "2020 年 3 月 12 日 14:35", "終於通車了，等了好多年。"),
            ("李華 說道：", "2020 年 3 月 12 日 15:02", "票價會不會又漲？"),
            ("張偉 說道：", "2020 年 3 月 13 日 09:11", "還不如先把路修好。"),
        ],
        "回覆",
        "發表迴響",
        [
            "市長 說道：",
            "他說道：這條路線十年內就能回本。",
            "這篇文章已有 12 則迴響。",
        ],
    ),
    "ja": (
        "福岡で新しい地下鉄路線が開業\n\n"
        "福岡市は火曜日、市中心部と南部を結ぶ新しい地下鉄路線の営業を始めたと発表した。\n\n"
        "市交通局によると、電車は五分ごとに運行され、運行時間は朝六時から深夜零時までとなる。\n\n"
        "建設には二年以上かかり、総事業費は当初の予算を大きく上回った。",
        "3件のコメント",
        [
            ("田中太郎 より:", "2020年3月12日 2:35 PM", "やっと開業ですね。待っていました。"),
            ("佐藤 より:", "2020年3月12日 3:02 PM", "運賃はまた上がるのでしょうか。"),
            ("鈴木一郎 より:", "2020年3月13日 9:11 AM", "先に道路を直してほしい。"),
        ],
        "返信",
        "コメントを残す",
        [
            "市の発表より:",
            "予想より多くの人が初日に乗車した。",
            "この記事には5件のコメントが寄せられた。",
        ],
    ),
    "tr": (
        "İzmir'de yeni tramvay hattı açıldı\n\n"
        "İzmir Büyükşehir Belediyesi salı günü şehir merkezini güney ilçelere bağlayan yeni tramvay"
        " hattını hizmete açtı.\n\n"
        "Belediye yetkililerine göre tramvaylar sabah altıdan gece yarısına kadar on dakikada bir"
        " sefer yapacak.\n\n"
        "Hattın yapımı iki yıldan uzun sürdü ve planlanandan çok daha pahalıya mal oldu.",
        "3 Yorum",
        [
            ("Ayşe diyor ki:", "12 Mart 2020, 14:35", "Sonunda! Yıllardır bekliyorduk."),
            ("Mehmet Kaya diyor ki:", "12 Mart 2020, 15:02", "Biletler yine zamlanacak mı?"),
            ("Ahmet diyor ki:", "13 Mart 2020, 09:11", "Önce yolları düzeltsinler."),
        ],
        "Cevapla",
        "Bir Cevap Yazın",
        [
            "Başkan diyor ki:",
            "Uzmanlar diyor ki hat on yılda kendini amorti edecek.",
            "Bir cevap yazın demek kolay, ama kim okuyacak?",
        ],
    ),
}


def _page(lang: str, stamps: bool = True) -> tuple[str, int, list[int], list[int]]:
    """The article and its thread (as WordPress's default comment list prints it: the name and
    its says-verb, the stamp, the comment, "Reply"), then the reply form's heading and its
    prompt; the thread heading's line, the name lines' and the stamp lines' (1-based)."""
    article, heading, comments, reply, form, _ = PAGES[lang]
    lines = [*article.split("\n"), "", heading, ""]
    at = len(lines) - 1
    names, dates = [], []
    for name, stamp, comment in comments:
        lines.append(name)
        names.append(len(lines))
        if stamps:
            lines.append(stamp)
            dates.append(len(lines))
        lines += [comment, reply, ""]
    lines += [form, "", "Email *", ""]
    return "\n".join(lines), at, names, dates


def test_the_thread_of_each_page() -> None:
    """B011 from the counted heading to the line before the reply form; B012 each name with its
    says-verb and each stamp (the English shape: "3 thoughts on …", "NAME says:", "March 12,
    2020 at 2:35 pm"). zh_TW's stamp, "2020 年 3 月 12 日 14:35" (its date format spaced), is read
    too since session 48 (before, the names alone were headers there)."""
    whole = [("B011", 9), ("B012", 11), ("B012", 12), ("B012", 16), ("B012", 17), ("B012", 21), ("B012", 22)]
    expected = {
        "uk": whole,
        "zh": whole,
        "zh_TW": whole,
        "ja": whole,
        "tr": whole,
    }
    for lang, found in expected.items():
        text, at, names, dates = _page(lang)
        assert (at, names, dates) == (9, [11, 16, 21], [12, 17, 22]), lang
        assert _found(text) == found, lang


@pytest.mark.parametrize("lang", list(PAGES))
def test_a_thread_of_says_verbs_alone(lang: str) -> None:
    """Without its stamps (an extractor that drops the date's link) the thread is found from its
    says-verbs alone: B012 on each name line, B011 from the heading."""
    text, at, names, _ = _page(lang, stamps=False)
    assert _found(text) == sorted([("B011", at), *(("B012", n) for n in names)])


@pytest.mark.parametrize("lang", list(PAGES))
def test_the_article_and_sentences_holding_the_words(lang: str) -> None:
    """The article alone, and with prose holding the says-verb, the heading's words or the
    reply prompt's (a quoted speaker's "NAME says:" line too): no thread. (Under a thread's
    heading one "NAME says:" line is a thread, in English as in these languages.)"""
    article, heading, _, _, form, sentences = PAGES[lang]
    assert _found(article) == []
    assert _found(article + "\n\n" + "\n\n".join(sentences) + "\n") == []
    assert (
        _found(article + "\n\n" + "\n\n".join([*sentences[1:], heading, form, *sentences[1:]]) + "\n") == []
    )


def test_a_counted_heading_of_chinese_and_japanese() -> None:
    """The nouns joined to their count, as WordPress prints them, head a thread of name-over-date
    pairs (`thread_pairs`: three names over bare dates are headers only under a heading); 评论
    and コメント alone ("commentary", a column) do not, nor a sentence counting comments."""
    pairs = [("王小明", "2020年3月12日"), ("李华", "2020年3月12日"), ("张伟", "2020年3月13日")]

    def page(heading: str) -> tuple[str, list[int]]:
        article = PAGES["zh"][0]
        lines = [*article.split("\n"), "", heading, ""]
        headers = []
        for name, day in pairs:
            lines += [name, day]
            headers += [len(lines) - 1, len(lines)]
            lines += ["说得好，支持。", ""]
        return "\n".join(lines), headers

    for heading in (
        "3条评论",
        "《杭州新地铁线路今日开通》有3条评论",
        "3 則迴響",
        "3 篇迴響",
        "3件のコメント",
    ):
        text, headers = page(heading)
        assert _found(text) == sorted([("B011", 9), *(("B012", n) for n in headers)]), heading
    for heading in ("评论", "コメント", "这篇文章有3条评论", "有3条评论的文章", "第3条评论"):
        text, _ = page(heading)
        assert _found(text) == [], heading


def test_leave_a_reply_in_the_languages_of_session_46() -> None:
    """WordPress's "Leave a Reply" heading, above a thread of name-over-date pairs, makes them
    headers as "Leave a Reply" does (`thread_pairs`), in each language whose translation prints
    one; a sentence opening with the same words does not."""
    lines_of = ["Lascia un commento", "Deixe um Comentário", "Deixar uma resposta", "Geef een reactie",
                "Dodaj komentarz", "Napsat komentář", "Tinggalkan Balasan", "Добавить комментарий",
                "Напишіть відгук", "Bir Cevap Yazın", "发表评论", "發表迴響", "コメントを残す",
                "Hinterlasse eine Antwort", "Laisser un commentaire", "Deja un comentario"]  # fmt: skip
    article = PAGES["uk"][0]

    def page(heading: str) -> tuple[str, list[int]]:
        lines = [*article.split("\n"), "", heading, ""]
        headers = []
        for name, day in (("Olena", "12.03.2020"), ("Andrij", "12.03.2020"), ("Petro", "13.03.2020")):
            lines += [name, day]
            headers += [len(lines) - 1, len(lines)]
            lines += ["Tak, zhodna.", ""]
        return "\n".join(lines), headers

    for heading in lines_of:
        text, headers = page(heading)
        assert _found(text) == sorted([("B011", 9), *(("B012", n) for n in headers)]), heading
    for heading in ("Lascia un commento se vuoi", "Добавить комментарий к статье о мосте нельзя.", "Uwagi"):
        text, _ = page(heading)
        assert _found(text) == [], heading


def test_a_users_pack_extends_the_stamp_joins_and_headings(tmp_path: Path) -> None:
    """`stamp-joins`, `heading-counted-nouns`, `heading-plurals` and `reply-headings` are word
    lists: a user's pack adds to them (here Hungarian, which B011 does not ship: "12 hozzászólás",
    a stamp "2020. március 12. de. 10:03" joined by "de.")."""
    pack = tmp_path / "hu.toml"
    pack.write_text(
        'rule = "B011"\n[words.hu]\nmonths = ["március"]\nstamp-joins = ["de.", "du."]\n'
        'heading-counted-nouns = ["hozzászólás"]\nheading-plurals = ["hozzászólások"]\n'
        'reply-headings = ["szólj hozzá"]\n',
        encoding="utf-8",
    )
    article = PAGES["uk"][0]
    lines = [*article.split("\n"), "", "3 hozzászólás", ""]
    stamps = []
    for name in ("Anna", "Béla", "Csaba"):
        lines += [f"{name} 12 március 2020 du. 10:03", "Igen, így van.", ""]
        stamps.append(len(lines) - 2)
    text = "\n".join(lines)
    plain = Settings(select=["B011", "B012"])
    extended = Settings(select=["B011", "B012"], extend_packs=[str(pack)])
    assert _found(text, plain) == []
    assert _found(text, extended) == sorted([("B011", 9), *(("B012", n) for n in stamps)])
    # without its stamp-joins the months alone make no stamp ("du." stands before the time)
    joinless = tmp_path / "hu-joinless.toml"
    joinless.write_text(
        pack.read_text(encoding="utf-8").replace('stamp-joins = ["de.", "du."]\n', ""), encoding="utf-8"
    )
    assert _found(text, Settings(select=["B011", "B012"], extend_packs=[str(joinless)])) == []


#: Characters of several scripts, in both cases where they have them, the characters that make
#: the answer None, and blanks.
SCRIPTS = (
    "коментуєКОМЕНТУЄіІ说道說より件のコメントdiyorDIYOR k:：\u1c82\u00b5\u03c3\u03a3\u0130\u0131\u212a \t"
)
WORDS = ("коментує", "说道", "說道", "より", "diyor", "says", "件のコメント", "ко")


def test_the_kernel_and_its_twin_agree_on_words_of_any_script() -> None:
    """Random short lines of Cyrillic, Chinese, Japanese and Latin characters (of one byte or
    wider, with the micro sign and the other characters that make the answer None): the compiled
    kernel answers as `native.py_short_lines_holding` does, and finds lines in upper case."""
    # (the kernel lower-cases no kana and no CJK ideograph: they have no case)
    assert all(chr(c).lower() == chr(c) for c in range(0x3040, 0xA000))
    rng = random.Random(47)
    answers = set()
    for _ in range(3000):
        lines = [
            "".join(rng.choice(SCRIPTS) for _ in range(rng.randint(0, 14))) for _ in range(rng.randint(1, 6))
        ]
        # and lines holding a word, maybe in upper case, amid others
        lines += [
            rng.choice(["", "x ", "Іван "]) + rng.choice([w, w.upper()]) + ":" for w in rng.sample(WORDS, 2)
        ]
        words = tuple(rng.sample(WORDS, rng.randint(0, 4)))
        expected = native.py_short_lines_holding(lines, 0, 12, words, ":.hH")
        assert _native.short_lines_holding(lines, 0, 12, words, ":.hH") == expected, (lines, words)
        answers.add(expected is None)
    assert answers == {True, False}
    assert _native.short_lines_holding(
        ["Іван КОМЕНТУЄ:", "x", "张三说道："], 0, 40, ("коментує", "说道"), ""
    ) == [0, 2]
    # the Kelvin sign lower-cases to "k", a word's ASCII first letter; the micro sign makes None
    words = ("kł", "коментує")
    assert _native.short_lines_holding(["\u212ał x", "é", "é KŁ"], 0, 40, words, "") == [0, 2]
    assert _native.short_lines_holding(["\u212ał x", "µg"], 0, 40, words, "") is None
    assert _native.short_lines_holding(["\u212ał x", "µg"], 0, 40, ("says",), "") == []


#: An Italian thread of WordPress (it_IT: "NAME scrive:", "12 marzo 2020 alle 14:35"), then its
#: reply form, which no English stop line names.
ITALIAN_THREAD = (
    "Il Comune apre la nuova linea del tram\n\n"
    "Il sindaco ha inaugurato sabato la nuova linea del tram che collega il centro alla stazione, dopo"
    " tre anni di lavori e molte polemiche sui costi.\n\n"
    "Secondo l'assessore ai trasporti, i tram passeranno ogni sei minuti dalle sei del mattino fino a"
    " mezzanotte, anche nei giorni festivi.\n\n"
    "3 commenti\n\n"
    "Giulia scrive:\n\n12 marzo 2020 alle 14:35\n\nFinalmente! La aspettavamo da anni.\n\n"
    "Marco Rossi scrive:\n\n12 marzo 2020 alle 15:02\n\nSperiamo che i biglietti non aumentino.\n\n"
    "Anna scrive:\n\n13 marzo 2020 alle 09:11\n\nMeglio tardi che mai.\n\n"
    "Lascia un commento\n\n"
    "Il tuo indirizzo email non sarà pubblicato.\n\n"
    "Commento\n\n"
    "Pubblica il commento\n"
)


def test_a_thread_stops_at_its_reply_form_in_every_language_of_reply_headings() -> None:
    """B011's region ends with the last comment, before the reply form's heading in the page's
    language ("Lascia un commento", B011's `reply-headings`), as it ends before "Leave a Reply":
    the form's lines after it are B002's, not the thread's."""
    doc = Document("page.txt", ITALIAN_THREAD)
    diags = Linter(Settings(select=["B011"])).lint(doc).diagnostics
    assert [(d.code, doc.lines[d.line - 1], doc.lines[d.end_line - 1]) for d in diags] == [
        ("B011", "3 commenti", "Meglio tardi che mai.")
    ]


@pytest.mark.parametrize(
    "stamps",
    [
        ("Veröffentlicht am 12. März 2025 um 09:10", "Aktualisiert am 12. März 2025 um 14:35"),
        ("Publicerad 12 mars 2025 kl. 09.10", "Uppdaterad 12 mars 2025 kl. 14.35"),
        ("ACTUALIZADO 19 de abril de 2022 6:00 PM", "Actualizado 25 de abril de 2022 10:08 AM"),
        ("Publié le 12 mars 2025 à 09:10", "Mis à jour le 12 mars 2025 à 14:35"),
        ("Updated March 12, 2025 at 14:35", "Published March 12, 2025 at 09:10"),
    ],
    ids=["de", "sv", "es", "fr", "en"],
)
def test_the_pages_own_stamps_are_no_comment_headers(stamps: tuple[str, str]) -> None:
    """A story's "Published … / Updated …" lines (or a listing's "Actualizado …" under each
    story, 128 findings on the 200 MB crawl) are the page's stamps, not a thread of comments by
    readers named "Aktualisiert" or "Publicerad": B011's `page-stamps` in each language are no
    commenter's name, as English's "Updated" and "Posted" were not."""
    article = ITALIAN_THREAD.split("3 commenti")[0]
    assert _found(article + "\n\n".join(stamps) + "\n") == []
    # a reader named before the same stamp is still a comment's header
    thread = "\n\n".join(f"Anna Berg {stamp.split(' ', 1)[1]}\n\nBra skrivet!" for stamp in stamps)
    assert _found(article + thread + "\n") == [("B011", 7), ("B012", 7), ("B012", 11)]
