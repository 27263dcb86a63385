"""Session 45's comment-section phrases beyond English, German, French and Spanish: B002 (comment
widget), B007 (empty byline), B011/B012 (a thread under "NAME scrive:" headers) and B023 (lone
timestamp) in Italian, Portuguese, Dutch, Polish, Russian, Ukrainian, Chinese (simplified and
traditional) and Japanese. Each page is a news article with WordPress's comment section under it
(the lines of its translations: the counter, the headers, the form and its notes) and a byline
and a timestamp over it; the same words inside a sentence of the article, and the article alone,
give no finding of these rules."""

from __future__ import annotations

import pytest

from lintnews.config import Settings
from lintnews.document import Document
from lintnews.engine import Linter

RULES = ["B002", "B007", "B011", "B012", "B023"]
IT = (
    "Milano, la nuova linea del tram collega la stazione all'ospedale\n"
    "\n"
    "Il sindaco ha inaugurato sabato mattina la nuova linea del tram che collega la stazione centrale all'ospedale Niguarda. Secondo il Comune, la linea sarà usata ogni giorno da circa trentamila passeggeri, e i residenti del quartiere aspettavano l'apertura da più di dieci anni.\n"
    "\n"
    "I lavori sono durati tre anni e sono costati più del previsto. L'opposizione ha chiesto spiegazioni in consiglio comunale e ha presentato un'interrogazione sui ritardi del cantiere, che secondo i tecnici sono stati causati da una falda acquifera scoperta sotto piazza Maciachini.\n"
    "\n"
    "«È una giornata importante per tutta la città», ha detto il sindaco davanti ai giornalisti. «Abbiamo mantenuto la promessa fatta ai cittadini, anche se con qualche mese di ritardo». L'assessore alla mobilità ha spiegato che i tram passeranno ogni cinque minuti nelle ore di punta e ogni dieci minuti la sera.\n"
    "\n"
    "I commercianti della zona sono divisi. Alcuni sperano in un aumento dei clienti, altri lamentano la perdita dei parcheggi lungo il viale. Un gruppo di negozianti ha raccolto più di mille firme per chiedere un nuovo parcheggio sotterraneo vicino alla fermata principale.\n"
    "\n"
    "Le associazioni dei pendolari hanno accolto la notizia con favore, ma chiedono che il servizio venga esteso anche alla domenica mattina, quando oggi le corse sono poche. Il Comune ha promesso di valutare la richiesta entro la fine dell'anno, dopo i primi mesi di esercizio della nuova linea.\n"
    "\n"
    "Secondo uno studio dell'università, la nuova linea potrebbe ridurre il traffico privato nel quadrante nord di circa il quindici per cento entro due anni. Gli autori avvertono però che il risultato dipenderà dalla frequenza delle corse e dal prezzo del biglietto, che per ora resta invariato. Il prossimo tratto, verso il confine con Sesto San Giovanni, dovrebbe essere completato nel 2027.\n"
)
PT = (
    "Nova linha de metrô liga o centro ao aeroporto de Guarulhos\n"
    "\n"
    "O governador inaugurou no sábado a nova linha de metrô que liga o centro da cidade ao aeroporto internacional de Guarulhos. Segundo o governo do estado, cerca de cinquenta mil passageiros vão usar a linha por dia, e os moradores da zona leste esperavam a obra havia mais de quinze anos.\n"
    "\n"
    "As obras duraram quatro anos e custaram bem mais do que o previsto no contrato original. A oposição pediu explicações ao governo na assembleia legislativa e quer ouvir o secretário de transportes sobre os atrasos, que os engenheiros atribuem a problemas no solo perto do rio Tietê.\n"
    "\n"
    '"É um dia histórico para quem depende do transporte público", disse o governador durante a cerimônia. "Prometemos e cumprimos, mesmo com as dificuldades da pandemia." O secretário explicou que os trens vão passar a cada quatro minutos nos horários de pico e a cada oito minutos no restante do dia.\n'
    "\n"
    "Os comerciantes da região estão divididos. Alguns esperam um aumento no movimento das lojas, enquanto outros reclamam da falta de estacionamento perto das novas estações. Uma associação de moradores reuniu mais de duas mil assinaturas pedindo mais linhas de ônibus até as estações.\n"
    "\n"
    "As associações de passageiros elogiaram a abertura, mas pedem que a linha funcione também de madrugada nos fins de semana. O governo prometeu estudar o pedido até o fim do ano, depois dos primeiros meses de operação, quando terá dados sobre a demanda real.\n"
    "\n"
    "Segundo um estudo da universidade estadual, a nova linha pode reduzir em até quinze por cento o número de carros na avenida principal da zona leste nos próximos dois anos. Os autores alertam, porém, que o resultado depende da frequência dos trens e do preço da passagem, que por enquanto continua o mesmo. A próxima etapa, até a divisa com Arujá, deve ficar pronta em 2027.\n"
)
NL = (
    "Nieuwe tramlijn verbindt Utrecht Centraal met de Uithof\n"
    "\n"
    "De wethouder heeft zaterdag de nieuwe tramlijn geopend die het centraal station verbindt met het universiteitsterrein aan de oostkant van de stad. Volgens de gemeente zullen er elke dag ongeveer veertigduizend reizigers gebruik van maken, en de bewoners van de wijk wachten al meer dan tien jaar op de opening.\n"
    "\n"
    "De werkzaamheden hebben vier jaar geduurd en waren veel duurder dan verwacht. De oppositie heeft in de gemeenteraad om uitleg gevraagd over de vertraging, die volgens de ingenieurs werd veroorzaakt door problemen met de ondergrond bij het kanaal.\n"
    "\n"
    '"Dit is een belangrijke dag voor de hele stad", zei de wethouder tegen verslaggevers. "We hebben onze belofte gehouden, ook al duurde het langer dan gepland." De vervoerder legde uit dat de trams in de spits om de vier minuten rijden en \'s avonds om de tien minuten.\n'
    "\n"
    "De ondernemers in de buurt zijn verdeeld. Sommigen hopen op meer klanten, anderen klagen over het verdwijnen van parkeerplaatsen langs de weg. Een groep winkeliers heeft meer dan duizend handtekeningen verzameld voor een nieuwe parkeergarage bij de halte.\n"
    "\n"
    "Reizigersorganisaties zijn blij met de opening, maar vragen de gemeente om de tram ook op zondagochtend vaker te laten rijden. De gemeente heeft beloofd dat verzoek voor het einde van het jaar te bekijken, na de eerste maanden van de dienstregeling.\n"
    "\n"
    "Volgens een onderzoek van de universiteit kan de nieuwe lijn het autoverkeer in het oosten van de stad binnen twee jaar met ongeveer vijftien procent verminderen. De onderzoekers waarschuwen wel dat het resultaat afhangt van de frequentie van de trams en van de prijs van een kaartje, die voorlopig gelijk blijft. Het volgende deel van de lijn, richting Zeist, moet in 2027 klaar zijn. De provincie betaalt een groot deel van de kosten.\n"
)
PL = (
    "Nowa linia tramwajowa połączy Dworzec Centralny z Wilanowem\n"
    "\n"
    "Prezydent Warszawy otworzył w sobotę nową linię tramwajową, która łączy Dworzec Centralny z Wilanowem. Według ratusza będzie z niej codziennie korzystać około czterdziestu tysięcy pasażerów, a mieszkańcy dzielnicy czekali na nią ponad dziesięć lat.\n"
    "\n"
    "Budowa trwała cztery lata i kosztowała znacznie więcej, niż zakładano w umowie. Opozycja zażądała wyjaśnień na sesji rady miasta i chce przesłuchać dyrektora zarządu transportu w sprawie opóźnień, które według inżynierów wynikały z problemów z gruntem w pobliżu Wisły.\n"
    "\n"
    '„To ważny dzień dla całego miasta" – powiedział prezydent dziennikarzom. „Dotrzymaliśmy obietnicy, choć trwało to dłużej, niż planowaliśmy". Przewoźnik wyjaśnił, że tramwaje będą kursować co cztery minuty w godzinach szczytu i co dziesięć minut wieczorem.\n'
    "\n"
    "Przedsiębiorcy z okolicy są podzieleni. Jedni liczą na większą liczbę klientów, inni narzekają na likwidację miejsc parkingowych wzdłuż ulicy. Grupa sklepikarzy zebrała ponad tysiąc podpisów pod petycją o budowę nowego parkingu przy głównym przystanku.\n"
    "\n"
    "Stowarzyszenia pasażerów przyjęły otwarcie linii z zadowoleniem, ale proszą, by tramwaje kursowały częściej także w niedzielne poranki. Ratusz obiecał rozpatrzyć ten wniosek do końca roku, po pierwszych miesiącach działania nowej linii.\n"
    "\n"
    "Według badania przeprowadzonego przez politechnikę nowa linia może w ciągu dwóch lat zmniejszyć ruch samochodowy w południowej części miasta o mniej więcej piętnaście procent. Autorzy zastrzegają jednak, że wynik będzie zależał od częstotliwości kursów i od ceny biletu, która na razie się nie zmienia. Kolejny odcinek, w stronę Konstancina, ma być gotowy w 2027 roku, a jego koszt pokryje w dużej części budżet województwa. Radni dzielnicy chcą też nowych ścieżek rowerowych wzdłuż torowiska, a urzędnicy zapowiadają konsultacje społeczne jeszcze tej jesieni.\n"
)
RU = (
    "В Москве открылась новая станция метро\n"
    "\n"
    "Мэр Москвы открыл в субботу новую станцию Большой кольцевой линии. По его словам, ею будут ежедневно пользоваться более пятидесяти тысяч пассажиров, а жители района ждали открытия больше десяти лет.\n"
    "\n"
    "Строительство продолжалось четыре года и обошлось дороже, чем планировалось. Депутаты городской думы потребовали объяснений у руководства стройкомплекса, которое связывает задержки со сложными грунтами у реки.\n"
    "\n"
    "«Это важный день для всего города», — сказал мэр журналистам. «Мы выполнили обещание, хотя это заняло больше времени, чем мы рассчитывали». В метрополитене пояснили, что поезда будут ходить каждые две минуты в часы пик.\n"
    "\n"
    "Предприниматели района разделились во мнениях. Одни надеются на рост числа покупателей, другие жалуются на то, что у станции стало меньше парковочных мест. Жители собрали более тысячи подписей за строительство перехватывающей парковки.\n"
)
UK = (
    "У Києві відкрили новий міст через Дніпро\n"
    "\n"
    "Мер Києва у суботу відкрив для руху новий міст через Дніпро, який з'єднує Поділ із Троєщиною. За словами міської влади, щодня ним користуватимуться понад сорок тисяч автомобілів, а мешканці лівого берега чекали на це понад десять років.\n"
    "\n"
    "Будівництво тривало кілька років і коштувало значно більше, ніж планувалося. Депутати міської ради вимагали пояснень від підрядника, який пов'язує затримки зі складними ґрунтами біля річки та з подорожчанням металу.\n"
    "\n"
    "«Це важливий день для всього міста», — сказав мер журналістам. «Ми виконали обіцянку, хоча це забрало більше часу, ніж ми розраховували». У департаменті транспорту пояснили, що по мосту також ходитимуть тролейбуси.\n"
    "\n"
    "Підприємці району розділилися в думках. Одні сподіваються на більше покупців, інші скаржаться, що біля мосту стало менше місць для паркування. Мешканці зібрали понад тисячу підписів за будівництво нової зупинки.\n"
)
ZH = (
    "嫦娥六号完成月球背面采样任务\n"
    "\n"
    "新华社北京6月25日电，嫦娥六号返回器于25日14时07分在内蒙古四子王旗预定区域精准着陆，工作正常，标志着探月工程嫦娥六号任务取得圆满成功。\n"
    "\n"
    "这是人类首次从月球背面采集样品并返回地球。国家航天局表示，科研人员将对样品进行分析，研究月球背面的地质演化历史。\n"
    "\n"
    "网友纷纷在社交媒体上分享这一喜讯，不少人表示为中国航天感到骄傲。专家指出，这次任务为今后的载人登月积累了宝贵经验。\n"
)
ZH_HANT = (
    "嫦娥六號完成月球背面採樣任務\n"
    "\n"
    "新華社北京6月25日電，嫦娥六號返回器於25日14時07分在內蒙古四子王旗預定區域精準著陸，工作正常，標誌著探月工程嫦娥六號任務取得圓滿成功。\n"
    "\n"
    "這是人類首次從月球背面採集樣品並返回地球。國家航天局表示，科研人員將對樣品進行分析，研究月球背面的地質演化歷史。\n"
    "\n"
    "網友紛紛在社群媒體上分享這一喜訊，不少人表示為中國航天感到驕傲。專家指出，這次任務為今後的載人登月累積了寶貴經驗。\n"
)
JA = (
    "東京都、猛暑で熱中症警戒アラートを発表\n"
    "\n"
    "気象庁と環境省は２日、東京都に熱中症警戒アラートを発表した。都心では最高気温が３６度に達する見込みで、不要不急の外出を控えるよう呼びかけている。\n"
    "\n"
    "都内では先週から猛暑日が続いており、救急搬送される人も増えている。東京消防庁によると、１日だけで１００人以上が熱中症の疑いで病院に運ばれた。\n"
    "\n"
    "専門家は、こまめな水分補給とエアコンの適切な使用を勧めている。特に高齢者は暑さを感じにくいため、周囲の人が声をかけることが大切だという。\n"
)

