"""F005 on runs of replacement characters: a Chinese or Japanese page stored in GBK, Big5 or
Shift-JIS and read as UTF-8 with errors replaced keeps its ASCII and loses the rest to "�" runs,
which ftfy cannot repair (it was silent on them). A lone "�" is left alone."""

from __future__ import annotations

import pytest

from lintnews.config import Settings
from lintnews.document import Document
from lintnews.registry import Violation, all_rules

ZH = "国务院总理李强周二在北京主持召开国务院常务会议，研究部署进一步优化营商环境的措施。"
ZH2 = "会议指出，要加大对中小企业的支持力度，2024年将新增减税降费规模约3000亿元。"
JA = "政府は火曜日、東京で記者会見を開き、新しい経済対策を発表した。"
JA2 = "対策の規模は約20兆円で、来年度の予算に計上される見通しだ。"


def check(text: str) -> list[Violation]:
    return list(all_rules()["F005"].check(Document("article.txt", text), Settings()))


def misread(text: str, encoding: str) -> str:
    """``text`` stored in ``encoding`` and read as UTF-8, errors replaced."""
    return text.encode(encoding, "replace").decode("utf-8", "replace")


@pytest.mark.parametrize(
    ("first", "second", "encoding"),
    [(ZH, ZH2, "gbk"), (ZH, ZH2, "gb18030"), (ZH, ZH2, "big5"), (JA, JA2, "shift_jis"), (JA, JA2, "euc_jp")],
)
def test_a_paragraph_of_another_encoding_read_as_utf8_is_reported(
    first: str, second: str, encoding: str
) -> None:
    damaged = misread(second, encoding)
    found = check(f"{first}\n\n{damaged}\n\n{first}\n")
    assert [(v.line, v.fix) for v in found] == [(2, None)]  # the bytes are lost: no fix
    v = found[0]
    assert damaged[v.column : v.column + 2] == "\ufffd\ufffd"
    assert damaged[v.end_column - 1] == "\ufffd"
    assert "replacement characters" in v.message


@pytest.mark.parametrize(
    "text",
    [
        f"{ZH}\n{ZH2}\n{JA}\n{JA2}\n",  # correctly decoded
        # one lost character here and there: a damaged apostrophe or sign, not a misread page
        "Powered by Microsoft\ufffd Translator, and Research in Motion\ufffds subscriber base grew.\n",
        f"{ZH[:10]}\ufffd{ZH[10:20]}\ufffd{ZH[20:]}\n",
        # a text about the character itself
        "The replacement character \ufffd marks a byte that could not be decoded, the engineer said.\n",
    ],
)
def test_a_lone_replacement_character_is_left_alone(text: str) -> None:
    assert check(text) == []


def test_mojibake_that_ftfy_repairs_is_reported_as_before() -> None:
    found = check("The Kremlinâ€™s position has not changed, the spokesman said on Monday.\n")
    assert [v.message for v in found] == ['Mojibake "â€™" (should read "’")']
    assert found[0].fix is not None
