"""Session 45's phrase packs in languages beyond English, German, French and Spanish, for S001
(related-content prompts), B009 (advertisement labels) and G003 (assistant chatter): a real-shaped
article in each language with the chrome lines set between its paragraphs, where sites print
them, is reported on exactly those lines by the default selection; the same words inside a
sentence of the article, and the clean article alone, are left alone. And what a text generator
appends to an article (S004's template section, S003's FAQ without its questions, G002's notes
on the people mentioned) in the same languages."""

from __future__ import annotations

import pytest

from lintnews.config import Settings
from lintnews.document import Document
from lintnews.engine import Linter

IT = [
    "Roma, il Comune approva il piano per il trasporto pubblico notturno",
    "Il consiglio comunale di Roma ha approvato martedì sera, dopo una seduta durata quasi sei ore, il"
    " nuovo piano per il trasporto pubblico notturno. Dal primo marzo dodici linee di autobus"
    " funzioneranno fino alle tre del mattino nei fine settimana, e quattro di esse anche nei giorni"
    " feriali.",
    "L'assessora alla mobilità ha spiegato che il piano costerà circa nove milioni di euro all'anno,"
    " coperti in parte da un contributo della Regione Lazio. Secondo l'azienda dei trasporti, le nuove"
    " corse serviranno soprattutto i lavoratori dei turni di notte, gli studenti e chi lavora nei"
    " ristoranti del centro storico.",
    "L'opposizione ha votato contro, sostenendo che il Comune non ha ancora risolto i ritardi delle"
    " linee diurne. Un consigliere ha ricordato che nell'ultimo anno quasi un autobus su cinque è"
    " rimasto fermo in deposito per guasti o per mancanza di autisti.",
    "I sindacati hanno accolto il piano con cautela. Chiedono che le assunzioni di nuovi autisti,"
    " almeno trecento secondo le loro stime, arrivino prima dell'estate, quando il traffico dei turisti"
    " rende il servizio ancora più difficile da garantire.",
    "Nelle prossime settimane l'azienda pubblicherà gli orari definitivi e una mappa delle fermate"
    " notturne. I residenti dei quartieri periferici, che da anni chiedono collegamenti migliori,"
    " potranno inviare osservazioni attraverso il sito del Comune fino alla fine del mese. Il sindaco"
    " ha promesso una prima verifica dei risultati dopo sei mesi di servizio, con i dati sui passeggeri"
    " di ogni linea.",
    "Le associazioni dei commercianti del centro hanno accolto la notizia con favore. Da tempo"
    " segnalavano che molti dipendenti dei locali serali rinunciano a lavorare nei fine settimana perché"
    " non hanno un modo sicuro ed economico per tornare a casa dopo la chiusura. Anche le università"
    " hanno chiesto di estendere il servizio alle zone dei collegi e delle residenze per studenti.",
]

PT = [
    "Prefeitura de Lisboa anuncia novo plano para habitação acessível",
    "A Câmara Municipal de Lisboa aprovou na quinta-feira um plano que prevê a construção de cerca de"
    " três mil casas com renda acessível até ao final de 2028. O investimento, estimado em 420 milhões de"
    " euros, será financiado em parte por fundos europeus e por um empréstimo do Banco Europeu de"
    " Investimento.",
    "Segundo o vereador responsável pela habitação, as primeiras obras devem começar no próximo ano em"
    " terrenos municipais de Marvila e do Lumiar. As rendas serão calculadas de acordo com o rendimento"
    " das famílias e não poderão ultrapassar um terço do salário do agregado.",
    "A oposição criticou o calendário do projeto, lembrando que planos anteriores ficaram muito aquém"
    " das metas anunciadas. Um vereador afirmou que a cidade perdeu milhares de moradores na última"
    " década por causa do aumento dos preços e que as famílias não podem esperar mais quatro anos.",
    "Associações de moradores acolheram a medida, mas pedem mais transparência na atribuição das casas."
    " Querem que o sorteio seja público e que os critérios sejam conhecidos antes da abertura das"
    " candidaturas, prevista para o início do próximo ano.",
    "O presidente da Câmara disse que o plano será revisto todos os anos e que os resultados serão"
    " publicados no site do município. Os especialistas ouvidos pela reportagem consideram o objetivo"
    " ambicioso, mas lembram que a falta de trabalhadores na construção civil pode atrasar as obras"
    " e encarecer o projeto nos próximos anos.",
    "Nos bairros onde as obras vão começar, muitos moradores vivem há décadas em casas antigas e sem"
    " condições, e temem ser obrigados a sair durante a construção. A autarquia garantiu que ninguém"
    " será despejado e que as famílias afetadas terão prioridade na atribuição das novas habitações,"
    " num processo acompanhado pelas juntas de freguesia. A primeira reunião com os moradores está"
    " marcada para o fim do mês.",
]

