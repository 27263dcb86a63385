"""T001 and T002 on scripts without letter case (Chinese, Japanese, Arabic …): prose told by its
letters and a sentence mark, a cut told by the last letter (no word list, and no spaces between
Chinese or Japanese words). Valid / invalid tables as in tests/test_rules_truncation.py."""

from __future__ import annotations

import pytest
from test_rules_truncation import check, lines_of, text

from lintnews.config import Settings
from lintnews.registry import all_rules
from lintnews.sources import html_document

# A made-up story about grain shipments, in Chinese, Japanese and Arabic.
ZH_LEDE = (
    "本市港口周二恢复了粮食运输，第一艘货船在保险公司同意恢复承保后驶离码头。官员表示，另有三艘船正在装货。"
)
ZH_BODY = "港口官员说，还有十二艘船在港外等候，检查工作将于周三恢复，具体视天气情况而定。"
ZH_TAIL = "保险公司警告说，如果安全形势发生变化，承保可能会在短时间内再次被撤回。"
#: A paragraph with a finished sentence, cut in its second.
ZH_CUT = "港口官员说，还有十二艘船在港外等候。检查工作将于周三恢复，码头工人已经开始清理"
JA_LEDE = "港湾局は火曜日、穀物の輸送を再開したと発表した。保険会社が補償の再開に合意したことを受け、最初の貨物船が港を出た。"
JA_BODY = (
    "港湾当局によると、さらに十二隻の船が港の外で待機しており、検査は天候次第で水曜日に再開される見通しだ。"
)
AR_LEDE = (
    "غادرت أول سفينة محملة بالحبوب منذ شهر الميناء يوم الثلاثاء بعد أن وافقت شركات التأمين على استئناف "
    "التغطية. وقال مسؤولون إن ثلاث سفن أخرى يجري تحميلها."
)
AR_BODY = (
    "وقال مسؤولو الميناء إن اثنتي عشرة سفينة أخرى تنتظر خارج الميناء، وإن عمليات التفتيش ستستأنف يوم "
    "الأربعاء حسب الأحوال الجوية."
)

#: Bengali: its vowel signs and virama are no letters (str.isalpha), a word cut after one ends on
#: a sign ("শু").
BN_LEDE = (
    "বন্দর কর্তৃপক্ষ মঙ্গলবার আবার শস্য পরিবহন শুরু করেছে। বীমা কোম্পানিগুলো আবার বীমা দিতে রাজি হওয়ার পর "
    "প্রথম জাহাজটি বন্দর ছেড়েছে।"
)
BN_BODY = (
    "বন্দরের কর্মকর্তারা জানান, আরও বারোটি জাহাজ বন্দরের বাইরে অপেক্ষা করছে। আবহাওয়া ভালো থাকলে বুধবার থেকে পরিদর্শন আবার শুরু হবে।"
)
#: The end of a page of NEWS WEB EASY: Japanese with the reading of its Han after them.
JA_EASY = "「NEWS WEB EASY」は、三省堂さんせいどうの『例解小学国語辞典れいかいしょうがくこくごじてん』を使つかっています。"
JA_EASY_RIGHTS = "辞書じしょの著作権ちょさくけんは、辞書じしょを作つくった株式会社かぶしきがいしゃ 三省堂さんせいどうにあります。"


