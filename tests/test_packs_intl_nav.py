"""Site chrome in Italian, Portuguese, Dutch, Polish, Russian, Ukrainian, Chinese (simplified and
traditional), Japanese and Czech, and the breadcrumb and footer of Korean and Turkish (session 45): a breadcrumb trail's home word (B006), a share button or
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
    share: str | None  # B005 (None: the language has no table of the rule)
    nav: str | None  # B010
    notice: str | None  # B020
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
        "Gli ingegneri che hanno seguito il cantiere spiegano che il tratto più difficile è stato quello sotto"
        " il fiume, dove le squadre hanno lavorato giorno e notte per quasi un anno. Le infiltrazioni d'acqua"
        " hanno costretto l'impresa a cambiare due volte il metodo di scavo, ma alla fine il tunnel è stato"
        " completato senza incidenti gravi e con un mese di margine sul programma.",
        "Le associazioni dei pendolari accolgono la notizia con prudenza. Chiedono treni più frequenti nelle"
        " ore di punta, ascensori funzionanti in tutte le stazioni e un collegamento diretto con l'aeroporto,"
        " promesso da anni e mai finanziato. Il comune assicura che il progetto per l'aeroporto sarà presentato"
        " in primavera, dopo il via libera della regione e del ministero dei trasporti.",
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
        "Os engenheiros responsáveis pela obra explicaram que o trecho mais difícil foi o que passa sob o rio,"
        " onde as equipes trabalharam dia e noite durante quase um ano. A infiltração de água obrigou a"
        " construtora a mudar duas vezes o método de escavação, mas o túnel foi concluído sem acidentes graves"
        " e com um mês de folga em relação ao cronograma.",
        "As associações de usuários receberam a notícia com cautela. Pedem trens mais frequentes nos horários"
        " de pico, elevadores funcionando em todas as estações e uma ligação direta com o aeroporto, prometida"
        " há anos e nunca financiada. O governo garante que o projeto do aeroporto será apresentado no"
        " primeiro semestre, depois da aprovação do orçamento pela assembleia.",
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
        "De ingenieurs die de bouw begeleidden, vertellen dat het stuk onder het water het moeilijkst was. Daar"
        " werkten ploegen bijna een jaar lang dag en nacht door. Lekkages dwongen de aannemer twee keer een"
        " andere boormethode te kiezen, maar de tunnel werd zonder ernstige ongelukken voltooid, met een maand"
        " speling ten opzichte van de planning.",
        "Reizigersorganisaties reageren voorzichtig op het nieuws. Zij willen vaker treinen in de spits,"
        " werkende liften op alle stations en een rechtstreekse verbinding met het vliegveld, die al jaren"
        " wordt beloofd maar nooit is betaald. De gemeente zegt dat het plan voor het vliegveld in het voorjaar"
        " wordt gepresenteerd, nadat de provincie en het ministerie hun goedkeuring hebben gegeven.",
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
        "Inżynierowie nadzorujący budowę mówią, że najtrudniejszy był odcinek pod rzeką, gdzie ekipy pracowały"
        " dzień i noc przez prawie rok. Przecieki wody zmusiły wykonawcę do dwukrotnej zmiany metody drążenia,"
        " ale tunel ukończono bez poważnych wypadków i z miesięcznym zapasem w stosunku do harmonogramu prac.",
        "Stowarzyszenia pasażerów przyjmują tę wiadomość ostrożnie. Chcą częstszych pociągów w godzinach"
        " szczytu, działających wind na wszystkich stacjach i bezpośredniego połączenia z lotniskiem, które"
        " obiecywano od lat, ale nigdy go nie sfinansowano. Miasto zapewnia, że projekt połączenia z lotniskiem"
        " zostanie przedstawiony wiosną, gdy zgodę wyda samorząd województwa i ministerstwo infrastruktury.",
        "Eksperci podkreślają jednak, że nowa linia sama nie rozwiąże problemów komunikacyjnych miasta."
        " Urbanistka z politechniki zwraca uwagę, że autobusy trzeba dopasować do stacji metra, bo inaczej"
        " pasażerowie będą długo czekać na przesiadki. Urząd zapowiada, że nowy układ linii autobusowych"
        " przedstawi w przyszłym miesiącu, a mieszkańcy będą mogli zgłaszać uwagi na spotkaniach w dzielnicach.",
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
    "来源：新华社",
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

CS = Page(
    "Nová linka metra v Praze se otevře dříve",
    (
        "Nový úsek pražského metra se pro cestující otevře už v listopadu, tedy o tři měsíce dříve, než"
        " se plánovalo. V pondělí to oznámil primátor hlavního města. Stavební práce podle něj pokročily"
        " rychleji, než stavitelé čekali, a náklady zůstaly pod částkou, kterou zastupitelé schválili před"
        " čtyřmi lety.",
        "Podle dopravního podniku bude nový úsek denně využívat asi šedesát tisíc cestujících. Cesta z"
        " okrajových sídlišť do centra se tím zkrátí téměř na polovinu. Obyvatelé doufají, že v ulicích"
        " vedoucích do centra ubude aut a že se zlepší ovzduší v celé čtvrti.",
        "Nechybí ani kritika. Opoziční zastupitelé se ptají, proč se dvě stanice otevřou až na jaře, a žádají"
        " zveřejnění smluv se stavebními firmami. Primátor odpověděl, že město dokumenty zveřejní na svém"
        " webu ještě do konce měsíce a že nic neskrývá.",
        "Majitelé obchodů v okolí, kteří roky snášeli uzavřené ulice a hluk, teď žádají odškodnění. Mnoho"
        " provozoven přišlo o zákazníky a některé musely zavřít. Rada města bude o zvláštním fondu jednat na"
        " příštím zasedání spolu s plánem nových parkovišť pro jízdní kola.",
        "Inženýři, kteří stavbu řídili, říkají, že nejtěžší byl úsek pod řekou, kde party pracovaly ve dne"
        " i v noci téměř celý rok. Průsaky vody donutily stavitele dvakrát změnit způsob ražby, tunel ale"
        " dokončili bez vážných nehod a s měsíční rezervou oproti harmonogramu, který město schválilo.",
        "Sdružení cestujících přijímají zprávu opatrně. Chtějí častější soupravy ve špičce, fungující výtahy"
        " ve všech stanicích a přímé spojení s letištěm, které se slibuje už léta, ale nikdy na ně nebyly"
        " peníze. Město ujišťuje, že projekt spojení s letištěm představí na jaře, až ho schválí kraj i"
        " ministerstvo dopravy, a že stavba by mohla začít do dvou let.",
        "Odborníci ale upozorňují, že nová linka sama dopravní potíže města nevyřeší. Urbanistka z technické"
        " univerzity připomíná, že autobusy je nutné přizpůsobit stanicím metra, jinak budou lidé na přestup"
        " dlouho čekat. Magistrát slíbil, že nové uspořádání autobusových linek představí příští měsíc.",
    ),
    "Úvod > Zprávy > Praha",
    "Sdílet na Facebooku",
    "Předchozí článek",
    "Zdroj: ČTK",
    "O nás | Kontakt | Ochrana osobních údajů | Reklama",
    "Primátor vyzval obyvatele, aby sdílet na Facebooku fotky stanic mohli jen s uvedením, že zdroj: ČTK"
    " je u všech zpráv o metru, a předchozí článek to potvrdil.",
)

TR = Page(
    "İstanbul'da yeni metro hattı erken açılıyor",
    (
        "İstanbul'da yapımı süren yeni metro hattı, planlanandan üç ay önce kasım ayında yolcuya açılacak."
        " Büyükşehir belediye başkanı pazartesi günü yaptığı açıklamada, çalışmaların beklenenden hızlı"
        " ilerlediğini ve maliyetin dört yıl önce onaylanan bütçenin altında kaldığını söyledi."
        " Başkan, açılış töreninin ardından ilk seferin sabah altıda yapılacağını ve hattın gece yarısına kadar"
        " hizmet vereceğini de ekledi.",
        "Ulaşım şirketine göre hat her gün yaklaşık altmış bin yolcu taşıyacak. Şehrin kenar mahallelerinden"
        " merkeze yolculuk süresi neredeyse yarıya inecek. Bölge sakinleri, ana caddelerdeki trafiğin"
        " azalmasını ve hava kirliliğinin düşmesini umuyor.",
        "Eleştiriler de eksik değil. Meclisteki muhalefet üyeleri, iki istasyonun neden ancak baharda"
        " açılacağını soruyor ve yüklenici firmalarla yapılan sözleşmelerin yayımlanmasını istiyor. Başkan,"
        " belgelerin ay sonuna kadar belediyenin internet sitesinde yayımlanacağını açıkladı.",
        "Yıllarca kapalı yollara ve gürültüye katlanan esnaf ise şimdi destek bekliyor. Pek çok dükkân"
        " müşteri kaybetti, bazıları kapanmak zorunda kaldı. Belediye meclisi özel bir destek fonunu gelecek"
        " oturumda yeni bisiklet park yerleri planıyla birlikte görüşecek.",
        "İnşaatı yöneten mühendisler, en zor bölümün nehrin altından geçen kısım olduğunu anlatıyor. Ekipler"
        " orada neredeyse bir yıl boyunca gece gündüz çalıştı. Su sızıntıları yükleniciyi kazı yöntemini iki"
        " kez değiştirmeye zorladı, ancak tünel ciddi bir kaza yaşanmadan ve takvimin bir ay önünde tamamlandı.",
        "Yolcu dernekleri haberi temkinli karşıladı. Yoğun saatlerde daha sık sefer, bütün istasyonlarda"
        " çalışan asansörler ve yıllardır vaat edilen ama hiç finanse edilmeyen doğrudan bir havalimanı"
        " bağlantısı istiyorlar. Belediye, havalimanı projesinin bakanlığın onayından sonra ilkbaharda"
        " kamuoyuna sunulacağını ve inşaatın iki yıl içinde başlayabileceğini belirtiyor.",
        "Uzmanlar ise yeni hattın şehrin ulaşım sorunlarını tek başına çözmeyeceği görüşünde. Bir şehir"
        " plancısı, otobüs hatlarının metro istasyonlarına göre yeniden düzenlenmesi gerektiğini, aksi halde"
        " yolcuların aktarma için uzun süre beklemek zorunda kalacağını söyledi. Belediye, otobüs ağının yeni"
        " düzenini önümüzdeki ay açıklayacağını, yolcuların görüşlerini almak için ilçelerde toplantılar"
        " yapacağını ve ilk ay boyunca yeni hatta öğrencilerin ücretsiz seyahat edebileceğini duyurdu. Esnaf"
        " temsilcileri de bu toplantılara katılmak istediklerini bildirdi.",
    ),
    "Ana Sayfa > Haberler > İstanbul",
    None,
    None,
    None,
    "Hakkımızda | İletişim | Künye | Gizlilik politikası | Kullanım koşulları",
    "Başkan, belediyenin ana sayfa bölümünde künye ve gizlilik politikası bilgilerinin de güncelleneceğini"
    " söyledi.",
)

KO = Page(
    "서울 새 지하철 노선 예정보다 일찍 개통",
    (
        "서울시는 새 지하철 노선을 예정보다 석 달 빠른 11월에 개통한다고 2일 밝혔다. 시에 따르면 공사가 예상보다 빨리"
        " 진행됐고 사업비도 4년 전 승인된 예산보다 적게 들었다.",
        "운영사는 하루 약 6만 명의 승객이 새 노선을 이용할 것으로 내다봤다. 외곽 지역에서 도심까지 걸리는 시간은"
        " 절반 가까이 줄어들 전망이다.",
        "시의회 야당 의원들은 두 개 역이 내년 봄에야 문을 여는 이유를 설명하라고 요구했다. 시는 이달 말까지 관련"
        " 계약서를 홈페이지에 공개하겠다고 답했다.",
    ),
    "홈 > 뉴스 > 사회",
    None,
    None,
    None,
    "회사소개 | 개인정보처리방침 | 이용약관 | 광고문의 | 고객센터",
    "시 관계자는 회사소개 자료와 개인정보처리방침 개정안을 이달 중 홈페이지에 올리겠다고 말했다.",
)

PAGES = {
    "cs": CS,
    "ko": KO,
    "tr": TR,
    "it": IT,
    "pt": PT,
    "nl": NL,
    "pl": PL,
    "ru": RU,
    "uk": UK,
    "zh": ZH,
    "zh-tw": ZH_TW,
    "ja": JA,
}


def page_text(page: Page, chrome: bool = True) -> str:
    """The page as an extractor keeps it: the trail under the headline, the article, and after it
    the share button, the link to the next post, the copyright line and the footer's links."""
    head = [page.headline, page.crumb] if chrome else [page.headline]
    tail = [line for line in (page.share, page.nav, page.notice, page.links) if line] if chrome else []
    return "\n\n".join([*head, *page.paragraphs, *tail]) + "\n"


def findings(text: str) -> list[tuple[str, int]]:
    diags = Linter(Settings()).lint(Document("page.txt", text)).diagnostics
    return [(d.code, d.line) for d in diags]


#: The pages whose four lines after the article (share, next post, notice, footer links) are short
#: enough for a menu's shape, in a script without letter case: a navigation menu as well (B028's
#: region from the share line), as "Facebook" / "Twitter" / "WhatsApp" / "Pinterest" are.
MENU_AFTER = {"ja"}


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_chrome_lines_are_reported(lang: str) -> None:
    page = PAGES[lang]
    line = 3 + 2 * len(page.paragraphs)  # the blank line under the article
    expected = [("B006", 3)]
    for code, chrome in (
        ("B005", page.share),
        ("B010", page.nav),
        ("B020", page.notice),
        ("B026", page.links),
    ):
        if chrome:
            line += 2
            expected.append((code, line))
            if code == "B005" and lang in MENU_AFTER:
                expected.append(("B028", line))
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