PL = [
    "Kraków rozbuduje sieć tramwajową do Nowej Huty",
    "Rada Miasta Krakowa zatwierdziła w środę plan budowy nowej linii tramwajowej, która połączy"
    " centrum z osiedlami we wschodniej części Nowej Huty. Inwestycja ma kosztować około 800 milionów"
    " złotych i zostać ukończona w 2029 roku, jeśli miasto otrzyma zapowiadane dofinansowanie z funduszy"
    " unijnych.",
    "Według zastępcy prezydenta miasta nowa trasa skróci dojazd do centrum o kilkanaście minut i pozwoli"
    " zlikwidować część linii autobusowych, które dziś stoją w korkach na głównych ulicach. Tramwaje"
    " mają kursować co pięć minut w godzinach szczytu.",
    "Mieszkańcy osiedli położonych wzdłuż planowanej trasy od lat domagali się lepszego połączenia."
    " Podczas konsultacji społecznych zgłosili jednak wiele uwag dotyczących wycinki drzew i hałasu,"
    " a część z nich zapowiedziała złożenie odwołań.",
    "Radni opozycji poparli projekt, choć krytykowali harmonogram prac. Ich zdaniem miasto powinno"
    " najpierw wyremontować istniejące torowiska, z których wiele jest w złym stanie technicznym i"
    " wymaga pilnych napraw.",
    "Przetarg na projekt wykonawczy ma zostać ogłoszony jeszcze w tym roku. Zarząd transportu"
    " publicznego zapowiedział, że przed rozpoczęciem budowy przedstawi szczegółowy plan objazdów i"
    " tymczasowej komunikacji zastępczej dla mieszkańców. Eksperci od transportu miejskiego oceniają,"
    " że to jedna z najważniejszych inwestycji w historii miasta.",
    "Nowa linia ma obsługiwać także szpital wojewódzki i kampus uczelni technicznej, do których dziś"
    " dojeżdża się dwoma autobusami. Władze uczelni od dawna zabiegały o tramwaj, bo tysiące studentów"
    " codziennie spóźniają się na zajęcia. Dyrekcja szpitala podkreśla z kolei, że wygodny dojazd jest"
    " ważny dla pacjentów w podeszłym wieku i ich rodzin, a także dla pracowników zmianowych, którzy"
    " kończą dyżury późno w nocy. Miasto zapowiada, że przy przystankach powstaną parkingi dla rowerów"
    " i samochodów, aby mieszkańcy okolicznych wsi mogli przesiadać się do tramwaju. Pierwsze prace"
    " przygotowawcze, w tym przebudowa sieci wodociągowej i kanalizacyjnej pod przyszłym torowiskiem,"
    " mogą ruszyć już wiosną przyszłego roku, jeżeli wojewoda wyda na czas wszystkie potrzebne pozwolenia."
    " Harmonogram robót ma zostać przedstawiony radnym jesienią.",
]

NL = [
    "Utrecht investeert in nieuwe fietsenstallingen bij stations",
    "De gemeenteraad van Utrecht heeft dinsdagavond ingestemd met een plan om bij drie stations in de"
    " stad nieuwe fietsenstallingen te bouwen. Samen bieden ze plaats aan ruim twaalfduizend fietsen."
    " De kosten worden geschat op 45 miljoen euro, die de gemeente deelt met ProRail en het rijk.",
    "Volgens de wethouder van mobiliteit zijn de bestaande stallingen op drukke dagen al voor acht uur"
    " 's ochtends vol. Reizigers zetten hun fiets dan op de stoep of tegen bomen, wat volgens"
    " omwonenden gevaarlijke situaties oplevert voor voetgangers en mensen met een rolstoel.",
    "De eerste stalling, bij station Vaartsche Rijn, moet over twee jaar klaar zijn. De andere twee"
    " volgen later, omdat daar eerst afspraken moeten worden gemaakt met de eigenaren van de grond"
    " rond de stations.",
    "Oppositiepartijen steunden het plan, maar vroegen de gemeente ook te kijken naar de"
    " fietsenstallingen in de wijken. Een raadslid wees erop dat veel bewoners van oudere buurten"
    " hun fiets nergens veilig kwijt kunnen en daarom vaker de auto nemen.",
    "De gemeente wil de bouw combineren met het vernieuwen van de pleinen rond de stations. Bewoners"
    " kunnen tot eind volgende maand reageren op de ontwerpen, die in de bibliotheek en op de website"
    " van de gemeente te bekijken zijn. Daarna neemt het college een definitief besluit over de"
    " planning en de verdeling van de kosten tussen de betrokken partijen.",
    "De Fietsersbond is blij met het besluit, maar waarschuwt dat de stallingen alleen werken als ze"
    " gratis blijven en dag en nacht open zijn. In andere steden bleven nieuwe stallingen half leeg"
    " toen er na een jaar geld voor werd gevraagd. De gemeente zegt dat de eerste 24 uur stallen gratis"
    " blijft en dat er toezicht komt. Ook komen er plekken voor bakfietsen en fietsen met een"
    " aanhanger, die nu vaak nergens passen.",
]