#: Per language: the article, the lines set over it (after its headline), the lines set under it,
#: a sentence of the article holding the same words.
PAGES = {
    "it": (
        IT,
        ["di", "2 ore fa"],
        [
            "3 commenti",
            "Mario Rossi scrive:",
            "12 marzo 2024 alle 14:03",
            "Finalmente! Aspettavamo questo tram da anni, speriamo che funzioni bene anche d'inverno.",
            "Rispondi",
            "Giulia Bianchi scrive:",
            "12 marzo 2024 alle 15:10",
            "Io abito in viale Zara e i lavori sono stati un incubo, ma ne è valsa la pena.",
            "Rispondi",
            "Lascia un commento",
            "Annulla risposta",
            "Il tuo indirizzo email non sarà pubblicato. I campi obbligatori sono contrassegnati *",
            "Commento",
            "Salva il mio nome, email e sito web in questo browser per la prossima volta che commento.",
            "Commento all'articolo",
            "Questo sito usa Akismet per ridurre lo spam. Scopri come i tuoi dati vengono elaborati.",
        ],
        "Un lettore ci ha scritto di lasciare un commento sotto l'articolo, e in 3 commenti arrivati due ore fa altri hanno chiesto perché i campi obbligatori sono contrassegnati solo in italiano; il sindaco scrive spesso ai cittadini e ha risposto: «Rispondi tu, Mario».",
    ),
    "pt": (
        PT,
        ["Por", "há 2 horas"],
        [
            "3 comentários",
            "Ana Souza disse:",
            "12 de março de 2024 às 14:03",
            "Finalmente! Esperamos essa linha por anos, tomara que funcione bem nos fins de semana.",
            "Responder",
            "Paulo Lima disse:",
            "12 de março de 2024 às 15:10",
            "Moro perto da estação e as obras foram um pesadelo, mas valeu a pena.",
            "Responder",
            "Deixe um comentário",
            "Cancelar resposta",
            "O seu endereço de email não será publicado. Campos obrigatórios são marcados com *",
            "Comentário",
            "Publicar comentário",
            "Este site utiliza o Akismet para reduzir spam. Saiba como seus dados em comentários são processados.",
        ],
        "Um leitor nos pediu para deixar um comentário sobre a obra, e há 2 horas recebemos 3 comentários de moradores; o governador disse que o seu endereço de email não será publicado sem autorização.",
    ),
    "nl": (
        NL,
        ["door", "2 uur geleden"],
        [
            "3 reacties",
            "Jan de Vries zegt:",
            "12 maart 2024 om 14:03",
            "Eindelijk! We wachten al jaren op deze tram, hopelijk rijdt hij ook in het weekend vaak.",
            "Beantwoorden",
            "Fatima El Amrani zegt:",
            "12 maart 2024 om 15:10",
            "Ik woon vlak bij de halte en de werkzaamheden waren een nachtmerrie, maar het was het waard.",
            "Beantwoorden",
            "Geef een reactie",
            "Reactie annuleren",
            "Je e-mailadres wordt niet gepubliceerd. Vereiste velden zijn gemarkeerd met *",
            "Reactie",
            "Reactie plaatsen",
            "Deze site gebruikt Akismet om spam te verminderen. Bekijk hoe je reactie-gegevens worden verwerkt.",
        ],
        "Een lezer vroeg ons om een reactie te plaatsen over de tram, en 2 uur geleden kwamen er 3 reacties binnen; de wethouder zegt dat je e-mailadres wordt niet gepubliceerd als je dat niet wilt.",
    ),
    "pl": (
        PL,
        ["2 godziny temu"],
        [
            "3 komentarze",
            "Anna Nowak pisze:",
            "12.03.2024 o 14:03",
            "Nareszcie! Czekaliśmy na ten tramwaj latami, oby jeździł często także w weekendy.",
            "Odpowiedz",
            "Piotr Zieliński pisze:",
            "12.03.2024 o 15:10",
            "Mieszkam przy przystanku i budowa była koszmarem, ale było warto.",
            "Odpowiedz",
            "Dodaj komentarz",
            "Anuluj pisanie odpowiedzi",
            "Twój adres e-mail nie zostanie opublikowany. Wymagane pola są oznaczone *",
            "Komentarz",
            "Opublikuj komentarz",
            "Ta witryna wykorzystuje Akismet, aby ograniczyć spam. Dowiedz się więcej jak przetwarzane są dane komentarzy.",
        ],
        "Czytelnik poprosił nas, by dodać komentarz do artykułu, a 2 godziny temu dostaliśmy 3 komentarze mieszkańców; prezydent pisze, że twój adres e-mail nie zostanie opublikowany bez zgody.",
    ),
    "ru": (
        RU,
        ["3 часа назад"],
        [
            "5 комментариев",
            "Добавить комментарий",
            "Отменить ответ",
            "Ваш адрес email не будет опубликован. Обязательные поля помечены *",
            "Комментарий",
            "Отправить комментарий",
            "Свежие комментарии",
        ],
        "Читатель попросил нас добавить комментарий к статье, и 3 часа назад мы получили 5 комментариев жителей; мэр ответил, что ваш адрес email не будет опубликован без согласия.",
    ),
    "uk": (
        UK,
        ["3 години тому"],
        [
            "5 коментарів",
            "Напишіть коментар",
            "Скасувати відповідь",
            "Ваша e-mail адреса не оприлюднюватиметься. Обов’язкові поля позначені *",
            "Коментар",
            "Додати коментар",
            "Останні коментарі",
        ],
        "Читач попросив нас додати коментар до статті, і 3 години тому ми отримали 5 коментарів мешканців; мер відповів, що ваша адреса не оприлюднюватиметься без згоди.",
    ),
    "zh": (
        ZH,
        ["3小时前"],
        [
            "12条评论",
            "发表评论",
            "取消回复",
            "电子邮件地址不会被公开。 必填项已用*标注",
            "评论",
            "您的评论正在等待审核。",
            "近期评论",
        ],
        "有网友3小时前在微博发表评论说，电子邮件地址不会被公开的规定很重要，已有12条评论表示赞同。",
    ),
    "zh-hant": (
        ZH_HANT,
        ["3小時前"],
        [
            "1 則迴響",
            "發表迴響",
            "取消回覆",
            "你的電子郵件位址並不會被公開。",
            "必要欄位標記為 *",
            "張貼迴響",
            "近期迴響",
        ],
        "有網友3小時前在臉書發表迴響說，電子郵件地址不會被公開的規定很重要，已有1則迴響表示贊同。",
    ),
    "ja": (
        JA,
        ["3時間前"],
        [
            "3件のコメント",
            "コメントを残す",
            "コメントをキャンセル",
            "メールアドレスが公開されることはありません。 ※ が付いている欄は必須項目です",
            "コメント",
            "コメントを送信",
            "最近のコメント",
        ],
        "ある読者は3時間前、コメントを残す欄に「メールアドレスが公開されることはありません」と書かれていて安心したと話した。",
    ),
}


