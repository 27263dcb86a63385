"""B005 (social-share) on the rows of buttons of Russian and Chinese sites: their networks
(ВКонтакте, Одноклассники, VK, Telegram; 微信, 微博, QQ空间, 豆瓣) make a row like Facebook and
Twitter do, on one line or one button a line; prose that names them is left alone."""

from __future__ import annotations

import pytest

from lintnews.config import Settings
from lintnews.document import Document
from lintnews.registry import all_rules

RU = (
    "Правительство в понедельник одобрило законопроект, который со следующего года снизит налоги "
    "для индивидуальных предпринимателей, сообщил министр финансов на пресс-конференции."
)
RU2 = (
    "Оппозиция раскритиковала решение и заявила, что дефицит бюджета вырастет, если доходы от новых "
    "сборов окажутся ниже, чем ожидает правительство."
)
ZH = "政府周一批准了一项法案，从明年起降低个体经营者的税收。财政部长表示，这是迈向更简单税制的第一步，但反对派批评称预算赤字将会扩大。"
ZH2 = "议会预计将在三月讨论该法案，如果获得通过，新法将于明年一月起生效，届时约有两百万人受益。"


def flagged(text: str) -> list[int]:
    """1-based lines B005 flags in ``text``."""
    rule = all_rules()["B005"]
    return sorted(v.line + 1 for v in rule.check(Document("article.txt", text), Settings()))


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        (f"{RU}\nВКонтакте Одноклассники Telegram\n{RU2}\n", [2]),
        (f"{RU}\n{RU2}\nВКонтакте\nОдноклассники\nTelegram\nViber\n", [3, 4, 5, 6]),
        (f"{RU}\nVK, Telegram, WhatsApp\n{RU2}\n", [2]),
        (f"{RU}\nLiveJournal | VK | Twitter\n{RU2}\n", [2]),
        (f"{ZH}\n微信 微博 QQ空间 豆瓣\n{ZH2}\n", [2]),
        (f"{ZH}\n{ZH2}\n微信\n新浪微博\nQQ空间\n人人网\n", [3, 4, 5, 6]),
        (f"{ZH}\n微信 / 腾讯微博 / QQ\n{ZH2}\n", [2]),
        (
            f"{ZH}\n\n  * 腾讯微博\n  * QQ空间\n  * QQ好友\n  * 新浪微博\n  * 微信好友\n\n{ZH2}\n",
            [3, 4, 5, 6, 7],
        ),
        (f"{ZH}\n关注新华网\n\n微信\n\n微博\n\nQzone\n\n{ZH2}\n", [4, 6, 8]),
    ],
)
def test_a_row_of_russian_or_chinese_networks_is_a_row_of_buttons(text: str, lines: list[int]) -> None:
    assert flagged(text) == lines


@pytest.mark.parametrize(
    "text",
    [
        # prose that names the networks
        f"{RU}\nМинистр написал об этом во ВКонтакте и в своём канале в Telegram.\n{RU2}\n",
        f"{RU}\nАудитория Одноклассников и ВКонтакте выросла за год на десять процентов.\n{RU2}\n",
        f"{ZH}\n他在微博和微信上发布了这一消息，引起了广泛讨论。\n{ZH2}\n",
        f"{ZH}\n豆瓣评分显示，这部电影在QQ空间的讨论度很高。\n{ZH2}\n",
        # one network name alone on its line, and a heading that names two with a conjunction
        f"{RU}\nВКонтакте\n{RU2}\n",
        f"{ZH}\n微信\n{ZH2}\n",
        f"{RU}\n## ВКонтакте и Одноклассники: итоги года\n{RU2}\n",
    ],
)
def test_prose_that_names_them_is_left_alone(text: str) -> None:
    assert flagged(text) == []