RU = [
    "В Казани открыли новый мост через реку Казанку",
    "В субботу в Казани открыли движение по новому мосту через реку Казанку. По словам мэра города,"
    " мост длиной почти километр соединит новые жилые районы на севере с центром и разгрузит две"
    " старые переправы, на которых в часы пик образуются многокилометровые пробки.",
    "Строительство продолжалось три года и обошлось бюджету республики примерно в девять миллиардов"
    " рублей. На мосту предусмотрены выделенные полосы для автобусов и широкая пешеходная дорожка с"
    " велосипедной полосой.",
    "Жители соседних домов в целом довольны, хотя жалуются на шум во время строительства. Власти"
    " пообещали до конца года установить шумозащитные экраны и высадить вдоль съездов несколько сотен"
    " деревьев.",
    "Эксперты отмечают, что новый мост лишь частично решит транспортные проблемы города. По их мнению,"
    " без развития метро и пригородных поездов пробки вернутся уже через несколько лет.",
]

UK = [
    "У Львові відкрили оновлену бібліотеку для дітей",
    "У суботу у Львові після двох років ремонту відкрили міську бібліотеку для дітей. За словами"
    " директорки закладу, у залах з'явилися нові меблі, простір для занять з малюками та кімната для"
    " підлітків, де можна працювати з комп'ютерами.",
    "Ремонт коштував міському бюджету близько тридцяти мільйонів гривень. Частину книжок передали"
    " видавництва та мешканці міста, які відгукнулися на заклик бібліотекарів минулої осені.",
    "Батьки, які прийшли на відкриття, кажуть, що дітям бракувало такого місця у центрі міста. Вони"
    " сподіваються, що бібліотека працюватиме і у вихідні, а не лише у будні дні.",
    "Міська рада обіцяє до кінця року оновити ще дві бібліотеки у спальних районах. Там також"
    " планують облаштувати укриття, щоб заняття не переривалися під час повітряних тривог.",
]

ZH = [
    "上海启动老旧小区加装电梯三年计划",
    "上海市住房和城乡建设管理委员会周二发布通知，计划在未来三年内为全市约五千栋老旧住宅楼加装电梯。"
    "按照计划，市区两级财政将为每台电梯提供最高二十八万元的补贴，其余费用由居民按楼层分摊。",
    "住建委负责人表示，上海六十岁以上的老年人口已超过五百万，不少住在没有电梯的六层楼里的老人多年来很少下楼。"
    "加装电梯被列为今年的重点民生项目之一。",
    "不过，一些低楼层居民担心电梯会影响采光和通风，也不愿承担费用。街道办事处表示，将组织居民协商，"
    "并聘请第三方机构评估每个方案对周边住户的影响。",
    "专家认为，补贴政策能够加快项目进度，但关键在于建立长期的维护机制，避免电梯装好后因缺少维修资金而停用。",
]

JA = [
    "大阪市、市営住宅の空き部屋を学生向けに貸し出し",
    "大阪市は１０日、市営住宅の空き部屋を大学生や専門学校生に格安で貸し出す制度を来年４月から始めると発表した。"
    "対象は市内の約二十か所の団地で、家賃は月額一万円程度を想定している。",
    "市によると、市営住宅では住民の高齢化が進み、空き部屋も増えている。学生には地域の清掃活動や高齢者の見守りに"
    "参加してもらい、団地のにぎわいを取り戻したい考えだ。",
    "一方、住民からは生活時間の違いによる騒音などを心配する声も上がっている。市は入居前に説明会を開き、"
    "住民と学生が話し合う場を設けるという。",
    "大学関係者は、家賃の高さに悩む学生にとって大きな助けになると期待を寄せている。",
]

ARTICLES = {"it": IT, "pt": PT, "pl": PL, "nl": NL, "ru": RU, "uk": UK, "zh": ZH, "ja": JA}