T002_VALID = [
    text(ZH_LEDE, ZH_BODY, ZH_TAIL),
    text(JA_LEDE, JA_BODY),
    text(AR_LEDE, AR_BODY),
    # closing quotes, brackets and an ellipsis end a sentence of Chinese
    text(ZH_LEDE, "他说：“检查工作将于周三恢复，具体视天气情况而定”"),
    text(ZH_LEDE, "港口官员说，还有十二艘船在港外等候，检查工作将于周三恢复（完）"),
    text(ZH_LEDE, "港口官员说，还有十二艘船在港外等候，检查工作将于周三恢复……"),
    text(JA_LEDE, "港湾当局は「検査は天候次第で水曜日に再開される見通しだ」"),
    # bylines, credits, labels and buttons after the article
    text(ZH_LEDE, ZH_BODY, "新华社记者 张三 摄"),
    text(ZH_LEDE, ZH_BODY, "来源：新华社"),
    text(ZH_LEDE, ZH_BODY, "责任编辑：张三"),
    text(ZH_LEDE, ZH_BODY, "精彩视频推荐"),
    text(ZH_LEDE, ZH_BODY, "关于我们｜联系我们｜广告服务｜人才招聘｜举报中心 请发送短信至10658000订阅手机报"),
    text(
        ZH_LEDE, ZH_BODY, "港口官员说，检查工作将于周三恢复 码头工人已经开始清理"
    ),  # (spaced out: a caption)
    text(ZH_LEDE, ZH_BODY, "Share this article"),  # Latin letters after the article
    # lines of a blog without punctuation are no prose: no cut can be told
    text("星期天早上趁著攝影團還沒入場先來人物場景特寫", "難得有此無人美景在楓樹下的聖誕氛圍也一定要來一張"),
    # a menu
    text(ZH_LEDE, "首页 新闻 体育 财经 娱乐 科技 汽车 房产 教育 时尚 旅游 健康"),
    # a headline after the article: no comma, too short
    text(ZH_LEDE, ZH_BODY, "两会成为了解国情的窗口"),
    # Bengali: finished with a danda, and a share button after the article
    text(BN_LEDE, BN_BODY),
    text(BN_LEDE, BN_BODY, "শেয়ার"),
    # Japanese: three middle dots are an ellipsis; corner brackets closed on their line; a
    # heading or a list item is no paragraph
    text(JA_LEDE, "港湾当局によると、検査は天候次第で水曜日に再開される見通しだ・・・"),
    text(JA_LEDE, "辞書じしょについて", JA_EASY, JA_EASY_RIGHTS),
    text(JA_LEDE, "辞書について", "「NEWS WEB EASY」"),
    text(JA_LEDE, "## 関連記事「NEWS WEB"),
    text(JA_LEDE, "  * 「NEWS WEB"),
    # Arabic: a letter after one word may be a label's ("appendix B")
    text(AR_LEDE, AR_BODY, "الملحق ب"),
    # a quotation closed, with a term quoted inside it; a quotation that makes a sentence of its
    # own after a finished one; a title after the article, no sentence
    text(ZH_LEDE, "港口官员表示：“今年是‘一带一路’建设的关键一年，码头工人一直关注着‘安全生产、绿色港口’”"),
    text(JA_LEDE, "港湾当局の担当者は次のように話した。『検査は天候次第で水曜日に再開される』"),
    text(JA_LEDE, JA_BODY, "新刊『例解小学国語辞典』"),
]

