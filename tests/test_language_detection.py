"""Language identification (`lintnews.language.detect`) on news paragraphs of the Latin-script
languages the stop-word profile knows, among them the neighbours it once confused: Czech and
Hungarian were "pt" (on "a", "o", "e", "se", "do", "na"), Slovak Czech, Finnish unplaced."""

from __future__ import annotations

import pytest

from lintnews import language
from lintnews.config import Settings
from lintnews.document import Document
from lintnews.packs.loading import load_packs
from lintnews.packs.matching import pack_languages
from lintnews.textnorm import normalize

NEWS = {
    "cs": "Vláda v pondělí schválila návrh zákona, který by měl od příštího roku snížit daně pro "
    "živnostníky. Podle ministra financí jde o první krok k jednoduššímu systému, opozice ale "
    "kritizuje, že se tím zvýší schodek rozpočtu. Sněmovna by o návrhu měla jednat už v březnu a "
    "zákon by mohl platit od ledna, pokud ho podpoří i Senát.",
    "sk": "Vláda v pondelok schválila návrh zákona, ktorý by mal od budúceho roka znížiť dane pre "
    "živnostníkov. Podľa ministra financií ide o prvý krok k jednoduchšiemu systému, opozícia "
    "však kritizuje, že sa tým zvýši deficit rozpočtu. Parlament by mal o návrhu rokovať ešte v "
    "marci a zákon by mohol platiť od januára.",
    "hu": "A kormány hétfőn elfogadta azt a törvényjavaslatot, amely szerint jövőre csökkennek a "
    "vállalkozók adói. A pénzügyminiszter szerint ez az első lépés egy egyszerűbb rendszer felé, "
    "az ellenzék viszont azt mondja, hogy így nő a költségvetés hiánya. A parlament már márciusban "
    "tárgyalhat a javaslatról, és a törvény januártól léphet életbe.",
    "ro": "Guvernul a aprobat luni un proiect de lege care ar urma să reducă taxele pentru "
    "întreprinzători de anul viitor. Potrivit ministrului de finanțe, este primul pas către un "
    "sistem mai simplu, iar opoziția critică faptul că deficitul bugetar va crește. Parlamentul ar "
    "putea discuta proiectul în martie, iar legea ar intra în vigoare din ianuarie.",
    "pl": "Rząd przyjął w poniedziałek projekt ustawy, który od przyszłego roku ma obniżyć podatki "
    "dla przedsiębiorców. Według ministra finansów to pierwszy krok do prostszego systemu, ale "
    "opozycja krytykuje, że zwiększy się deficyt budżetowy. Sejm ma zająć się projektem już w "
    "marcu, a ustawa mogłaby wejść w życie od stycznia.",
    "tr": "Hükümet pazartesi günü, gelecek yıldan itibaren esnafın vergilerini düşürmesi beklenen "
    "yasa tasarısını onayladı. Maliye bakanına göre bu, daha basit bir sisteme doğru atılan ilk "
    "adım olarak görülüyor, ancak muhalefet bütçe açığının artacağını söylüyor. Meclisin tasarıyı "
    "mart ayında görüşmesi ve yasanın ocak ayında yürürlüğe girmesi bekleniyor.",
    "pt": "O governo aprovou na segunda-feira um projeto de lei que deve reduzir os impostos dos "
    "pequenos empresários a partir do próximo ano. Segundo o ministro das Finanças, é o primeiro "
    "passo para um sistema mais simples, mas a oposição critica o aumento do défice. O parlamento "
    "deve discutir a proposta em março e a lei pode entrar em vigor em janeiro.",
    "es": "El Gobierno aprobó el lunes un proyecto de ley que reducirá los impuestos de los "
    "autónomos a partir del próximo año. Según el ministro de Hacienda, es el primer paso hacia un "
    "sistema más sencillo, pero la oposición critica que aumentará el déficit. El Congreso debatirá "
    "la propuesta en marzo y la ley podría entrar en vigor en enero.",
    "ca": "El Govern va aprovar dilluns un projecte de llei que reduirà els impostos dels autònoms a "
    "partir de l'any vinent. Segons el conseller d'Economia, és el primer pas cap a un sistema més "
    "senzill, però l'oposició critica que augmentarà el dèficit. El Parlament debatrà la proposta "
    "al març i la llei podria entrar en vigor al gener.",
    "it": "Il governo ha approvato lunedì un disegno di legge che dovrebbe ridurre le tasse per i "
    "lavoratori autonomi a partire dal prossimo anno. Secondo il ministro dell'Economia è il primo "
    "passo verso un sistema più semplice, ma l'opposizione critica l'aumento del deficit. Il "
    "Parlamento discuterà la proposta a marzo e la legge potrebbe entrare in vigore a gennaio.",
    "fi": "Hallitus hyväksyi maanantaina lakiesityksen, joka laskisi yrittäjien veroja ensi "
    "vuodesta alkaen. Valtiovarainministerin mukaan se on ensimmäinen askel kohti yksinkertaisempaa "
    "järjestelmää, mutta oppositio arvostelee sitä, että budjetin alijäämä kasvaa. Eduskunta voi "
    "käsitellä esitystä jo maaliskuussa, ja laki tulisi voimaan tammikuussa.",
    "sv": "Regeringen godkände på måndagen ett lagförslag som ska sänka skatten för egenföretagare "
    "från och med nästa år. Enligt finansministern är det ett första steg mot ett enklare system, "
    "men oppositionen kritiserar att underskottet i budgeten ökar. Riksdagen kan behandla förslaget "
    "redan i mars och lagen kan träda i kraft i januari.",
    "da": "Regeringen godkendte mandag et lovforslag, som skal sænke skatten for selvstændige fra "
    "næste år. Ifølge finansministeren er det et første skridt mod et enklere system, men "
    "oppositionen kritiserer, at underskuddet på budgettet vil vokse. Folketinget kan behandle "
    "forslaget allerede i marts, og loven kan træde i kraft i januar, efter at den blev vedtaget.",
    "nb": "Regjeringen godkjente mandag et lovforslag som skal senke skatten for selvstendige fra "
    "neste år. Ifølge finansministeren er det et første steg mot et enklere system, men opposisjonen "
    "kritiserer at underskuddet i budsjettet vil øke. Stortinget kan behandle forslaget allerede i "
    "mars, og loven kan tre i kraft i januar, etter at den ble vedtatt.",
    "hr": "Vlada je u ponedjeljak usvojila prijedlog zakona koji bi od iduće godine trebao smanjiti "
    "poreze za obrtnike. Prema riječima ministra financija, to je prvi korak prema jednostavnijem "
    "sustavu, ali oporba kritizira što će se time povećati proračunski manjak. Sabor bi o prijedlogu "
    "mogao raspravljati već u ožujku, a zakon bi stupio na snagu u siječnju.",
    "sl": "Vlada je v ponedeljek sprejela predlog zakona, ki bi od prihodnjega leta znižal davke za "
    "samostojne podjetnike. Po besedah finančnega ministra je to prvi korak k preprostejšemu "
    "sistemu, opozicija pa kritizira, da se bo s tem povečal proračunski primanjkljaj. Državni zbor "
    "bi o predlogu lahko razpravljal že marca, zakon pa bi začel veljati januarja.",
    "en": "The government on Monday approved a bill that would cut taxes for the self-employed from "
    "next year. According to the finance minister it is the first step towards a simpler system, "
    "but the opposition says that the budget deficit will grow. Parliament could debate the bill in "
    "March and the law would take effect in January.",
    "de": "Die Regierung hat am Montag einen Gesetzentwurf beschlossen, der die Steuern für "
    "Selbstständige ab dem kommenden Jahr senken soll. Nach Angaben des Finanzministers ist das ein "
    "erster Schritt zu einem einfacheren System, die Opposition kritisiert aber, dass das "
    "Haushaltsdefizit wächst. Der Bundestag könnte im März über den Entwurf beraten.",
    "fr": "Le gouvernement a adopté lundi un projet de loi qui doit réduire les impôts des "
    "indépendants à partir de l'année prochaine. Selon le ministre des Finances, c'est un premier "
    "pas vers un système plus simple, mais l'opposition critique la hausse du déficit. Le Parlement "
    "pourrait examiner le texte en mars et la loi entrerait en vigueur en janvier.",
}