#: Per language, the chrome lines set after a paragraph of its article (its index in the article),
#: each with the code that must report it.
CHROME: dict[str, list[tuple[int, str, str]]] = {
    "it": [
        (1, "Leggi anche", "S001"),
        (2, "Pubblicità - Continua a leggere sotto", "B009"),
        (3, "Leggi anche: Metro C, i lavori slittano al 2030", "S001"),
        (4, "Contenuto sponsorizzato", "B009"),
        (5, "Certo! Ecco un articolo sul nuovo piano dei trasporti notturni di Roma.", "G003"),
        (6, "Potrebbe interessarti anche", "S001"),
        (6, "I più letti", "S001"),
    ],
    "pt": [
        (1, "**Leia também:** Governo aprova novas regras para o arrendamento", "S001"),
        (2, "Continua após a publicidade", "B009"),
        (3, "Notícias relacionadas", "S001"),
        (4, "Conteúdo patrocinado", "B009"),
        (5, "Como um modelo de linguagem de IA, não posso prever o resultado das obras.", "G003"),
        (6, "Você também pode gostar", "S001"),
        (6, "Mais lidas", "S001"),
    ],
    "pl": [
        (1, "Czytaj też: Nowe tramwaje wyjadą na ulice Krakowa", "S001"),
        (2, "Poniżej dalsza część artykułu", "B009"),
        (3, "Podobne artykuły", "S001"),
        (4, "Artykuł sponsorowany", "B009"),
        (5, "Jako model językowy AI nie mam dostępu do aktualnych danych o przetargach.", "G003"),
        (6, "Może cię zainteresować", "S001"),
        (6, "Najczęściej czytane", "S001"),
    ],
    "nl": [
        (1, "Lees ook: Amsterdam wil minder auto's in de binnenstad", "S001"),
        (2, "Het artikel gaat verder onder de advertentie", "B009"),
        (3, "Gerelateerde artikelen", "S001"),
        (4, "Gesponsorde inhoud", "B009"),
        (5, "Als AI-taalmodel kan ik geen actuele informatie over de bouw geven.", "G003"),
        (6, "Meer nieuws", "S001"),
        (6, "Meest gelezen", "S001"),
    ],
    "ru": [
        (1, "Читайте также: В Казани продлят линию метро", "S001"),
        (2, "На правах рекламы", "B009"),
        (3, "Материалы по теме", "S001"),
        (4, "Как языковая модель ИИ, я не могу знать о событиях после 2023 года.", "G003"),
        (5, "Вам может быть интересно", "S001"),
        (5, "Самое читаемое", "S001"),
    ],
    "uk": [
        (1, "Читайте також: У Києві відкрили нову бібліотеку", "S001"),
        (2, "На правах реклами", "B009"),
        (3, "Схожі новини", "S001"),
        (4, "Як мовна модель ШІ, я не можу переглядати сайти бібліотек.", "G003"),
        (5, "Вас може зацікавити", "S001"),
        (5, "Найпопулярніше", "S001"),
    ],
    "zh": [
        (1, "延伸阅读：北京老旧小区改造进展", "S001"),
        (2, "广告", "B009"),
        (3, "相关报道", "S001"),
        (4, "作为一个人工智能语言模型，我无法获取最新的政策信息。", "G003"),
        (5, "猜你喜欢", "S001"),
        (5, "48小时点击排行", "S001"),
    ],
    "ja": [
        (1, "【関連記事】大阪市、空き家対策に新制度", "S001"),
        (2, "スポンサーリンク", "B009"),
        (3, "あわせて読みたい", "S001"),
        (4, "AI言語モデルとして、私は最新の情報にアクセスできません。", "G003"),
        (5, "こちらもおすすめ", "S001"),
        (5, "人気記事ランキング", "S001"),
    ],
}