T002_INVALID = [
    # the brief's example: a short last line after finished prose, cut after its first clause
    (text(ZH_LEDE, "该公司表示，今年的收"), [("T002", 2)]),
    (text(ZH_LEDE, ZH_BODY, "港口官员说，还有十二艘船在港外等候，检查工作将于周三恢"), [("T002", 3)]),
    (text(ZH_LEDE, ZH_BODY, "虽然港口对粮食运输的检查有严格的"), [("T002", 3)]),  # 14 letters, no comma
    (text(ZH_LEDE, ZH_CUT), [("T002", 2)]),
    (text(ZH_LEDE, "卢宇还认为两会应该增设学子代表，列席旁听两会，拓展留学生参政议政渠道。“"), [("T002", 2)]),
    (text(ZH_LEDE, "检查工作将于周三恢复，码头工人已经开始清理港口，开发人员向Alph"), [("T002", 2)]),
    (
        text(JA_LEDE, "港湾当局によると、さらに十二隻の船が港の外で待機しており、検査は天候次第で水"),
        [("T002", 2)],
    ),
    (
        text(
            AR_LEDE,
            "وقال مسؤولو الميناء إن اثنتي عشرة سفينة أخرى تنتظر خارج الميناء، وإن عمليات التفتيش ستستأنف يوم الأرب",
        ),
        [("T002", 2)],
    ),  # fmt: skip
    (text(ZH_LEDE, "港口官员说，还有十二艘船在港外等候，"), [("T002", 2)]),  # on a full-width comma
    # Bengali cut after a vowel sign ("শু") and after a virama-less consonant's sign ("বি")
    (text(BN_LEDE, BN_BODY.removesuffix("শুরু হবে।") + "শু"), [("T002", 2)]),
    (
        text(BN_LEDE, "হামলাকারী রামদা দিয়ে হাসিনুরের শরীরের বিভিন্ন স্থানে কোপাতে থাকলে তিনি রাস্তায় লুটিয়ে পড়েন। পরে বি"),
        [("T002", 2)],
    ),
    # Japanese: on a middle dot after a letter; a corner bracket opened and not closed, however
    # short the line; a clause of one long run with a reading after a space
    (
        text(
            JA_LEDE,
            "「NEWS WEB EASY」は外国人の皆さんや、小学生・中学生の皆さんのために、わかりやすい言葉でニュースを伝えるウェブ・",
        ),
        [("T002", 2)],
    ),
    (text(JA_LEDE, "辞書じしょについて", "「NEWS W"), [("T002", 3)]),
    (text(JA_LEDE, "辞書じしょについて", "「ＮＥＷＳ ＷＥＢ ＥＡ"), [("T002", 3)]),
    (text(JA_LEDE, "辞書じしょについて", "「"), [("T002", 3)]),
    (text(JA_LEDE, JA_EASY, JA_EASY_RIGHTS.removesuffix("どうにあります。")), [("T002", 3)]),
    # Arabic: a last word of one letter after two words is a stump
    (text(AR_LEDE, AR_BODY, "ماذا وراء ز"), [("T002", 3)]),
    # a quotation opened with a curved quote and not closed, ending on a term quoted inside it
    (
        text(
            ZH_LEDE,
            "港口官员表示：“今年是‘一带一路’建设的关键一年。作为一名码头工人，我一直关注着‘安全生产、绿色港口’",
        ),
        [("T002", 2)],
    ),
    # a title quoted inside the last sentence, its verb and end mark cut off
    (text(JA_LEDE, JA_EASY.removesuffix("を使つかっています。")), [("T002", 2)]),
]


@pytest.mark.parametrize("body", T002_VALID)
def test_t002_valid(body: str) -> None:
    assert lines_of("T002", body) == []


@pytest.mark.parametrize(("body", "expected"), T002_INVALID)
def test_t002_invalid(body: str, expected: list[tuple[str, int]]) -> None:
    assert lines_of("T002", body) == expected


def test_t002_messages_quote_the_last_letters() -> None:
    (v,) = check("T002", text(ZH_LEDE, "该公司表示，今年的收"))
    assert (v.message, v.line, v.column) == (
        'Document is cut off mid-sentence (ends on "今年的收" with no closing punctuation)',
        1,
        6,
    )
    (v,) = check("T002", text(ZH_LEDE, ZH_CUT))
    assert (
        v.message == 'Document is cut off mid-sentence (ends on "已经开始清理" with no closing punctuation)'
    )
    (v,) = check("T002", text(AR_LEDE, AR_BODY.removesuffix(" الجوية.")))
    assert v.message == 'Document is cut off mid-sentence (ends on "الأحوال" with no closing punctuation)'
    (v,) = check("T002", text(ZH_LEDE, "港口官员说，还有十二艘船在港外等候，"))
    assert (v.message, v.column) == ("Document is cut off mid-sentence (ends on a comma)", 11)


# --------------------------------------------------------------------------------------------
# T001: a paragraph cut before the next section needs a finished sentence and 30 letters


