"""Site chrome in Italian, Portuguese, Dutch, Polish, Russian, Ukrainian, Chinese (simplified and
traditional) and Japanese (session 45): a breadcrumb trail's home word (B006), a share button or
follow prompt (B005), a post-navigation link or WordPress widget heading (B010), a copyright line or
an agency's credit (B020) and a footer's row of service links (B026), each on a line of its own
where sites put them. Every language reads its own table (a Ukrainian page its `uk` table, not the
Russian one). The same words inside a sentence of the article, and the clean article alone, give
no finding of these rules."""

from __future__ import annotations

from typing import NamedTuple

import pytest

from lintnews.config import Settings
from lintnews.document import Document
from lintnews.engine import Linter
from lintnews.packs import load_packs, pack_languages

RULES = ("B005", "B006", "B010", "B020", "B026")


class Page(NamedTuple):
    headline: str
    paragraphs: tuple[str, ...]
    crumb: str  # B006, a trail opening with the language's home word
    share: str  # B005
    nav: str  # B010
    notice: str  # B020
    links: str  # B026
    sentence: str  # the same words inside a sentence of the article


IT = Page(
    "Milano, la nuova linea della metropolitana apre in anticipo",
    (
        "Il sindaco di Milano ha annunciato ieri che la nuova linea della metropolitana sarà aperta al"
        " pubblico già a novembre, con tre mesi di anticipo rispetto al calendario previsto. I lavori, iniziati"
        " quattro anni fa, sono costati meno di quanto stimato dal comune, che ora promette biglietti scontati"
        " per gli studenti nel primo anno di servizio.",
        "Secondo l'azienda dei trasporti, circa centomila passeggeri useranno la linea ogni giorno. Le nuove"
        " stazioni collegheranno la periferia nord con il centro storico in meno di venti minuti, e gli abitanti"
        " dei quartieri più lontani sperano di lasciare finalmente l'auto a casa durante la settimana.",
        "Non sono mancate le critiche. L'opposizione in consiglio comunale ha chiesto di pubblicare i contratti"
        " con le imprese e di spiegare perché due stazioni resteranno chiuse fino alla primavera. Il sindaco ha"
        " risposto che i documenti saranno disponibili sul sito del comune entro la fine del mese.",
        "I commercianti della zona, che per anni hanno sopportato cantieri e strade chiuse, chiedono ora un"
        " sostegno economico. Molti negozi hanno perso clienti durante i lavori e alcuni hanno chiuso. La giunta"
        " valuterà un fondo dedicato nella prossima seduta, insieme al piano per le nuove piste ciclabili.",
    ),
    "Home » Cronaca » Milano",
    "Condividi su Facebook",
    "Articolo precedente",
    "© RIPRODUZIONE RISERVATA",
    "Chi siamo | Contatti | Note legali | Informativa privacy | Pubblicità",
    "Il sindaco ha detto che la rubrica «Condividi su Facebook» del comune e l'articolo precedente citavano"
    " la fonte: ANSA, come le note legali e la sezione Chi siamo del sito.",
)

PT = Page(
    "Governo inaugura nova linha de metrô na zona leste",
    (
        "O governador inaugurou no sábado a nova linha de metrô que liga a zona leste ao centro da cidade."
        " Segundo o governo estadual, cerca de cinquenta mil passageiros vão usar a linha por dia, e o tempo"
        " de viagem entre os bairros mais distantes e a estação central deve cair pela metade.",
        "As obras duraram quatro anos e custaram mais do que o previsto no contrato original. A oposição pediu"
        " explicações na assembleia legislativa e quer saber por que duas estações continuam fechadas. O"
        " secretário de transportes afirmou que elas serão abertas até o fim do ano, depois dos testes finais.",
        "Moradores da região comemoraram a inauguração, mas reclamaram da falta de ônibus que levem até as"
        " novas estações. A prefeitura prometeu criar linhas alimentadoras nos próximos meses e reforçar a"
        " iluminação das ruas próximas, um pedido antigo das associações de bairro.",
        "Comerciantes que tiveram prejuízo durante as obras cobram uma compensação do governo. Muitos perderam"
        " clientes com as ruas interditadas e alguns fecharam as portas. O governo diz que estuda uma linha de"
        " crédito especial, que deve ser anunciada junto com o novo plano de mobilidade urbana.",
    ),
    "Início > Notícias > Cidades",
    "Compartilhe isso:",
    "Próximo post",
    "Com informações da Agência Brasil",
    "Quem somos | Fale conosco | Política de privacidade | Termos de uso",
    "O secretário disse que os usuários podem compartilhar no Facebook as fotos da viagem, e o próximo post"
    " do governo, com informações da Agência Brasil, vai explicar a política de privacidade do cartão.",
)