#: Per language, a paragraph of the article's that holds the words of its chrome lines in
#: sentences: no finding of S001, B009 or G003.
IN_SENTENCES = {
    "it": "Chi vuole capire il piano, ha detto l'assessora, leggi anche il documento tecnico: i più letti tra i"
    " consiglieri erano i capitoli sui costi. Come modello linguistico di una città moderna, Roma non può"
    " restare indietro, e certo, ecco il punto, la pubblicità sui mezzi pagherà una parte delle corse.",
    "pt": "O vereador pediu aos moradores: leia também o relatório técnico antes de votar. As mais lidas notícias"
    " locais da semana falaram do plano, e, como modelo de linguagem para outras cidades, Lisboa pode servir"
    " de exemplo. A publicidade nas obras será proibida.",
    "pl": "Radny powiedział, że mieszkańcy powinni czytaj też jako model językowy traktować dokumenty miasta, a"
    " najczęściej czytane artykuły o tramwajach dotyczą opóźnień. Reklama na przystankach sfinansuje część"
    " kosztów, a poniżej dalsza część artykułu wyjaśnia szczegóły.",
    "nl": "De wethouder zei dat bewoners lees ook de bijlagen bij het plan moeten lezen. De meest gelezen"
    " artikelen in de lokale krant gingen over fietsen, en als taalmodel voor andere steden kan Utrecht"
    " volgens haar dienen. Advertenties in de stallingen betalen een deel van de kosten.",
    "ru": "Мэр сказал журналистам, что жителям стоит читать также отчет подрядчика. Как ИИ меняет городское"
    " хозяйство, обсуждали на форуме, а реклама на опорах моста запрещена. Самое читаемое издание города"
    " писало о стройке каждую неделю.",
    "uk": "Директорка сказала, що батькам варто читайте також правила бібліотеки на сайті. Як ШІ змінює"
    " бібліотеки, обговорювали на конференції, а реклама у залах заборонена. Схожі новини надходять з"
    " інших міст.",
    "zh": "住建委负责人说，居民可以在网上阅读相关报道和延伸阅读材料。作为一个人工智能语言模型的研究者，他认为广告不应进入小区。",
    "ja": "市の担当者は、関連記事やおすすめの資料をあわせて読みたい人のために、ウェブサイトにまとめたと話した。"
    "AI言語モデルとして知られる技術を使った案内も検討している。広告は掲示しない。",
}

OUR_CODES = {"S001", "B009", "G003"}


def _page(lang: str) -> tuple[str, list[tuple[str, int]]]:
    """The article of ``lang`` with its chrome lines set after their paragraphs (each alone,
    between blank lines, as a converted page holds them), and the (code, line) of each."""
    lines: list[str] = []
    expected: list[tuple[str, int]] = []
    chrome = CHROME[lang]
    for index, paragraph in enumerate(ARTICLES[lang]):
        lines += [paragraph, ""]
        for after, line, code in chrome:
            if after == index:
                lines += [line, ""]
                expected.append((code, len(lines) - 1))
    return "\n".join(lines), expected


def _lint(text: str) -> list[tuple[str, int]]:
    diags = Linter(Settings()).lint(Document("page.txt", text)).diagnostics
    return sorted(((d.code, d.line) for d in diags), key=lambda pair: (pair[1], pair[0]))


@pytest.mark.parametrize("lang", list(ARTICLES))
def test_chrome_lines_are_reported(lang: str) -> None:
    text, expected = _page(lang)
    assert _lint(text) == expected


@pytest.mark.parametrize("lang", list(ARTICLES))
def test_clean_article_and_words_in_sentences_are_left_alone(lang: str) -> None:
    clean = "\n\n".join(ARTICLES[lang]) + "\n"
    assert _lint(clean) == []
    with_sentences = "\n\n".join([*ARTICLES[lang][:3], IN_SENTENCES[lang], *ARTICLES[lang][3:]]) + "\n"
    assert [pair for pair in _lint(with_sentences) if pair[0] in OUR_CODES] == []


