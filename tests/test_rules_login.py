"""B032 login-form: the login or registration box a whole-page extraction keeps at the top of
every article of a site. Lines only such a box holds are reported alone; its buttons and fields
("Log in", "Password:") only beside another line of the box, so a "Password" heading over a
paragraph of prose, or a lone "Login" link, is left."""

from __future__ import annotations

import pytest
from pack_articles import DE, EN, ES, FR, diagnostics, findings

from lintnews.fixes import apply_edits

#: The box of a Russian football site, as html2text turned the page into text (blank lines and all).
RUSSIAN_BOX = (
    "  * Войти\n  * Регистрация\n\n\n\nE-mail:\n\nПароль:\n\nЗабыли пароль?\n\n \n\nЗапомнить меня вход\n\n"
)
RUSSIAN = (
    "Ветеран сборной Германии Лукас Подольски принял решение прекратить выступления за бундестим после"
    " тринадцати лет и 130 матчей, сообщил футболист в понедельник.\n"
)


def boxes(text: str) -> list[tuple[int, int, str]]:
    """(line, end line, message) of every B032 finding on ``text``."""
    found = diagnostics(text)
    return [(d.line, d.end_line, d.message) for d in found if d.code == "B032"]


@pytest.mark.parametrize(
    ("article", "line"),
    [
        (EN, "Forgot your password?"),
        (EN, "Remember me"),
        (EN, "Keep me logged in"),
        (EN, "Don't have an account? Sign up"),
        (DE, "Passwort vergessen?"),
        (DE, "Angemeldet bleiben"),
        (FR, "Mot de passe oublié ?"),
        (ES, "¿Olvidó su contraseña?"),
        (RUSSIAN, "Забыли пароль?"),
        # a social login button
        (EN, "Sign in with Facebook"),
        (EN, "  * Login with Google"),
        (DE, "Mit Facebook anmelden"),
        (FR, "Se connecter avec Facebook"),
        (ES, "Entrar con Facebook"),
    ],
)
def test_a_line_only_a_login_box_holds_is_reported_alone(article: str, line: str) -> None:
    assert findings(f"{article}\n{line}\n") == [("B032", 3)]


def test_the_box_is_reported_once_from_its_first_line_to_its_last() -> None:
    text = (
        f"  * Log in\n  * Register\n\nUsername:\n\nPassword:\n\nForgot your password?\n\nRemember me\n\n{EN}"
    )
    assert boxes(text) == [(1, 10, "Login form left in the text")]


def test_two_buttons_side_by_side_are_a_box() -> None:
    assert boxes(f"Log in\nSign up\n\n{EN}") == [(1, 2, "Login form left in the text")]
    assert boxes(f"  * Anmelden\n\n  * Registrieren\n\n{DE}") == [
        (1, 3, "Anmeldeformular im Text (login form)")
    ]
    assert boxes(f"Ingresá\nRegistrate\n\n{ES}") == [
        (1, 2, "Formulario de inicio de sesión en el texto (login form)")
    ]


def test_a_field_label_counts_only_inside_a_box() -> None:
    # "E-mail:" beside two lines of a box is the box's; a comment form's "Name" / "E-mail" /
    # "Submit" holds no login line and is left
    assert boxes(f"{EN}\nE-mail:\nPassword:\nForgot your password?\n") == [
        (3, 5, "Login form left in the text")
    ]
    assert findings(f"{EN}\nName\nE-mail\nSubmit\n\n{EN.replace('harbour', 'school')}") == []


def test_a_russian_box_between_blank_lines_is_one_region_with_the_english_message() -> None:
    assert boxes(f"{RUSSIAN_BOX}{RUSSIAN}") == [(1, 14, "Login form left in the text")]


@pytest.mark.parametrize(
    "text",
    [
        # a heading over a paragraph of prose, a lone link, the words inside sentences
        f"{EN}\nPassword\n\n{EN.replace('harbour', 'school')}",
        f"{EN}\n## Login\n\n{EN.replace('harbour', 'school')}",
        f"{EN}\nThe club said it would reset every supporter's password after a data breach in the spring.\n",
        f"{EN}\nRemember me as a mayor who built the quay, he told the council on his last day in office.\n",
        f"{DE}\nAnmelden können sich Bürger bis Freitag im Rathaus, sagte die Sprecherin am Montag.\n",
        # a program's prompts in a code block of a how-to article
        f"{EN}\n\n```\nUsername:\nPassword:\nLogin\n```\n\n{EN.replace('harbour', 'school')}",
    ],
)
def test_the_same_words_in_an_article_are_left(text: str) -> None:
    assert findings(text) == []


def test_the_fix_removes_the_box_and_the_blank_lines_inside_it() -> None:
    text = f"  * Log in\n  * Register\n\nUsername:\n\nPassword:\n\nForgot your password?\n\n{EN}"
    found = diagnostics(text)
    fixes = [d.fix for d in found if d.code == "B032" and d.fix is not None and d.fix.safe]
    assert apply_edits(text, fixes) == (EN, 1)
