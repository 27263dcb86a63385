"""The article paragraphs the phrase tests put a line under (one per language: a harbour budget
passed after a night's debate), and what the default selection reports on a text: shared by the
tests of session 54's phrases (`test_packs_page_notes.py`, `test_packs_mirrored.py`,
`test_packs_mirrored_more.py`; `test_packs_key_ends.py` uses `findings` under its own paragraphs;
session 55's `test_packs_prompts.py` and `test_rules_login.py` read `diagnostics` whole; session
56's `test_packs_blog_widgets.py` its Russian and Chinese paragraphs; session 57's
`test_packs_blog_forms.py` its Portuguese, Italian, Dutch, Polish and Russian ones)."""

from __future__ import annotations

from lintnews.config import Settings
from lintnews.diagnostics import Diagnostic
from lintnews.document import Document
from lintnews.engine import Linter

EN = (
    "The city council approved the new harbour budget on Monday after a debate that lasted most of"
    " the night, and the mayor said work on the quay would begin in the spring.\n"
)
DE = (
    "Der Stadtrat hat am Montag den neuen Haushalt für den Hafen beschlossen, nach einer Debatte, die"
    " fast die ganze Nacht dauerte; die Arbeiten am Kai sollen im Frühjahr beginnen.\n"
)
FR = (
    "Le conseil municipal a adopté lundi le nouveau budget du port après un débat qui a duré presque"
    " toute la nuit, et les travaux du quai commenceront au printemps.\n"
)
ES = (
    "El ayuntamiento aprobó el lunes el nuevo presupuesto del puerto tras un debate que duró casi"
    " toda la noche, y las obras del muelle empezarán en primavera.\n"
)
PL = (
    "Rada miasta przyjęła w poniedziałek nowy budżet portu po debacie, która trwała prawie całą noc,"
    " a prace przy nabrzeżu mają się rozpocząć wiosną przyszłego roku.\n"
)
RU = (
    "Городской совет в понедельник утвердил новый бюджет порта после дебатов, которые продолжались"
    " почти всю ночь, и мэр сказал, что работы на причале начнутся весной.\n"
)
PT = (
    "A câmara municipal aprovou na segunda-feira o novo orçamento do porto depois de um debate que"
    " durou quase toda a noite, e as obras do cais vão começar na primavera.\n"
)
IT = (
    "Il consiglio comunale ha approvato lunedì il nuovo bilancio del porto dopo un dibattito che è"
    " durato quasi tutta la notte, e i lavori sulla banchina cominceranno in primavera.\n"
)
NL = (
    "De gemeenteraad heeft maandag de nieuwe begroting voor de haven goedgekeurd na een debat dat"
    " bijna de hele nacht duurde, en het werk aan de kade begint in het voorjaar.\n"
)
ZH = "市议会周一经过一场持续了几乎整夜的辩论，通过了新的港口预算，市长说码头工程将于春季开工。\n"


def diagnostics(text: str) -> list[Diagnostic]:
    """Every diagnostic the default selection reports on ``text``."""
    return Linter(Settings()).lint(Document(path="a.txt", text=text)).diagnostics


def findings(text: str) -> list[tuple[str, int]]:
    """(code, line) of every diagnostic the default selection reports on ``text``."""
    return [(d.code, d.line) for d in diagnostics(text)]