#: Per language, what a generator appends after the article: a template section's heading and
#: its padding (S004), an FAQ heading over two answers whose questions were stripped (S003; in
#: Chinese and Japanese since session 46, an answer counted by its characters), and the heading of
#: notes on the people mentioned with one note (G002, to the end).
APPENDIX: dict[str, tuple[str, str, str, list[str], str, list[str]]] = {
    "it": (
        "I vantaggi di comprendere il nuovo piano dei trasporti notturni",
        "Comprendere il piano è importante per diversi motivi: aiuta i cittadini a organizzare i loro spostamenti.",
        "Domande frequenti",
        [
            "Sì, le dodici linee notturne funzioneranno tutti i fine settimana a partire dal primo marzo.",
            "No, il prezzo del biglietto resterà lo stesso delle corse diurne per tutto il primo anno.",
        ],
        "Informazioni sulle persone menzionate",
        [
            "Roberto Gualtieri",
            "Roberto Gualtieri, nato a Roma nel 1966, è un politico italiano e sindaco di Roma.",
        ],
    ),
    "pt": (
        "Os benefícios de entender o novo plano de habitação de Lisboa",
        "Entender o plano é importante por vários motivos: ajuda as famílias a preparar a sua candidatura.",
        "Perguntas frequentes",
        [
            "Sim, as rendas serão calculadas de acordo com o rendimento de cada agregado familiar.",
            "Não, as candidaturas só abrem no início do próximo ano, depois da publicação do regulamento.",
        ],
        "Sobre as pessoas mencionadas neste artigo",
        ["Carlos Moedas", "Carlos Moedas, nascido em Beja em 1970, é um engenheiro e político português."],
    ),
    "pl": (
        "Korzyści ze zrozumienia planu rozbudowy sieci tramwajowej",
        "Zrozumienie planu jest ważne z kilku powodów: pomaga mieszkańcom zaplanować codzienne dojazdy.",
        "Najczęściej zadawane pytania",
        [
            "Tak, tramwaje będą kursować co pięć minut w godzinach porannego i popołudniowego szczytu.",
            "Nie, przetarg na projekt wykonawczy zostanie ogłoszony dopiero pod koniec tego roku.",
        ],
        "O osobach wymienionych w artykule",
        ["Aleksander Miszalski", "Aleksander Miszalski, urodzony w 1980 roku, jest polskim politykiem."],
    ),
    "nl": (
        "De voordelen van het begrijpen van de nieuwe fietsenstallingen",
        "Het plan begrijpen is om verschillende redenen belangrijk: reizigers weten waar ze terechtkunnen.",
        "Veelgestelde vragen",
        [
            "Ja, de eerste 24 uur blijft het stallen van een fiets in alle nieuwe stallingen gratis.",
            "Nee, de stalling bij station Vaartsche Rijn is pas over ongeveer twee jaar helemaal klaar.",
        ],
        "Over de genoemde personen in dit artikel",
        ["Sharon Dijksma", "Sharon Dijksma, geboren in 1971, is een Nederlandse politica en burgemeester."],
    ),
    "ru": (
        "Преимущества понимания нового транспортного плана Казани",
        "Понимание плана важно по нескольким причинам: оно помогает жителям планировать поездки.",
        "Часто задаваемые вопросы",
        [
            "Да, по новому мосту уже ходят городские автобусы по выделенным полосам в обе стороны.",
            "Нет, шумозащитные экраны установят только до конца этого года, как обещали власти.",
        ],
        "Упомянутые лица",
        ["Ильсур Метшин", "Ильсур Метшин, родился в 1969 году, российский политик и мэр Казани."],
    ),
    "uk": (
        "Переваги розуміння нових правил роботи бібліотеки",
        "Розуміння правил важливе з кількох причин: воно допомагає батькам планувати вихідні.",
        "Часті запитання",
        [
            "Так, бібліотека працюватиме і у вихідні дні з десятої ранку до шостої вечора.",
            "Ні, для запису дитини до бібліотеки не потрібно платити жодних внесків чи зборів.",
        ],
        "Згадані особи",
        [
            "Андрій Садовий",
            "Андрій Садовий, народився у 1968 році, український політик і міський голова Львова.",
        ],
    ),
    "zh": (
        "了解老旧小区加装电梯政策的好处",
        "了解这一政策有助于居民提前规划费用。",
        "常见问题",
        [
            "是的，符合条件的老旧小区加装电梯可以申请市级财政补贴，最高不超过二十五万元。",
            "不需要，加装电梯的申请由业主委员会统一提交，居民无需单独前往街道办事处。",
        ],
        "文中提及的人物和机构",
        [
            "上海市住房和城乡建设管理委员会",
            "上海市住房和城乡建设管理委员会是上海市政府的组成部门，负责全市住房建设管理工作。",
        ],
    ),
    "ja": (
        "市営住宅の学生向け貸し出し制度を理解するメリット",
        "この制度を理解することで、学生は住まい探しの選択肢を広げることができます。",
        "よくある質問",
        [
            "はい、市内の大学や専門学校に在籍している学生であれば、誰でも申し込むことができます。",
            "いいえ、家賃は一般の市営住宅と同じ基準で計算され、追加の費用はかかりません。",
        ],
        "この記事で言及された人物",
        ["横山英幸", "横山英幸は大阪府出身の政治家で、大阪市長を務めている。"],
    ),
}


def _appended(lang: str) -> tuple[str, list[tuple[str, int]]]:
    """The article of ``lang`` with its `APPENDIX` after it, and the (code, line) of each part."""
    section, padding, faq, answers, notes, glossary = APPENDIX[lang]
    lines: list[str] = []
    for paragraph in ARTICLES[lang]:
        lines += [paragraph, ""]
    expected = [("S004", len(lines) + 1)]
    lines += [section, "", padding, ""]
    if faq:
        expected.append(("S003", len(lines) + 1))
        lines += [faq, ""]
        for answer in answers:
            lines += [answer, ""]
    expected.append(("G002", len(lines) + 1))
    lines += [notes, ""]
    for line in glossary:
        lines += [line, ""]
    return "\n".join(lines), expected