def _page(lang: str) -> str:
    article, top, bottom, _ = PAGES[lang]
    headline, rest = article.split("\n\n", 1)
    return "\n\n".join([headline, *top, rest.rstrip("\n"), *bottom]) + "\n"


def _found(text: str, select: list[str] | None = None) -> list[tuple[str, int]]:
    settings = Settings() if select is None else Settings(select=select)
    diags = Linter(settings).lint(Document("page.txt", text)).diagnostics
    return sorted((d.code, d.line) for d in diags)


#: The thread of a WordPress page in Italian, Portuguese, Dutch and Polish (after the counter on
#: line 19, 17 in Polish): B011 at its first header, B012 at both headers, B002 at each "Reply".
_WP_FORM = [("B002", 37), ("B002", 39), ("B002", 41), ("B002", 43), ("B002", 45), ("B002", 47)]
_THREAD = [("B011", 21), ("B012", 21), ("B002", 27), ("B012", 29), ("B002", 35)]
_FORM_ONLY = [("B002", n) for n in (13, 15, 17, 19, 21, 23, 25)]
_CJK = [("B002", n) for n in (11, 13, 15, 17, 19, 21, 23)]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("it", [("B007", 3), ("B023", 5), ("B002", 19), *_THREAD, *_WP_FORM, ("B002", 49)]),
        ("pt", [("B007", 3), ("B023", 5), ("B002", 19), *_THREAD, *_WP_FORM]),
        ("nl", [("B007", 3), ("B023", 5), ("B002", 19), *_THREAD, *_WP_FORM]),
        (
            "pl",
            [("B023", 3), ("B002", 17), ("B011", 19), ("B012", 19), ("B002", 25), ("B012", 27)]
            + [("B002", n) for n in (33, 35, 37, 39, 41, 43, 45)],
        ),
        ("ru", [("B023", 3), *_FORM_ONLY]),
        ("uk", [("B023", 3), *_FORM_ONLY]),
        ("zh", [("B023", 3), *_CJK]),
        ("zh-hant", [("B023", 3), *_CJK]),
        ("ja", [("B023", 3), *_CJK]),
    ],
)
def test_comment_section_of_other_languages(lang: str, expected: list[tuple[str, int]]) -> None:
    """The default selection reports the byline, the timestamp and every line of the comment
    section (WordPress's, in the page's language), and nothing of the article."""
    assert _found(_page(lang)) == sorted(expected)


