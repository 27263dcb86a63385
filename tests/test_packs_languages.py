"""Phrase-pack lines in languages beyond English, German, French and Spanish (B002, B005, S001):
Portuguese is detected and gets its own table; a Russian or Arabic page is placed by its stop
words, a Japanese or Chinese one by its script's letters (`lintnews.language_scripts`), and gets
its language's phrases and English's. Whole lines only: the same words inside a sentence of the
article are left alone."""

from __future__ import annotations

import pytest

from lintnews.config import Settings
from lintnews.document import Document
from lintnews.engine import Linter

RU = (
    "В Москве открылась новая станция метро\n\n"
    "Мэр Москвы открыл в субботу новую станцию Большой кольцевой линии. По его словам, ею будут"
    " ежедневно пользоваться более 50 тысяч пассажиров.\n\n"
    "Читайте также\n\n"
    "Машинист решил поделиться своим опытом с пассажирами. Оформление станции посвящено истории"
    " судостроения.\n\n"
    "Поделиться\n\n"
    "Комментарии\n"
)
JA = (
    "東京都、猛暑で熱中症警戒アラートを発表\n\n"
    "気象庁と環境省は２日、東京都に熱中症警戒アラートを発表した。都心では最高気温が３６度に達する見込みだ。\n\n"
    "シェアする\n\n"
    "関連記事\n\n"
    "※コメントは個人の見解であり、記事提供社と関係はありません。\n"
)
ZH = (
    "嫦娥六号完成月球背面采样任务\n\n"
    "新华社北京6月25日电，嫦娥六号返回器于25日14时07分在内蒙古四子王旗预定区域精准着陆，工作正常。"
    "网友纷纷在社交媒体上分享这一喜讯。\n\n"
    "我要分享\n\n"
    "相关阅读\n\n"
    "发表评论\n"
)
PT = (
    "O governador inaugurou no sábado a nova linha de metrô. Segundo o governo, cerca de 50 mil passageiros"
    " vão usar a linha por dia, e os moradores do bairro querem compartilhar a boa notícia.\n\n"
    "Compartilhar\n\n"
    "Leia também\n\n"
    "As obras duraram dois anos e custaram mais do que o previsto. A oposição pediu explicações ao"
    " governo na assembleia.\n\n"
    "Deixe seu comentário\n"
)
AR = (
    "افتتح وزير الثقافة مساء الخميس معرض الرياض الدولي للكتاب بمشاركة أكثر من ألف دار نشر من ثلاثين دولة.\n\n"
    "تابعونا على\n\n"
    "اقرأ أيضا\n\n"
    "إضافة تعليق جديد\n"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (RU, [("S001", 5), ("B005", 9), ("B002", 11)]),
        (JA, [("B005", 5), ("S001", 7), ("B002", 9)]),
        (ZH, [("B005", 5), ("S001", 7), ("B002", 9)]),
        (PT, [("B005", 3), ("S001", 5), ("B002", 9)]),
        (AR, [("B005", 3), ("S001", 5), ("B002", 7)]),
    ],
    ids=["ru", "ja", "zh", "pt", "ar"],
)
def test_chrome_lines_of_other_languages(text: str, expected: list[tuple[str, int]]) -> None:
    diags = Linter(Settings(select=["B002", "B005", "S001"])).lint(Document("page.txt", text)).diagnostics
    assert sorted(((d.code, d.line) for d in diags), key=lambda x: x[1]) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "В Москве открылась новая станция метро\n\n15 часов назад\n\nМэр Москвы открыл в субботу новую станцию."
            " Он уехал 5 лет назад и вернулся.\n\nминуту назад\n",
            [3, 7],
        ),
        (
            "東京都、猛暑で熱中症警戒アラートを発表\n\n3時間前\n\n気象庁と環境省は２日、東京都に熱中症警戒アラートを発表した。"
            "10年前にも同様の猛暑があった。\n",
            [3],
        ),
        ("标题\n\n15小时前\n\n新华社北京6月25日电，嫦娥六号返回器于25日精准着陆。3天前还在月球上。\n", [3]),
        (
            "O governador inaugurou no sábado a nova linha de metrô. Segundo o governo, cerca de 50 mil passageiros"
            " vão usar a linha por dia, e os moradores esperavam há 3 anos.\n\nhá 3 horas\n\n5 minutos atrás\n",
            [3, 5],
        ),
        (
            "Prezydent Warszawy otworzył w sobotę nową linię tramwajową. Według ratusza będzie z niej codziennie"
            " korzystać wielu pasażerów, a budowa ruszyła 3 lata temu.\n\n15 godzin temu\n\ngodzinę temu\n",
            [3, 5],
        ),
        (
            "Primátor Prahy v sobotu otevřel novou tramvajovou trať.\n\npřed 15 hodinami\n\npřed hodinou\n",
            [3, 5],
        ),
        (
            "Primátor Prahy v sobotu otevřel novou tramvajovou trať. Stavba byla aktualizováno před dvěma lety"
            " podle plánu.\n\nAktualizováno před 21 minutami\n\nUpraveno před hodinou\n",
            [3, 5],
        ),
        (
            "서울시는 토요일 새 경전철 노선을 개통했다. 시장은 입력 3분 전 마감된 설문 결과를 소개했다.\n\n입력 3분 전\n\n수정 3시간 전\n",
            [3, 5],
        ),
    ],
    ids=["ru", "ja", "zh", "pt", "pl", "cs", "cs-updated", "ko-stamped"],
)
def test_lone_timestamps_of_other_languages(text: str, expected: list[int]) -> None:
    """B023: a relative timestamp alone on a line; the same words in a sentence are left alone."""
    diags = Linter(Settings(select=["B023"])).lint(Document("page.txt", text)).diagnostics
    assert [d.line for d in diags] == expected