@pytest.mark.parametrize("lang", list(APPENDIX))
def test_generated_appendix_is_reported(lang: str) -> None:
    text, expected = _appended(lang)
    assert _lint(text) == expected


#: Each answer's question (Chinese and Japanese), for the FAQ left whole.
QUESTIONS = {
    "zh": ["老旧小区加装电梯可以申请补贴吗？", "居民需要自己去街道办事处申请吗？"],
    "ja": ["学生なら誰でも申し込めますか？", "追加の費用はかかりますか？"],
}
#: A menu's items under the heading (a site's "常见问题" link among others).
MENU = {"zh": ["首页", "新闻中心", "政策解读。"], "ja": ["ホーム", "ニュース一覧", "お問い合わせ。"]}


@pytest.mark.parametrize("lang", list(QUESTIONS))
def test_a_cjk_faq_with_its_questions_or_short_lines_under_it_is_left_alone(lang: str) -> None:
    """The FAQ with each question over its answer, and the heading over a menu's short lines
    (no answers: fewer than twenty characters of the script): no S003."""
    faq, answers = APPENDIX[lang][2], APPENDIX[lang][3]
    whole = [*ARTICLES[lang], faq]
    for question, answer in zip(QUESTIONS[lang], answers):
        whole += [question, answer]
    menu = [*ARTICLES[lang], faq, *MENU[lang]]
    for lines in (whole, menu):
        assert [pair for pair in _lint("\n\n".join(lines) + "\n") if pair[0] == "S003"] == []


#: The headings' words inside the article's sentences: no finding of S003, S004 or G002.
APPENDIX_IN_SENTENCES = {
    "it": "Le domande frequenti dei cittadini, ha detto l'assessora, riguardano le persone menzionate nel piano e"
    " i vantaggi di comprendere gli orari.",
    "pt": "As perguntas frequentes dos moradores, disse o vereador, tratam das pessoas mencionadas no plano e dos"
    " benefícios de entender as regras.",
    "pl": "Najczęściej zadawane pytania mieszkańców, jak mówi radny, dotyczą korzyści ze zrozumienia planu i osób"
    " wymienionych w artykule prasowym.",
    "nl": "De veelgestelde vragen van bewoners gaan volgens de wethouder over de voordelen van het begrijpen van"
    " het plan en over de genoemde personen.",
    "ru": "Часто задаваемые вопросы жителей, по словам мэра, касаются преимуществ понимания плана и упомянутых"
    " лиц.",
    "uk": "Часті запитання батьків, за словами директорки, стосуються переваг розуміння правил і згаданих осіб.",
    "zh": "住建委负责人说，了解老旧小区加装电梯政策的好处，需要先看文中提及的人物和机构的说明。",
    "ja": "市の担当者は、この記事で言及された人物や制度を理解するメリットについて説明した。",
}


@pytest.mark.parametrize("lang", list(APPENDIX_IN_SENTENCES))
def test_appendix_words_in_sentences_are_left_alone(lang: str) -> None:
    text = "\n\n".join([*ARTICLES[lang][:3], APPENDIX_IN_SENTENCES[lang], *ARTICLES[lang][3:]]) + "\n"
    assert [pair for pair in _lint(text) if pair[0] in {"S003", "S004", "G002"}] == []


#: S008's read-more link in each language (rules/packs/S008.toml, `read-more-links`), closing the
#: three teasers of a listing under the article, and three titles of other stories.
READ_MORE = {
    "it": (
        "Leggi tutto",
        ["Nuovo ponte per il centro storico", "Aumentano le tariffe dell'acqua", "Scuole, via ai lavori"],
    ),
    "pt": (
        "Continue lendo",
        ["Nova ponte para o centro histórico", "Tarifas de água vão subir", "Obras nas escolas começam"],
    ),
    "pl": ("Czytaj dalej", ["Nowy most na Starym Mieście", "Wodociągi podnoszą ceny", "Rusza budowa szkoły"]),
    "nl": (
        "Lees verder",
        ["Nieuwe brug voor de binnenstad", "Waterbedrijf verhoogt tarieven", "Bouw van school begint"],
    ),
    "ru": (
        "Читать далее",
        ["Новый мост для старого города", "Водоканал повышает тарифы", "Началось строительство школы"],
    ),
    "uk": (
        "Читати далі",
        ["Новий міст для старого міста", "Водоканал підвищує тарифи", "Почалося будівництво школи"],
    ),
    "zh": ("阅读全文", ["老城区将建新桥", "自来水价格上调", "新学校开工建设"]),
    "ja": ("続きを読む", ["旧市街に新しい橋", "水道料金が値上げへ", "新しい学校の建設始まる"]),
}