@pytest.mark.parametrize("lang", list(PAGES))
def test_the_same_words_in_a_sentence(lang: str) -> None:
    """The words of the comment section inside a sentence of the article are the article's."""
    article, _, _, sentence = PAGES[lang]
    assert _found(article.rstrip("\n") + "\n\n" + sentence + "\n", RULES) == []


@pytest.mark.parametrize("lang", list(PAGES))
def test_the_clean_article(lang: str) -> None:
    """The article alone: no finding of any default rule."""
    assert _found(PAGES[lang][0]) == []


@pytest.mark.parametrize(
    ("lang", "word"), [("it", "Commento"), ("nl", "Reactie"), ("ru", "Комментарий"), ("ja", "コメント")]
)
def test_a_story_word_between_paragraphs(lang: str, word: str) -> None:
    """The one-word "Comment" of a language is a column's subheading between two paragraphs of
    the article (`story-words`): left alone there, reported in the form (above)."""
    article = PAGES[lang][0]
    paragraphs = article.rstrip("\n").split("\n\n")
    text = "\n\n".join([*paragraphs[:3], word, *paragraphs[3:]]) + "\n"
    assert _found(text, RULES) == []


def test_ukrainian_pages_read_the_uk_table() -> None:
    """A Ukrainian page is placed as "uk" and reads B002's `uk` table (the `ru` table's two
    Ukrainian lines were all a Ukrainian page had before, read only when Russian stop words were
    a quarter of its own)."""
    from lintnews.packs import load_packs
    from lintnews.packs.matching import pack_languages

    settings = Settings()
    doc = Document("page.txt", _page("uk"))
    assert pack_languages(doc, settings, load_packs(settings))[0] == "uk"
    assert ("B002", 17) in _found(_page("uk"))  # "Скасувати відповідь": the `uk` table only
