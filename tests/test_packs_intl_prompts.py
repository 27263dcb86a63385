"""The page's prompts in languages beyond English, German, French and Spanish (session 45): the
ad-blocker wall (B001), the cookie banner (B003), the newsletter box and sign-up prompts (B004),
the paywall (B008), the pagination (B024) and the print and e-mail tools (B025) of Italian,
Portuguese, Dutch, Polish, Russian, Ukrainian, Chinese (simplified and traditional) and Japanese
pages. Each page is a news article with those lines set where sites put them; the default
selection reports exactly them, and the same words inside a sentence of the article are left
alone."""

from __future__ import annotations

import pytest

from lintnews.config import Settings
from lintnews.document import Document
from lintnews.engine import Linter

RULES = {"B001", "B003", "B004", "B008", "B024", "B025"}

#: Per language: the article's headline and paragraphs, the chrome lines (code, line) the page
#: holds, and a paragraph that uses the chrome's words inside sentences.
CASES: dict[str, dict[str, object]] = {
    "it": {
        "title": "Il Comune approva il piano per le piste ciclabili",
        "paras": [
            "Il consiglio comunale ha approvato martedì sera, con ventidue voti favorevoli e nove contrari, il piano"
            " che prevede quaranta chilometri di nuove piste ciclabili entro la fine del 2027. L'assessore alla"
            " mobilità ha parlato di una scelta attesa da anni dai residenti dei quartieri periferici.",
            "Il progetto costerà circa diciotto milioni di euro, in gran parte coperti dai fondi europei del piano"
            " di ripresa. I primi cantieri apriranno in primavera lungo i viali della circonvallazione, dove ogni"
            " giorno passano più di trentamila automobili e dove negli ultimi tre anni si sono registrati"
            " numerosi incidenti gravi.",
            "L'opposizione ha criticato la decisione di ridurre i parcheggi nel centro storico. Secondo il"
            " capogruppo della minoranza, i commercianti non sono stati ascoltati e rischiano di perdere clienti"
            " proprio nei mesi in cui i lavori renderanno più difficile raggiungere le loro vetrine.",
            "Le associazioni dei ciclisti hanno accolto il voto con soddisfazione, ma chiedono tempi certi. Negli"
            " ultimi dieci anni, ricordano, sono stati annunciati almeno tre piani simili, nessuno dei quali è"
            " stato completato. Il sindaco ha promesso un rendiconto pubblico ogni sei mesi.",
            "Il piano prevede anche nuove rastrelliere vicino alle stazioni e un servizio di biciclette in"
            " condivisione esteso a tutta la città. I dettagli del bando saranno presentati il mese prossimo in"
            " un incontro aperto ai cittadini nella sala del consiglio.",
            "Nel frattempo la polizia locale intensificherà i controlli sui veicoli parcheggiati sulle corsie"
            " riservate alle biciclette. Dall'inizio dell'anno sono già state elevate oltre duemila multe, quasi il"
            " doppio rispetto allo stesso periodo dell'anno scorso, soprattutto nelle strade vicine alle scuole.",
        ],
        "chrome": [
            ("B025", "Versione stampabile"),
            ("B001", "Hai attivato un ad blocker. Per favore disattivalo per sostenere il nostro lavoro."),
            ("B008", "Contenuto riservato agli abbonati"),
            ("B008", "Sei già abbonato? Accedi"),
            ("B004", "Iscriviti alla nostra newsletter"),
            ("B004", "Inserisci la tua email"),
            ("B004", "Non perderti nulla: iscriviti ora"),
            ("B024", "Pagina 1 di 3"),
            (
                "B003",
                "Questo sito utilizza cookie tecnici e di profilazione per migliorare la tua esperienza.",
            ),
            ("B003", "Accetta tutti i cookie"),
        ],
        "sentences": "Secondo il Garante, scrivere che questo sito utilizza cookie non basta: chi naviga deve poter"
        " rifiutare, e a chi ha attivato un ad blocker non si può negare un contenuto riservato agli abbonati"
        " senza spiegare perché. Iscriviti alla nostra newsletter, diceva il cartello del comitato.",
    },
    "pt": {
        "title": "Governo anuncia nova linha de metrô para a zona leste",
        "paras": [
            "O governo estadual anunciou nesta segunda-feira a construção de uma nova linha de metrô que vai ligar"
            " a zona leste ao centro da cidade. Segundo o secretário de transportes, a obra deve começar no"
            " segundo semestre e ficar pronta em cinco anos.",
            "A nova linha terá dezesseis estações e cerca de vinte quilômetros de extensão. A previsão é que"
            " mais de quatrocentos mil passageiros usem o trajeto todos os dias, reduzindo o tempo de viagem de"
            " quem hoje depende de ônibus lotados e de trens antigos.",
            "O custo estimado é de doze bilhões de reais, parte financiada por um empréstimo internacional. A"
            " oposição na assembleia questionou os valores e pediu que o contrato seja analisado pelo tribunal"
            " de contas antes da assinatura.",
            "Moradores ouvidos pela reportagem disseram que a promessa não é nova. Há quase duas décadas, um"
            " projeto semelhante foi apresentado e abandonado depois de uma troca de governo. Desta vez, o"
            " secretário garantiu que os recursos já estão reservados no orçamento.",
            "As primeiras desapropriações devem ocorrer no próximo ano. A prefeitura informou que vai abrir um"
            " canal de atendimento para as famílias afetadas e que as indenizações serão pagas antes do início"
            " das obras em cada trecho da linha.",
            "Especialistas em mobilidade urbana elogiaram o traçado, mas alertaram para o risco de atrasos. Eles"
            " lembram que outras linhas da cidade levaram o dobro do tempo previsto para ficar prontas e que os"
            " custos finais superaram em muito os valores anunciados no lançamento dos projetos, o que acabou"
            " pesando no orçamento de outras áreas, como saúde e educação.",
        ],
        "chrome": [
            ("B025", "Versão para impressão"),
            ("B001", "Detectamos que você está usando um bloqueador de anúncios."),
            ("B008", "Conteúdo exclusivo para assinantes"),
            ("B008", "Já é assinante? Faça login"),
            ("B004", "Assine a nossa newsletter"),
            ("B004", "Digite seu e-mail"),
            ("B004", "Não perca nada: inscreva-se já"),
            ("B024", "Página 1 de 4"),
            ("B003", "Este site utiliza cookies para melhorar a sua experiência de navegação."),
            ("B003", "Aceitar todos os cookies"),
        ],
        "sentences": "Especialistas lembram que avisar que este site utiliza cookies não substitui o consentimento,"
        " e que o leitor que está usando um bloqueador de anúncios também pode assinar a nossa newsletter ou ler"
        " conteúdo exclusivo para assinantes.",
    },
    "nl": {
        "title": "Gemeente trekt extra geld uit voor sociale huurwoningen",
        "paras": [
            "De gemeenteraad heeft dinsdagavond ingestemd met een plan om de komende vijf jaar vierduizend"
            " sociale huurwoningen te bouwen. De wethouder van wonen sprak van een doorbraak na jaren waarin"
            " de wachtlijsten alleen maar langer werden.",
            "Het plan kost ruim zeshonderd miljoen euro. Een groot deel daarvan wordt betaald door de"
            " woningcorporaties, die in ruil daarvoor goedkoper grond van de gemeente kunnen kopen. De eerste"
            " woningen moeten over twee jaar worden opgeleverd in de nieuwe wijk aan de rand van de stad.",
            "De oppositie vindt dat het plan te weinig doet voor middeninkomens. Volgens een van de raadsleden"
            " vallen leraren en verpleegkundigen nu tussen wal en schip: ze verdienen te veel voor een sociale"
            " woning, maar te weinig om een huis te kopen.",
            "Ook de huurdersvereniging is kritisch. Zij wijst erop dat eerdere bouwplannen vertraging opliepen"
            " door stikstofregels en door een tekort aan bouwvakkers. De wethouder erkende die risico's, maar"
            " zei dat de vergunningen voor de eerste projecten al zijn aangevraagd.",
            "De gemeente wil daarnaast leegstaande kantoren ombouwen tot woningen voor jongeren. Een eerste"
            " gebouw aan het stationsplein wordt volgend jaar verbouwd en biedt plaats aan ongeveer honderdvijftig"
            " studenten en starters.",
            "Woningzoekenden kunnen zich vanaf volgende maand inschrijven via de website van de corporaties. De"
            " gemeente verwacht dat er voor elke woning tientallen reacties komen en wil daarom een deel van de"
            " huizen met voorrang toewijzen aan mensen die in de stad werken, zoals politieagenten, leraren en"
            " zorgmedewerkers. De raad stemt in het voorjaar over die voorrangsregels.",
        ],
        "chrome": [
            ("B025", "Artikel afdrukken"),
            ("B001", "Het lijkt erop dat je een adblocker gebruikt."),
            ("B008", "Dit artikel is alleen voor abonnees"),
            ("B008", "Al abonnee? Log in"),
            ("B004", "Meld je aan voor onze nieuwsbrief"),
            ("B004", "Je e-mailadres"),
            ("B004", "Mis niets: meld je nu aan"),
            ("B024", "Pagina 2 van 5"),
            ("B003", "Deze website maakt gebruik van cookies om de site goed te laten werken."),
            ("B003", "Alle cookies accepteren"),
        ],
        "sentences": "Volgens de toezichthouder is de melding dat deze website gebruikmaakt van cookies niet genoeg,"
        " en mag een lezer die een adblocker gebruikt niet zomaar worden geweerd van een artikel dat alleen voor"
        " abonnees is.",
    },
    "pl": {
        "title": "Rada miasta przyjęła budżet na przyszły rok",
        "paras": [
            "Radni przyjęli we wtorek budżet miasta na przyszły rok. Za głosowało dwudziestu pięciu radnych,"
            " przeciw było dziewięciu. Prezydent miasta zapowiedział, że najwięcej pieniędzy trafi na"
            " remonty szkół i rozbudowę komunikacji miejskiej.",
            "Dochody miasta mają wynieść ponad cztery miliardy złotych. Na inwestycje zaplanowano blisko"
            " miliard, w tym budowę nowej linii tramwajowej na osiedla północne oraz modernizację dwóch"
            " dużych szpitali, które od lat czekają na pieniądze.",
            "Opozycja krytykuje wzrost zadłużenia. Jej zdaniem miasto zaciąga kolejne kredyty, choć nie"
            " wiadomo, jak będzie je spłacać, jeśli rząd nie zwiększy udziału samorządów w podatkach."
            " Skarbnik odpowiedziała, że zadłużenie pozostaje na bezpiecznym poziomie.",
            "Mieszkańcy, którzy przyszli na sesję, pytali głównie o ceny biletów i o obiecane od dawna"
            " ścieżki rowerowe. Część z nich zapowiedziała zbieranie podpisów pod obywatelskim projektem"
            " uchwały w sprawie zieleni w centrum miasta.",
            "Budżet trafi teraz do regionalnej izby obrachunkowej. Pierwsze przetargi na nowe inwestycje"
            " mają zostać ogłoszone już w styczniu, a prace przy szkołach ruszą w czasie wakacji, gdy"
            " uczniowie nie będą chodzić na lekcje.",
            "W przyszłorocznym budżecie znalazły się też pieniądze na program wymiany starych pieców węglowych."
            " Urzędnicy szacują, że w mieście wciąż działa kilka tysięcy takich urządzeń, a smog zimą regularnie"
            " przekracza dopuszczalne normy. Dotacje mają pokryć nawet połowę kosztów nowego ogrzewania, a wnioski"
            " będzie można składać od lutego w urzędzie dzielnicy lub przez internet. Radni zapowiedzieli, że co"
            " pół roku sprawdzą, ile pieców udało się wymienić i czy program trzeba rozszerzyć na kolejne osiedla.",
        ],
        "chrome": [
            ("B025", "Wersja do druku"),
            ("B001", "Wygląda na to, że używasz AdBlocka."),
            ("B008", "Treść dostępna tylko dla subskrybentów"),
            ("B008", "Masz już subskrypcję? Zaloguj się"),
            ("B004", "Zapisz się do naszego newslettera"),
            ("B004", "Podaj adres e-mail"),
            ("B004", "Nie przegap niczego – zapisz się teraz"),
            ("B024", "Strona 1 z 3"),
            ("B003", "Ta strona używa plików cookies w celu świadczenia usług."),
            ("B003", "Akceptuj wszystkie"),
        ],
        "sentences": "Urząd przypomina, że komunikat, iż strona używa plików cookies, nie zastępuje zgody, a"
        " czytelnik, który używa AdBlocka, też może zapisać się do naszego newslettera.",
    },
    "ru": {
        "title": "В Москве открылась новая станция метро",
        "paras": [
            "Мэр Москвы открыл в субботу новую станцию Большой кольцевой линии. По его словам, ею будут"
            " ежедневно пользоваться более пятидесяти тысяч пассажиров, а время поездки из соседних районов"
            " до центра сократится почти на двадцать минут.",
            "Строительство станции заняло четыре года и обошлось городу в несколько миллиардов рублей."
            " Оформление посвящено истории отечественного судостроения: на стенах размещены мозаики с"
            " изображениями кораблей и портов.",
            "Жители района давно ждали открытия. Раньше им приходилось добираться до ближайшей станции на"
            " автобусе, который в часы пик стоял в пробках. Теперь, как отмечают в департаменте транспорта,"
            " нагрузка на наземный транспорт заметно снизится.",
            "До конца года в городе планируют открыть ещё три станции. Работы идут и на продлении двух"
            " радиальных линий, которые должны соединить новые жилые кварталы с центром.",
        ],
        "chrome": [
            ("B025", "Версия для печати"),
            ("B001", "Похоже, вы используете блокировщик рекламы."),
            ("B008", "Материал доступен только подписчикам"),
            ("B008", "Уже подписаны? Войдите"),
            ("B004", "Подпишитесь на нашу рассылку"),
            ("B004", "Введите ваш e-mail"),
            ("B004", "Не пропустите главное"),
            ("B024", "Страница 1 из 3"),
            ("B003", "Мы используем файлы cookie, чтобы сайт работал лучше."),
            ("B003", "Принять все"),
        ],
        "sentences": "Эксперты напоминают, что надпись «мы используем файлы cookie» не заменяет согласия, а"
        " читатель, который использует блокировщик рекламы, может подписаться на нашу рассылку.",
    },
    "uk": {
        "title": "У Києві відкрили новий міст через Дніпро",
        "paras": [
            "У неділю у Києві відкрили рух новим мостом через Дніпро. За словами міського голови, ним"
            " щодня користуватимуться понад сорок тисяч автомобілів, а дорога з лівого берега до центру"
            " стане коротшою на пів години.",
            "Будівництво тривало майже п'ять років і кілька разів зупинялося через брак грошей. Остаточну"
            " вартість робіт мерія обіцяє оприлюднити після перевірки, яку зараз проводять аудитори.",
            "Мешканці сусідніх районів кажуть, що чекали на міст дуже довго. Водночас вони скаржаться на"
            " шум і просять встановити захисні екрани вздовж житлових будинків, які стоять біля нової"
            " дороги.",
            "Наступного року місто планує завершити ремонт ще двох мостів. Роботи на них почнуться навесні,"
            " а рух транспорту на цей час обмежать.",
        ],
        "chrome": [
            ("B025", "Версія для друку"),
            ("B001", "Схоже, ви використовуєте блокувальник реклами."),
            ("B008", "Матеріал доступний лише передплатникам"),
            ("B008", "Вже маєте передплату? Увійдіть"),
            ("B004", "Підпишіться на нашу розсилку"),
            ("B004", "Введіть ваш e-mail"),
            ("B004", "Не пропустіть головне"),
            ("B024", "Сторінка 1 з 3"),
            ("B003", "Ми використовуємо файли cookie для покращення роботи сайту."),
            ("B003", "Прийняти всі"),
        ],
        "sentences": "Експерти нагадують, що напис «ми використовуємо файли cookie» не замінює згоди, а читач,"
        " який використовує блокувальник реклами, може підписатися на нашу розсилку.",
    },
    "zh": {
        "title": "嫦娥六号完成月球背面采样任务",
        "paras": [
            "新华社北京6月25日电，嫦娥六号返回器于25日14时07分在内蒙古四子王旗预定区域精准着陆，工作正常。",
            "这是人类首次从月球背面采集样品并返回地球。科研人员表示，样品将为研究月球的形成和演化提供重要依据。",
            "国家航天局负责人介绍，此次任务历时五十三天，突破了月球逆行轨道设计与控制等多项关键技术。",
            "按照计划，样品将在完成交接后运往实验室，部分样品还将与国际同行共享，开展联合研究。",
        ],
        "chrome": [
            ("B025", "打印本页"),
            ("B001", "检测到您正在使用广告拦截插件，请将本站加入白名单。"),
            ("B008", "本文为付费内容"),
            ("B008", "订阅后阅读全文"),
            ("B004", "订阅我们的新闻通讯"),
            ("B004", "请输入您的邮箱"),
            ("B024", "上一页 1 2 3 下一页"),
            ("B003", "本网站使用Cookie来改善您的浏览体验。"),
            ("B003", "接受所有Cookie"),
        ],
        "sentences": "专家指出，许多网站只写一句本网站使用Cookie，却没有说明用途；也有媒体把报道列为付费内容，读者订阅后阅读全文。",
    },
    "zh-hant": {
        "title": "台北捷運環狀線北段工程動工",
        "paras": [
            "台北市政府今天上午舉行捷運環狀線北段動工典禮，市長表示，這條路線完工後將串連士林、北投與內湖地區。",
            "環狀線北段全長約十五公里，共設十四座車站，總經費超過九百億元，預計在六年內完成通車。",
            "交通局指出，通車後每天可望服務十萬人次，並減少市區主要道路在上下班時段的壅塞情形。",
            "沿線居民則關心施工期間的噪音與交通管制，市府承諾將設立專線，隨時回應民眾的意見。",
        ],
        "chrome": [
            ("B025", "列印本頁"),
            ("B001", "偵測到您正在使用廣告阻擋程式，請關閉後重新整理頁面。"),
            ("B008", "付費內容"),
            ("B008", "訂閱後閱讀全文"),
            ("B004", "訂閱我們的電子報"),
            ("B004", "請輸入您的電子郵件"),
            ("B024", "上一頁 1 2 3 下一頁"),
            ("B003", "本網站使用Cookie以提升您的瀏覽體驗。"),
            ("B003", "接受所有Cookie"),
        ],
        "sentences": "專家提醒，網站不能只寫本網站使用Cookie就了事；讀者若偵測到您正在使用廣告阻擋程式的訊息，也可以選擇訂閱我們的電子報。",
    },
    "ja": {
        "title": "東京都、猛暑で熱中症警戒アラートを発表",
        "paras": [
            "気象庁と環境省は２日、東京都に熱中症警戒アラートを発表した。都心では最高気温が３６度に達する見込みだ。",
            "都は不要不急の外出を控え、こまめに水分を補給するよう呼びかけている。高齢者や子どもは特に注意が必要だという。",
            "消防庁によると、先週一週間に熱中症で救急搬送された人は全国で五千人を超え、前の週の二倍近くに増えた。",
            "気象庁は、この暑さは来週半ばまで続くとみており、夜間も室内で冷房を適切に使うよう求めている。",
        ],
        "chrome": [
            ("B025", "この記事を印刷する"),
            ("B001", "広告ブロッカーを検出しました。"),
            ("B008", "この記事は有料会員限定です。"),
            ("B008", "有料会員の方はログイン"),
            ("B004", "メールマガジン登録"),
            ("B004", "メールアドレスを入力してください"),
            ("B024", "前へ 1 2 3 次へ"),
            ("B003", "当サイトでは、サービス向上のためCookieを使用しています。"),
            ("B003", "Cookie設定"),
        ],
        "sentences": "専門家は、当サイトではCookieを使用していますと書くだけでは不十分で、この記事は有料会員限定ですという表示も分かりやすくすべきだと指摘する。",
    },
}