NL = Page(
    "Nieuwe metrolijn in Amsterdam gaat eerder open dan gepland",
    (
        "De nieuwe metrolijn tussen Amsterdam-Noord en het centrum gaat in november open, drie maanden eerder"
        " dan gepland. Dat maakte de wethouder van verkeer maandag bekend. De werkzaamheden zijn sneller verlopen"
        " dan verwacht en de kosten bleven volgens de gemeente binnen het budget dat vier jaar geleden is vastgesteld.",
        "Volgens het vervoerbedrijf maken straks dagelijks zo'n zestigduizend reizigers gebruik van de lijn. De"
        " reistijd van de buitenwijken naar het centraal station wordt daarmee bijna gehalveerd. Bewoners hopen"
        " dat de drukte op de fietsroutes en de pont over het IJ daardoor afneemt.",
        "Er is ook kritiek. De oppositie in de gemeenteraad wil weten waarom twee stations pas in het voorjaar"
        " opengaan en vraagt om openbaarmaking van de contracten met de aannemers. De wethouder zegt dat de"
        " stukken voor het einde van de maand op de website van de gemeente staan.",
        "Winkeliers in de buurt, die jaren last hadden van de bouw, vragen om compensatie. Veel zaken verloren"
        " klanten doordat straten waren afgesloten, en enkele moesten sluiten. Het college bespreekt volgende"
        " week een steunfonds, samen met plannen voor nieuwe fietsenstallingen bij de stations.",
    ),
    "Home > Nieuws > Amsterdam",
    "Dit delen:",
    "Vorige bericht",
    "Bron: ANP",
    "Over ons | Contact | Privacybeleid | Algemene voorwaarden | Colofon",
    "De wethouder vroeg bewoners om het nieuws te delen op Facebook, en het vorige bericht van de gemeente"
    " noemde als bron: ANP, met een verwijzing naar het privacybeleid en de algemene voorwaarden.",
)

PL = Page(
    "Nowa linia metra w Warszawie otwarta wcześniej",
    (
        "Nowy odcinek drugiej linii metra w Warszawie zostanie otwarty już w listopadzie, trzy miesiące przed"
        " terminem. Poinformował o tym w poniedziałek prezydent miasta. Prace budowlane przebiegły szybciej,"
        " niż zakładano, a koszty okazały się niższe od tych, które przewidziano w umowie podpisanej cztery lata temu.",
        "Według przewoźnika z nowego odcinka będzie codziennie korzystać około sześćdziesięciu tysięcy pasażerów."
        " Czas dojazdu z dzielnic na obrzeżach do centrum skróci się niemal o połowę. Mieszkańcy liczą, że na"
        " ulicach prowadzących do śródmieścia będzie wreszcie mniej samochodów.",
        "Nie obyło się bez krytyki. Radni opozycji pytają, dlaczego dwie stacje zostaną otwarte dopiero wiosną,"
        " i domagają się ujawnienia umów z wykonawcami. Prezydent odpowiada, że dokumenty zostaną opublikowane"
        " na stronie urzędu miasta jeszcze przed końcem miesiąca.",
        "Właściciele sklepów w okolicy, którzy przez lata znosili utrudnienia, oczekują teraz pomocy. Wiele"
        " punktów straciło klientów, a część musiała zostać zamknięta. Urząd rozważa specjalny fundusz wsparcia,"
        " który ma być omawiany na najbliższej sesji rady razem z planem nowych parkingów rowerowych.",
    ),
    "Strona główna » Wiadomości » Warszawa",
    "Udostępnij na Facebooku",
    "Następny wpis",
    "Źródło: PAP",
    "O nas | Kontakt | Regulamin | Polityka prywatności | Reklama",
    "Prezydent zachęcił mieszkańców, by udostępnij na Facebooku pisali o metrze, a następny wpis na jego"
    " profilu podawał źródło: PAP i odsyłał do polityki prywatności oraz regulaminu.",
)