@pytest.mark.parametrize("lang", sorted(NEWS))
def test_a_news_paragraph_is_placed_in_its_language(lang: str) -> None:
    assert language.detect(NEWS[lang]) == lang
    doc = Document("a.txt", f"{NEWS[lang]}\n\n{NEWS[lang]}\n")
    assert doc.language == lang


@pytest.mark.parametrize("lang", ["cs", "hu", "sk", "ro", "pl", "tr", "hr", "sl"])
def test_central_european_news_is_not_portuguese_nor_its_neighbour_s(lang: str) -> None:
    """The profile's scores: the paragraph's own language leads the next by a clear margin."""
    scores = language._profile(normalize(NEWS[lang])).scores
    best, second = sorted(scores.values(), reverse=True)[:2]
    assert scores[lang] == best
    assert best >= second + 3, scores


def test_a_results_table_of_one_letter_labels_is_no_language() -> None:
    """One-letter stop words are also list labels and units: a sports results table whose only
    stop words are "A" and "B" class labels was Czech (was "pt" before Czech was known, once
    the labels reached 5 % of its words)."""
    rows = [
        "Schülerinnen A W14",
        "4 x 100 m Staffel Schi A 19.05.2007",
        "1. Zeitlauf DJK Ellwangen-SG Virngrund 53,09 sec.",
        "Schülerinnen B W12",
        "Weitsprung Klasse A Finale",
        "Hochsprung Klasse B Vorkampf",
    ]
    text = "\n".join(rows * 20)
    scores = language._profile(normalize(text)).scores
    assert max(scores.values()) >= 0.05 * len(normalize(text).split())  # the old test alone passes it
    assert language.detect(text) is None


def test_a_czech_page_gets_the_czech_phrases_not_the_portuguese() -> None:
    settings = Settings()
    doc = Document("a.txt", f"{NEWS['cs']}\n\nSdílet\n\n{NEWS['cs']}\n")
    assert pack_languages(doc, settings, load_packs(settings))[:2] == ["cs", "en"]


def test_every_profile_word_is_written_as_the_normalised_text_holds_it() -> None:
    """NFKC and case-folded, one word: else it could never be counted."""
    for lang, words in language.PROFILES.items():
        for word in words:
            assert normalize(word) == word, (lang, word)
    assert set(language.STOPWORDS) <= set(language.PROFILES)
    assert not set(language.STOPWORDS) & set(language.MORE_STOPWORDS)
