"""Comment threads stamped in other languages (B011, B012): a reader comment's stamp as
WordPress's translations print it ("%1$s at %2$s" in each locale's date format: "12.03.2020 в
14:35", "12 marca 2020 o 14:35", "2020年3月12日 下午2:35"), its months from B011's word lists
(`rules/packs/B011.toml`) and the word before its time from its `stamp-joins`. A page
of each language: its article, then a thread of three comments as an extractor keeps it (name,
stamp, comment, the "Reply" button); the same stamps in a dateline and inside sentences are
no thread."""

from __future__ import annotations

import pytest

from lintnews.config import Settings
from lintnews.document import Document
from lintnews.engine import Linter

#: Per language: the article (headline, then paragraphs), the thread's heading, the "Reply"
#: button, three (name, stamp, comment), and a sentence of the article that holds a stamp.
#: English first: the reference the other languages give the same lines as.
PAGES: dict[str, tuple[str, str, str, list[tuple[str, str, str]], str]] = {
    "en": (
        "City to close the old bridge for a year\n\n"
        "City officials announced on Monday the start of a major repair of the old bridge, which will"
        " last until the end of next year.\n\n"
        "According to the mayor's office, traffic on the bridge will be partly restricted, and temporary"
        " crossings will be set up for pedestrians.\n\n"
        "Experts note that the bridge has not been repaired for more than twenty years.",
        "Comments",
        "Reply",
        [
            ("John Peters", "March 12, 2020 at 2:35 pm", "About time, driving over it was scary."),
            ("Mary", "March 12, 2020 at 3:02 pm", "Traffic jams for half a year again, thanks."),
            ("Sergei", "March 13, 2020 at 9:11 am", "Where were they for the last twenty years?"),
        ],
        "The hearing began on March 12, 2020 at 2:35 pm and went on late into the evening.",
    ),
    "ru": (
        "Власти Москвы объявили о ремонте моста\n\n"
        "Власти Москвы в понедельник объявили о начале масштабного ремонта Крымского моста, который"
        " продлится до конца следующего года.\n\n"
        "По словам представителей мэрии, движение транспорта по мосту будет частично ограничено, а для"
        " пешеходов организуют временные переходы.\n\n"
        "Эксперты отмечают, что мост не ремонтировался более двадцати лет и его состояние вызывало"
        " опасения у жителей города.",
        "Комментарии",
        "Ответить",
        [
            (
                "Иван Петров",
                "12.03.2020 в 14:35",
                "Давно пора было отремонтировать этот мост, ездить было страшно.",
            ),
            ("Мария", "12.03.2020 в 15:02", "Опять пробки на полгода, спасибо мэрии."),
            ("Сергей", "13.03.2020 в 09:11", "А куда смотрели последние двадцать лет?"),
        ],
        "Заседание комиссии началось 12 марта 2020 в 14:35 и продлилось до позднего вечера.",
    ),
    "uk": (
        "У Києві відремонтують міст через Дніпро\n\n"
        "Міська влада в понеділок оголосила про початок ремонту мосту, який триватиме до кінця"
        " наступного року.\n\n"
        "За словами представників мерії, рух транспорту буде частково обмежено, а для пішоходів"
        " облаштують тимчасові переходи.\n\n"
        "Експерти зазначають, що міст не ремонтували понад двадцять років.",
        "Коментарі",
        "Відповісти",
        [
            ("Олена", "12 березня 2020 о 14:35", "Нарешті! Їздити мостом було страшно."),
            ("Андрій Коваль", "12 березня 2020 о 15:02", "Знову затори на пів року."),
            ("Петро", "13 березня 2020 о 09:11", "А де були раніше?"),
        ],
        "Засідання почалося 12 березня 2020 о 14:35 і тривало до пізнього вечора.",
    ),
    "pl": (
        "Remont mostu w Krakowie potrwa rok\n\n"
        "Władze miasta ogłosiły w poniedziałek rozpoczęcie remontu mostu, który potrwa do końca"
        " przyszłego roku.\n\n"
        "Według urzędników ruch samochodów zostanie częściowo ograniczony, a dla pieszych powstaną"
        " tymczasowe przejścia.\n\n"
        "Eksperci przypominają, że most nie był remontowany od ponad dwudziestu lat.",
        "Komentarze",
        "Odpowiedz",
        [
            ("Robs", "12 marca 2020 o 14:35", "Najwyższy czas, jazda po tym moście była straszna."),
            ("Anonim", "12 marca 2020 o 15:02", "Znowu korki przez pół roku, dziękujemy."),
            ("Arek", "13 marca 2020 o 09:11", "A gdzie byli przez ostatnie dwadzieścia lat?"),
        ],
        "Posiedzenie rozpoczęło się 12 marca 2020 o 14:35 i trwało do późnego wieczora.",
    ),
    "cs": (
        "Oprava mostu v Brně potrvá rok\n\n"
        "Vedení města v pondělí oznámilo začátek opravy mostu, která potrvá do konce příštího roku.\n\n"
        "Podle radnice bude doprava na mostě částečně omezena a pro chodce vzniknou dočasné přechody.\n\n"
        "Odborníci upozorňují, že most nebyl opravován více než dvacet let.",
        "Komentáře",
        "Odpovědět",
        [
            ("Jana", "12.3.2020 v 14.35", "Konečně, jezdit po tom mostě bylo o strach."),
            ("Petr Novák", "12.3.2020 v 15.02", "Zase zácpy na půl roku, děkujeme."),
            ("Karel", "13.3.2020 v 09.11", "A kde byli posledních dvacet let?"),
        ],
        "Zasedání začalo 12.3.2020 v 14.35 a trvalo do pozdního večera.",
    ),
    "it": (
        "Il ponte di Verona chiude per lavori\n\n"
        "Il Comune ha annunciato lunedì l'avvio dei lavori di ristrutturazione del ponte, che dureranno"
        " fino alla fine del prossimo anno.\n\n"
        "Secondo l'amministrazione il traffico sarà in parte limitato e per i pedoni saranno allestiti"
        " passaggi provvisori.\n\n"
        "Gli esperti ricordano che il ponte non veniva restaurato da oltre vent'anni.",
        "Commenti",
        "Rispondi",
        [
            ("Mario Rossi", "12 marzo 2020 alle 14:35", "Finalmente, passarci sopra faceva paura."),
            ("Giulia", "12 marzo 2020 alle 15:02", "Di nuovo code per sei mesi, grazie."),
            ("Luca", "13 marzo 2020 alle 09:11", "E negli ultimi vent'anni dov'erano?"),
        ],
        "La seduta è cominciata il 12 marzo 2020 alle 14:35 ed è durata fino a sera.",
    ),
    "pt": (
        "Ponte do Porto fecha para obras\n\n"
        "A câmara anunciou na segunda-feira o início das obras de reparação da ponte, que vão durar até"
        " ao fim do próximo ano.\n\n"
        "Segundo a autarquia, o trânsito será parcialmente condicionado e serão criadas passagens"
        " provisórias para os peões.\n\n"
        "Os especialistas lembram que a ponte não era reparada há mais de vinte anos.",
        "Comentários",
        "Responder",
        [
            ("João Silva", "12 de março de 2020 às 14:35", "Até que enfim, passar ali dava medo."),
            ("Ana", "12 de março de 2020 às 15:02", "Outra vez filas durante meio ano, obrigado."),
            ("Rui", "13 de março de 2020 às 09:11", "E onde estavam nos últimos vinte anos?"),
        ],
        "A reunião começou a 12 de março de 2020 às 14:35 e durou até à noite.",
    ),
    "nl": (
        "Brug in Utrecht een jaar dicht\n\n"
        "De gemeente heeft maandag de start aangekondigd van de renovatie van de brug, die tot eind"
        " volgend jaar duurt.\n\n"
        "Volgens de gemeente wordt het verkeer deels beperkt en komen er tijdelijke oversteekplaatsen"
        " voor voetgangers.\n\n"
        "Deskundigen wijzen erop dat de brug al meer dan twintig jaar niet is opgeknapt.",
        "Reacties",
        "Beantwoorden",
        [
            ("Jan de Vries", "12 maart 2020 om 14:35", "Eindelijk, over die brug rijden was eng."),
            ("Sanne", "12 maart 2020 om 15:02", "Weer een half jaar files, bedankt."),
            ("Pieter", "13 maart 2020 om 09:11", "En waar waren ze de afgelopen twintig jaar?"),
        ],
        "De vergadering begon op 12 maart 2020 om 14:35 en duurde tot de avond.",
    ),
    "tr": (
        "İzmir'deki köprü bir yıl kapalı kalacak\n\n"
        "Belediye pazartesi günü köprünün onarımına başlandığını ve çalışmaların gelecek yılın sonuna"
        " kadar süreceğini açıkladı.\n\n"
        "Yetkililere göre trafik kısmen kısıtlanacak, yayalar için geçici geçitler kurulacak.\n\n"
        "Uzmanlar köprünün yirmi yılı aşkın süredir onarılmadığını hatırlatıyor.",
        "Yorumlar",
        "Cevapla",
        [
            ("Ahmet Yılmaz", "12 Mart 2020, 14:35", "Sonunda, köprüden geçmek korkutucuydu."),
            ("Ayşe", "12 Mart 2020, 15:02", "Yine altı ay trafik, teşekkürler."),
            ("Mehmet", "13 Mart 2020, 09:11", "Son yirmi yıldır neredeydiler?"),
        ],
        "Toplantı 12 Mart 2020, 14:35 itibarıyla başladı ve akşama kadar sürdü.",
    ),
    "sv": (
        "Bron i Göteborg stängs för renovering\n\n"
        "Kommunen meddelade på måndagen att renoveringen av bron börjar och pågår till slutet av nästa år.\n\n"
        "Enligt kommunen begränsas trafiken delvis och tillfälliga övergångar byggs för fotgängare.\n\n"
        "Experter påpekar att bron inte har renoverats på över tjugo år.",
        "Kommentarer",
        "Svara",
        [
            ("Anna", "12 mars, 2020 kl. 14:35", "Äntligen, det var läskigt att köra över bron."),
            ("Erik Svensson", "12 mars, 2020 kl. 15:02", "Köer i ett halvår igen, tack."),
            ("Lars", "13 mars 2020 kl 09:11", "Var har de varit de senaste tjugo åren?"),
        ],
        "Mötet började den 12 mars 2020 kl. 14:35 och pågick till kvällen.",
    ),
    "id": (
        "Jembatan di Bandung ditutup untuk perbaikan\n\n"
        "Pemerintah kota pada hari Senin mengumumkan dimulainya perbaikan jembatan yang akan berlangsung"
        " hingga akhir tahun depan.\n\n"
        "Menurut pejabat kota, lalu lintas akan dibatasi sebagian dan penyeberangan sementara disiapkan"
        " untuk pejalan kaki.\n\n"
        "Para ahli mengingatkan bahwa jembatan itu tidak diperbaiki selama lebih dari dua puluh tahun.",
        "Komentar",
        "Balas",
        [
            ("Budi", "12 Maret 2020 pukul 14.35", "Akhirnya, lewat jembatan itu menakutkan."),
            ("Siti Rahma", "12 Maret 2020 pukul 15.02", "Macet lagi setengah tahun, terima kasih."),
            ("Agus", "13 Maret 2020 pukul 09.11", "Ke mana saja mereka dua puluh tahun terakhir?"),
        ],
        "Rapat dimulai 12 Maret 2020 pukul 14.35 dan berlangsung hingga malam.",
    ),
    "zh": (
        "武汉长江大桥将封闭维修一年\n\n"
        "市政府周一宣布，长江大桥的维修工程正式启动，预计将持续到明年年底。\n\n"
        "据市政部门介绍，维修期间大桥将实行部分交通管制，并为行人设置临时通道。\n\n"
        "专家指出，这座大桥已经二十多年没有进行过大规模维修。",
        "评论",
        "回复",
        [
            ("王小明", "2020年3月12日 下午2:35", "终于要修了，以前开车过桥心里发慌。"),
            ("李华", "2020年3月12日 下午3:02", "又要堵半年了。"),
            ("张伟", "2020年3月13日 上午9:11", "前二十年干什么去了？"),
        ],
        "会议于2020年3月12日 下午2:35开始，一直持续到深夜。",
    ),
    # zh_TW's WordPress spaces its date ("Y 年 n 月 j 日") and the half of the day ("A g:i")
    "zh_TW": (
        "台北中山橋將封閉整修一年\n\n"
        "市政府週一宣布，中山橋的整修工程正式啟動，預計將持續到明年年底。\n\n"
        "據工務局介紹，整修期間橋面將實施部分交通管制，並為行人設置臨時通道。\n\n"
        "專家指出，這座橋已經二十多年沒有進行過大規模整修。",
        "迴響",
        "回覆",
        [
            ("王小明", "2020 年 3 月 12 日 下午 2:35", "終於要修了，以前開車過橋心裡發慌。"),
            ("李華", "2020 年 3 月 12 日 下午 3:02", "又要塞車半年了。"),
            ("張偉", "2020 年 3 月 13 日 上午 9:11", "前二十年在做什麼？"),
        ],
        "會議於 2020 年 3 月 12 日 下午 2:35 開始，一直持續到深夜。",
    ),
    "ja": (
        "大阪の橋、一年間の改修工事へ\n\n"
        "市は月曜日、橋の改修工事を始めると発表した。工事は来年末まで続く見通しだ。\n\n"
        "市によると、工事期間中は車線が一部規制され、歩行者用の仮設通路が設けられる。\n\n"
        "専門家は、この橋が二十年以上本格的な改修を受けていないと指摘している。",
        "コメント",
        "返信",
        [
            ("田中太郎", "2020年3月12日 2:35 PM", "やっと直るのか。渡るのが怖かった。"),
            ("佐藤", "2020年3月12日 3:02 PM", "また半年渋滞か。"),
            ("鈴木一郎", "2020年3月13日 9:11 AM", "この二十年何をしていたのか。"),
        ],
        "会議は2020年3月12日 2:35 PMに始まり、深夜まで続いた。",
    ),
}