RU = Page(
    "В Москве открылась новая станция метро",
    (
        "Мэр Москвы открыл в субботу новую станцию Большой кольцевой линии. По его словам, ею будут ежедневно"
        " пользоваться более пятидесяти тысяч пассажиров, а время поездки из спальных районов до центра"
        " сократится почти вдвое.",
        "Строительство заняло четыре года и обошлось дешевле, чем планировалось. Оппозиционные депутаты"
        " городской думы потребовали опубликовать контракты с подрядчиками и объяснить, почему две станции"
        " откроются только весной.",
        "Жители района радуются открытию, но жалуются на нехватку автобусов до новых станций. В мэрии обещают"
        " запустить дополнительные маршруты в ближайшие месяцы и отремонтировать дороги рядом с вестибюлями.",
        "Владельцы магазинов, которые годами терпели стройку, просят о компенсации. Многие потеряли покупателей,"
        " некоторые закрылись. Вопрос о фонде поддержки рассмотрят на следующем заседании правительства города.",
    ),
    "Главная > Новости > Общество",
    "Поделиться",
    "Предыдущая запись",
    "При полном или частичном использовании материалов ссылка на издание обязательна.",
    "О проекте | Контакты | Реклама | Политика конфиденциальности",
    "Мэр предложил жителям поделиться впечатлениями, а в предыдущей записи блога напомнил, что при"
    " использовании материалов ссылка на источник обязательна и что политика конфиденциальности не меняется.",
)

UK = Page(
    "У Києві відкрили нову станцію метро",
    (
        "Міський голова Києва відкрив у суботу нову станцію метро на лівому березі. За його словами, нею щодня"
        " користуватимуться понад п'ятдесят тисяч пасажирів, а дорога зі спальних районів до центру скоротиться"
        " майже вдвічі.",
        "Будівництво тривало чотири роки і коштувало дешевше, ніж планували. Депутати міської ради вимагають"
        " оприлюднити договори з підрядниками та пояснити, чому ще дві станції відкриють лише навесні.",
        "Мешканці району радіють відкриттю, але скаржаться на брак автобусів до нових станцій. У міській"
        " адміністрації обіцяють запустити додаткові маршрути найближчими місяцями і відремонтувати дороги.",
        "Власники крамниць, які роками терпіли будівництво, просять про компенсацію. Багато хто втратив"
        " покупців, дехто закрився. Питання про фонд підтримки розглянуть на наступному засіданні ради.",
    ),
    "Головна > Новини > Київ",
    "Поділитися",
    "Наступна публікація",
    "Усі права захищені. При використанні матеріалів посилання на сайт обов'язкове.",
    "Про нас | Контакти | Реклама | Політика конфіденційності",
    "Міський голова закликав киян поділитися враженнями, а в наступній публікації нагадав, що при"
    " використанні матеріалів посилання на джерело обов'язкове і що політика конфіденційності не змінюється.",
)

ZH = Page(
    "嫦娥六号完成月球背面采样任务",
    (
        "新华社北京6月25日电，嫦娥六号返回器于25日14时07分在内蒙古四子王旗预定区域精准着陆，工作正常。"
        "国家航天局宣布，探月工程嫦娥六号任务取得圆满成功，实现世界首次月球背面采样返回。",
        "此次任务历时53天，突破了月球逆行轨道设计与控制、月背智能快速采样等关键技术。科研人员表示，"
        "样品将在完成交接后开展研究，并按规定向国内外科学家开放。",
        "网友纷纷在社交媒体上分享这一喜讯。不少家长带着孩子收看了直播，许多学校也组织学生观看着陆画面。",
    ),
    "首页 > 新闻 > 科技",
    "分享到微信",
    "上一篇文章",
    "未经授权，禁止转载。",
    "关于我们 | 联系我们 | 广告服务 | 隐私政策",
    "科研人员说，他们分享到微信群里的照片都经过审核，上一篇文章介绍的隐私政策也适用于这些照片。",
)