#: Where each kind of line goes among the article's paragraphs: the print tool under the
#: headline, the ad-blocker wall and the paywall after the second paragraph, the newsletter box
#: after the third, the pager under the article, the cookie banner at the foot of the page.
_AFTER = {"B025": 0, "B001": 2, "B008": 2, "B004": 3, "B024": 99, "B003": 99}


def blocks(case: dict[str, object]) -> list[tuple[str | None, str]]:
    """The page's blocks, one line each, with the code each chrome line is reported by."""
    paras = [str(case["title"]), *case["paras"]]  # type: ignore[misc]
    out: list[tuple[str | None, str]] = []
    chrome: list[tuple[str, str]] = case["chrome"]  # type: ignore[assignment]
    for i, para in enumerate(paras):
        out.append((None, para))
        out += [(code, line) for code, line in chrome if min(_AFTER[code], len(paras) - 1) == i]
    return out


def page(case: dict[str, object]) -> str:
    return "\n\n".join(line for _, line in blocks(case)) + "\n"


def expected(case: dict[str, object]) -> list[tuple[str, int]]:
    """(code, line) of each chrome line: block i is on line 2i + 1."""
    return [(code, 2 * i + 1) for i, (code, _) in enumerate(blocks(case)) if code]


def findings(text: str) -> list[tuple[str, int]]:
    diags = Linter(Settings()).lint(Document("page.txt", text)).diagnostics
    return sorted(((d.code, d.line) for d in diags), key=lambda x: (x[1], x[0]))


@pytest.mark.parametrize("lang", list(CASES))
def test_prompts_of_the_page_are_reported(lang: str) -> None:
    case = CASES[lang]
    assert findings(page(case)) == expected(case)
    assert {code for code, _ in expected(case)} == RULES


@pytest.mark.parametrize("lang", list(CASES))
def test_the_article_and_the_same_words_in_a_sentence_are_left_alone(lang: str) -> None:
    case = CASES[lang]
    article = [str(case["title"]), *case["paras"]]  # type: ignore[misc]
    assert not [f for f in findings("\n\n".join(article) + "\n") if f[0] in RULES]
    with_sentences = [*article[:3], str(case["sentences"]), *article[3:]]
    assert not [f for f in findings("\n\n".join(with_sentences) + "\n") if f[0] in RULES]


@pytest.mark.parametrize("lang", ["ru", "uk", "zh", "zh-hant", "ja", "pl"])
def test_the_page_reads_its_own_language(lang: str) -> None:
    """The tables are placed where the page's detected language reads them: a Ukrainian page is
    "uk" (not "ru"), a page in traditional characters "zh"."""
    assert Document("page.txt", page(CASES[lang])).language == lang.split("-")[0]