def test_polish_related_prompts() -> None:
    """S001: session 40's Polish prompts alone on a line ("Zobacz również", "Czytaj więcej"), not
    the same words in a sentence."""
    text = (
        "Prezydent Warszawy otworzył w sobotę nową linię tramwajową. Według ratusza będzie z niej codziennie"
        " korzystać wielu pasażerów, a budowa ruszyła trzy lata temu.\n\nCzytaj więcej\n\n## Zobacz również\n\n"
        "Mieszkańcy mogą zobacz również nowe przystanki, które są czytaj więcej niż wygodne.\n"
    )
    diags = Linter(Settings(select=["S001"])).lint(Document("page.txt", text)).diagnostics
    assert [(d.code, d.line) for d in diags] == [("S001", 3), ("S001", 5)]


def test_polish_recommended_heading() -> None:
    """S001: a cooking site's "Polecane przepisy" (recommended recipes) over the links to other
    recipes is a related-content heading (the 20 MB crawl's c814 and c1292), which S002 had
    reported as "Title of another article spliced into the text"; "polecane" in a sentence is
    left alone."""
    text = (
        "Pierogi ugotuj. Na patelni rozpuść masło i podsmaż listki szałwii. Dodaj ugotowane pierogi,"
        " chwilę wymieszaj i natychmiast podawaj z parmezanem.\n\nSłodkie i soczyste owoce mogą być"
        " składnikiem deserów, ale również sałatek.\n\nCzytaj więcej\n\nPolecane przepisy\n\n"
        "Sernik z jogurtów greckich\n\nTarta z czekoladą i borówkami\n\n"
        "Te przepisy są polecane przez naszych czytelników od lat.\n"
    )
    diags = Linter(Settings(select=["S001", "S002"])).lint(Document("page.txt", text)).diagnostics
    assert [(d.code, d.line) for d in diags] == [("S001", 5), ("S001", 7)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            RU + "\nНаверх\n\nРеклама\n\nВсе права защищены. Перепечатка без разрешения запрещена.\n",
            [("B010", 13), ("B009", 15), ("B020", 17)],
        ),
        (
            ZH + "\n上一篇：嫦娥五号的故事\n\n广告\n\n光明网版权所有\n",
            [("B010", 11), ("B009", 13), ("B020", 15)],
        ),
        (
            JA + "\nページの先頭へ\n\n広告\n\n記事の無断転載を禁じます。\n",
            [("B010", 11), ("B009", 13), ("B020", 15)],
        ),
        (PT + "\nVoltar ao topo\n\nTodos os direitos reservados.\n", [("B010", 11), ("B020", 13)]),
        # session 40: the agencies' credit that names none; the words in a sentence are the article's
        (
            PT
            + "\nCom informações das agências.\n\nO governo disse que, com informações das agências, vai rever o plano.\n",
            [("B020", 11)],
        ),
    ],
    ids=["ru", "zh", "ja", "pt", "pt-agencies"],
)
def test_navigation_advertisement_and_copyright_lines(text: str, expected: list[tuple[str, int]]) -> None:
    """B009, B010 and B020 in other languages; the article's own lines are left alone."""
    diags = Linter(Settings(select=["B009", "B010", "B020"])).lint(Document("page.txt", text)).diagnostics
    assert sorted(((d.code, d.line) for d in diags), key=lambda x: x[1]) == expected