ZH_TW = Page(
    "行政院通過明年度總預算案",
    (
        "中央社台北8月22日電，行政院今天通過明年度中央政府總預算案，歲出規模約新台幣三兆元，較今年增加百分之五。"
        "行政院長表示，將優先投入國防、長期照顧與社會住宅。",
        "主計總處指出，明年度稅收預估將持續成長，但仍需舉借部分債務以支應重大建設。在野黨立委則質疑，"
        "部分特別預算未納入總預算，恐影響國會監督。",
        "預算案將於下個月送交立法院審議。多位學者建議政府檢討補助項目，並提高各項計畫的執行率。",
    ),
    "首頁 > 政治 > 焦點",
    "分享到臉書",
    "下一篇文章",
    "版權所有，轉載請註明出處",
    "關於我們 | 聯絡我們 | 隱私權政策 | 服務條款",
    "立委表示，民眾可以分享到臉書的內容很多，下一篇文章將說明隱私權政策與服務條款的修改。",
)

JA = Page(
    "東京都、猛暑で熱中症警戒アラートを発表",
    (
        "気象庁と環境省は２日、東京都に熱中症警戒アラートを発表した。都心では最高気温が３６度に達する見込みで、"
        "不要不急の外出を控え、こまめに水分を補給するよう呼びかけている。",
        "都内では先月から熱中症とみられる症状で救急搬送される人が相次いでおり、消防庁によると、"
        "その半数以上が６５歳以上の高齢者だという。",
        "都は公共施設を涼しい避難場所として開放し、高齢者の見守り活動も強化する方針だ。",
    ),
    "ホーム > ニュース > 社会",
    "この記事をシェア",
    "前の記事",
    "無断転載を禁じます",
    "会社概要 | お問い合わせ | プライバシーポリシー | 利用規約",
    "担当者は、この記事をシェアする人が増えていると話し、前の記事でもプライバシーポリシーと利用規約について説明した。",
)

PAGES = {"it": IT, "pt": PT, "nl": NL, "pl": PL, "ru": RU, "uk": UK, "zh": ZH, "zh-tw": ZH_TW, "ja": JA}


def page_text(page: Page, chrome: bool = True) -> str:
    """The page as an extractor keeps it: the trail under the headline, the article, and after it
    the share button, the link to the next post, the copyright line and the footer's links."""
    head = [page.headline, page.crumb] if chrome else [page.headline]
    tail = [page.share, page.nav, page.notice, page.links] if chrome else []
    return "\n\n".join([*head, *page.paragraphs, *tail]) + "\n"


def findings(text: str) -> list[tuple[str, int]]:
    diags = Linter(Settings()).lint(Document("page.txt", text)).diagnostics
    return [(d.code, d.line) for d in diags]


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_chrome_lines_are_reported(lang: str) -> None:
    page = PAGES[lang]
    last = 3 + 2 * len(page.paragraphs)  # the blank line before the share button
    expected = [("B006", 3), ("B005", last + 2), ("B010", last + 4), ("B020", last + 6), ("B026", last + 8)]
    assert findings(page_text(page)) == expected


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_clean_article_and_words_in_a_sentence_are_left_alone(lang: str) -> None:
    page = PAGES[lang]
    assert not [f for f in findings(page_text(page, chrome=False)) if f[0] in RULES]
    paragraphs = (*page.paragraphs[:2], page.sentence, *page.paragraphs[2:])
    text = page_text(page._replace(paragraphs=paragraphs), chrome=False)
    assert not [f for f in findings(text) if f[0] in RULES]


@pytest.mark.parametrize(("lang", "table"), [("uk", "uk"), ("ru", "ru"), ("zh-tw", "zh"), ("ja", "ja")])
def test_each_page_reads_its_own_table_first(lang: str, table: str) -> None:
    # a Ukrainian page is detected as `uk` (Russian's stop words may add `ru` after it), a page in
    # traditional Chinese as `zh`
    settings = Settings()
    doc = Document("page.txt", page_text(PAGES[lang]))
    assert pack_languages(doc, settings, load_packs(settings))[:2] == [table, "en"]
