"""Session 58's Chinese site chrome: a mainland site's footer of registrations and licences and
its copyright statement (B020: "京ICP备16044242号", "京公网安备11010702001529号",
"互联网新闻信息服务许可证：1012014004", "版权声明：…"), the portals' comment box and mood poll
(B002: Changyan's "有事没事说两句...", "你收到 0 条新通知", gmw.cn's "您此时的心情") and a box's
"more" link (S001: "更多>>"); a story that names the same things in its sentences is left alone."""

from __future__ import annotations

import pytest
from pack_articles import ZH, findings

#: A story about the rules the footers follow: it names the registrations, a licence and a
#: statement without the site's numbers, and a mood and a "more" in its sentences.
STORY = (
    ZH
    + "\n工信部表示，所有网站都必须办理ICP备案，未备案的网站将被关闭。\n"
    + "\n记者了解到，互联网新闻信息服务许可证的申请流程今年有所简化。\n"
    + "\n他在版权声明中写道：未经许可，任何人不得转载这篇文章。\n"
    + "\n市民说，您此时的心情我们完全能够理解，更多的问题还要慢慢解决。\n"
)


@pytest.mark.parametrize(
    "line, code",
    [
        ("京ICP备16044242号", "B020"),
        ("信息网络传播视听节目许可证0105108号 京｜ICP备11020872号－17 京公网安备110105007246", "B020"),
        ("©2020 Baidu 使用百度前必读 | 百科协议 | 隐私政策 | 百度百科合作平台 | 京ICP证030173号", "B020"),
        ("__京公网安备11000002000001号", "B020"),
        (
            "主办：半月谈杂志社 互联网新闻信息服务许可证：1012014004 网站备案：京公网安备11010702001529号"
            " 京ICP备16044242号 客服电话：400-851-5558",
            "B020",
        ),
        ("粤ICP备12345678号-1", "B020"),
        ("版权声明：转载须经版权人书面授权并注明来源", "B020"),
        ("有事没事说两句...", "B002"),
        ("  * 你收到 _0_ 条新通知", "B002"),
        ("  * 你收获 _0_ 个畅言足迹", "B002"),
        ("您此时的心情", "B002"),
        ("新闻表情排行 日/周", "B002"),
        ("  * 更多>>", "S001"),
    ],
)
def test_reported(line: str, code: str) -> None:
    assert (code, 3) in findings(ZH + "\n" + line + "\n")


def test_a_story_naming_the_same_things_is_left_alone() -> None:
    assert findings(STORY) == []