T001_VALID = [
    text(ZH_LEDE, "", ZH_BODY, "", ZH_TAIL),
    text(BN_LEDE, "", BN_BODY, "", BN_LEDE),
    # a headline of Japanese with a full stop inside: too short for a paragraph
    text("「子どもの貧困」に取り組む25歳。母を自殺で失ってからの軌跡", "", JA_LEDE),
    # one clause, no finished sentence before the end: a caption or a heading
    text(
        ZH_LEDE, "", "港口官员说还有十二艘船在港外等候检查工作将于周三恢复码头工人已经开始清理", "", ZH_TAIL
    ),
    # hard-wrapped plain text: the next line goes on with the sentence
    text("港口官员说，还有十二艘船在港外等候。检查工作将于周三恢复，码头工人", "已经开始清理。"),
    # a byline at the end of a paragraph
    text(
        ZH_LEDE,
        "",
        "港口官员说，还有十二艘船在港外等候。检查工作将于周三恢复。新华社记者 张三 摄",
        "",
        ZH_TAIL,
    ),
]

T001_INVALID = [
    (text(ZH_LEDE, "", ZH_CUT, "", ZH_TAIL), [("T001", 3)]),
    (text(JA_BODY, "", JA_LEDE.removesuffix("港を出た。") + "港を", "", JA_BODY), [("T001", 3)]),
    (text(AR_LEDE, "", AR_LEDE.removesuffix(" تحميلها."), "", AR_BODY), [("T001", 3)]),
    # Bengali, on a vowel sign
    (text(BN_LEDE, "", BN_BODY.removesuffix("শুরু হবে।") + "শু", "", BN_LEDE), [("T001", 3)]),
]


@pytest.mark.parametrize("body", T001_VALID)
def test_t001_valid(body: str) -> None:
    assert lines_of("T001", body) == []


@pytest.mark.parametrize(("body", "expected"), T001_INVALID)
def test_t001_invalid(body: str, expected: list[tuple[str, int]]) -> None:
    assert lines_of("T001", body) == expected


def test_t001_message_and_html() -> None:
    (v,) = check("T001", text(ZH_LEDE, "", ZH_CUT, "", ZH_TAIL))
    assert (v.message, v.line, v.column) == (
        'Paragraph is cut off mid-sentence (ends on "已经开始清理" with no closing punctuation)',
        2,
        len(ZH_CUT) - 6,
    )
    page = f"<html><body><p>{ZH_LEDE}</p><p>{ZH_CUT}</p><h2>港口的未来</h2><p>{ZH_TAIL}</p></body></html>"
    doc = html_document("a.html", page)
    assert [v.rule.code for v in all_rules()["T001"].check(doc, Settings())] == ["T001"]
    whole = page.replace(ZH_CUT, ZH_BODY)
    doc = html_document("a.html", whole)
    assert list(all_rules()["T001"].check(doc, Settings())) == []


# --------------------------------------------------------------------------------------------
# Thai: no judgement

TH_LEDE = (
    "สภาเมืองได้อนุมัติงบประมาณสำหรับปีหน้าเมื่อวันจันทร์ นายกเทศมนตรีกล่าวว่า "
    "เงินส่วนใหญ่จะนำไปซ่อมแซมโรงเรียนและถนน รวมทั้งซื้อรถโดยสารใหม่"
)
TH_BODY = "ฝ่ายค้านกล่าวว่าแผนนี้ไม่ได้แก้ปัญหาที่อยู่อาศัย และเรียกร้องให้มีการประชุมรับฟังความคิดเห็นก่อนการลงมติ"


def test_thai_paragraphs_are_not_judged() -> None:
    """Thai writes no space between words and no mark at a sentence's end (a space separates
    sentences and clauses): a whole paragraph ends on a letter as a cut one does, and no word
    list of Thai tells a stump from a word. So a Thai paragraph is no prose to the T rules
    (it holds no clause mark) and neither a whole nor a cut one is reported; made prose, every
    Thai page would be reported."""
    whole, cut = text(TH_LEDE, "", TH_BODY), text(TH_LEDE, "", TH_BODY.removesuffix("ความคิดเห็นก่อนการลงมติ"))
    for body in (whole, cut):
        assert lines_of("T002", body) == []
        assert lines_of("T001", text(TH_LEDE, "", body, "", TH_BODY)) == []
    from lintnews.document import Document

    assert not any(b.prose for b in Document("a.txt", whole).blocks)
    assert Document("a.txt", whole).language == "th"