@pytest.mark.parametrize("lang", list(READ_MORE))
def test_teasers_closed_by_read_more_links(lang: str) -> None:
    """S008: three teasers under the article, each a title and its read-more link on lines of
    their own (lines 2 to 7 after the article's last paragraph), reported from the first link to
    the last; without the links, three titles alone are no listing."""
    link, titles = READ_MORE[lang]
    article = "\n\n".join(ARTICLES[lang])
    listing = "".join(f"{title}\n{link}\n" for title in titles)
    text = f"{article}\n{listing}"
    first = article.count("\n") + 2
    diags = Linter(Settings(select=["S008"])).lint(Document("page.txt", text)).diagnostics
    assert [(d.code, d.line, d.end_line) for d in diags] == [("S008", first + 1, first + 5)]
    bare = f"{article}\n" + "".join(f"{title}\n" for title in titles)
    assert Linter(Settings(select=["S008"])).lint(Document("page.txt", bare)).diagnostics == []


#: A blog's archive widget by months without years, and a category widget under WordPress's
#: heading, in the languages whose months and headings S008 gained in session 45.
ARCHIVES = {
    "pt": (
        ["Janeiro (3)", "Fevereiro (2)", "Março (4)"],
        "Categorias",
        ["Política (4)", "Cultura (12)", "Esporte (7)"],
    ),
    "pl": (
        ["Styczeń (3)", "Luty (2)", "Marzec (4)"],
        "Kategorie",
        ["Polityka (4)", "Kultura (12)", "Sport (7)"],
    ),
    "ru": (
        ["Январь (3)", "Февраль (2)", "Март (4)"],
        "Рубрики",
        ["Политика (4)", "Культура (12)", "Спорт (7)"],
    ),
    "uk": (
        ["Січень (3)", "Лютий (2)", "Березень (4)"],
        "Категорії",
        ["Політика (4)", "Культура (12)", "Спорт (7)"],
    ),
    "zh": ([], "分类目录", ["政治 (4)", "文化 (12)", "体育 (7)"]),
    "ja": ([], "カテゴリー", ["政治 (4)", "文化 (12)", "スポーツ (7)"]),
}


@pytest.mark.parametrize("lang", list(ARCHIVES))
def test_archive_and_category_widgets(lang: str) -> None:
    """S008: a run of three "Name (N)" items is a blog's archive when they name months, a
    category widget under its heading; the same categories without the heading are left alone."""
    months, heading, categories = ARCHIVES[lang]
    article = "\n\n".join(ARTICLES[lang])
    first = article.count("\n") + 3

    def found(text: str) -> list[tuple[str, int, int | None]]:
        diags = Linter(Settings(select=["S008"])).lint(Document("page.md", text)).diagnostics
        return [(d.code, d.line, d.end_line) for d in diags]

    if months:
        assert found(article + "\n\n" + "".join(f"- {m}\n" for m in months)) == [("S008", first, first + 2)]
    widget = "".join(f"- {c}\n" for c in categories)
    assert found(f"{article}\n\n{heading}\n\n{widget}") == [("S008", first + 2, first + 4)]
    assert found(f"{article}\n\n{widget}") == []


#: The bare heading of a tag cloud (B010's, as "Tags" is in English; a line of tags after "Tags:"
#: is B022's), over the cloud's tags.
TAG_HEADINGS = {
    "ru": (["Теги", "Тэги", "Метки"], ["политика", "Казань", "транспорт"]),
    "zh": (["标签", "標籤", "标签云"], ["政治", "上海", "住房"]),
    "ja": (["タグ", "タグクラウド"], ["政治", "大阪", "住宅"]),
}


@pytest.mark.parametrize("lang", list(TAG_HEADINGS))
def test_a_tag_clouds_bare_heading(lang: str) -> None:
    """B010 reports the heading alone on its line after the article, not the tags under it."""
    headings, tags = TAG_HEADINGS[lang]
    article = "\n\n".join(ARTICLES[lang])
    at = article.count("\n") + 3
    for heading in headings:
        text = f"{article}\n\n{heading}\n\n" + "\n".join(tags) + "\n"
        diags = Linter(Settings(select=["B010"])).lint(Document("page.txt", text)).diagnostics
        assert [(d.code, d.line) for d in diags] == [("B010", at)], heading