def _found(text: str) -> list[tuple[str, int]]:
    diags = Linter(Settings(select=["B011", "B012"])).lint(Document("page.txt", text)).diagnostics
    return sorted((d.code, d.line) for d in diags)


#: The languages whose thread heading B011 knows ("Comments", "Комментарии"): not Chinese and
#: Japanese, whose word for it heads the commentary pages as often (`thread_headings`).
HEADED = [lang for lang in PAGES if lang not in ("zh", "zh_TW", "ja")]


def _page(lang: str) -> tuple[str, int, list[int]]:
    """The article, its thread under the heading; the heading's line and the stamps' lines."""
    article, heading, reply, comments, _ = PAGES[lang]
    lines = [*article.split("\n"), "", heading, ""]
    at = len(lines) - 1
    stamps = []
    for name, stamp, comment in comments:
        lines += [name]
        stamps.append(len(lines) + 1)
        lines += [stamp, comment, reply, ""]
    return "\n".join(lines), at, stamps


@pytest.mark.parametrize("lang", HEADED)
def test_a_thread_stamped_in_the_pages_language(lang: str) -> None:
    """B011 reports the thread from its heading, B012 each comment's name and stamp (three
    names over a stamp under a heading: `thread_pairs`): in every language the lines the English
    thread of this shape gives ("John Peters" over "March 12, 2020 at 2:35 pm")."""
    text, heading, stamps = _page(lang)
    headers = [n for stamp in stamps for n in (stamp - 1, stamp)]
    assert _found(text) == sorted([("B011", heading), *(("B012", n) for n in headers)])


@pytest.mark.parametrize("lang", ["zh", "zh_TW", "ja"])
def test_a_thread_under_a_heading_b011_does_not_know(lang: str) -> None:
    """Under "评论" or "コメント" the thread starts at its first stamp, and B012 reports the
    stamps (the stamp alone is a header; a name over it only under a known heading)."""
    text, _, stamps = _page(lang)
    assert _found(text) == sorted([("B011", stamps[0]), *(("B012", n) for n in stamps)])


@pytest.mark.parametrize("lang", list(PAGES))
def test_the_article_alone_and_a_stamp_in_its_sentences(lang: str) -> None:
    """The article, with a sentence that holds a stamp as a paragraph of its own, and with the
    stamp alone under the headline as its dateline: no thread."""
    article, _, _, comments, sentence = PAGES[lang]
    headline, rest = article.split("\n\n", 1)
    assert _found(article) == []
    assert _found(f"{article}\n\n{sentence}\n") == []
    assert _found(f"{headline}\n\n{comments[0][1]}\n\n{rest}\n") == []
