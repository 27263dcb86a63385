"""Patterns that need a character a line key never has at its ends (`lintnews.keyends`).

Phrases match a line's key, whose ends lose punctuation, spaces, bullets and arrows: WordPress's
share link "Click to share on Twitter (Opens in new window)" is matched as ``click to share on
twitter (opens in new window``. Until session 54 nine shipped patterns wrote the closing ")" of
such a note (B005 in six languages, B002's "Keine Kommentare (…)", B004's "(無料)") and so missed
the very lines they were written for. The shipped packs hold no such pattern now, a user's pack
that holds one is refused naming it, and the lines are reported, with the rest of WordPress's
(Jetpack's) share buttons met beside them on the crawl ("Klicken zum Ausdrucken (…)")."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from console import run_lintnews
from pack_articles import findings
from test_regexcheck import builtin_patterns

from lintnews.config import ConfigError, Settings
from lintnews.keyends import dead_end
from lintnews.packs import load_packs
from lintnews.textnorm import line_key


@pytest.mark.parametrize(
    ("pattern", "found"),
    [
        (r"share on twitter(?: \(opens in new window\))?", (")", "end")),
        (r"read more:", (":", "end")),
        (r"next post(?: ?→)?", ("→", "end")),
        (r"(?:« )?next page", ("«", "start")),
        (r"the end[.!]", (".", "end")),
        (r"\(c\) \d{4} reuters", ("(", "start")),
        (r"(?:older|newer) comments(?: page|\))?", (")", "end")),
        (r"(?:a|b) \)!?", (")", "end")),
    ],
)
def test_a_pattern_that_needs_an_edge_character_at_an_end_is_found(
    pattern: str, found: tuple[str, str]
) -> None:
    assert dead_end(pattern) == found


@pytest.mark.parametrize(
    "pattern",
    [
        r"donate now!?",  # a lone optional character: with or without it
        r"name is required\.?",
        r"comments? ?: .{0,60}",  # the space ends a match only where `.{0,60}` matches nothing
        r"(?:(?:«|‹|first) )*(?:\d{1,3} ){1,20}next",  # a repeated item's later rounds are inside
        r"x(?=\))",
        r"foo[a.]",
        r"share on twitter(?: \(opens in new window\)?)?",
        r"\(?name and e-?mail are required",
    ],
)
def test_a_pattern_able_to_match_at_both_ends_passes(pattern: str) -> None:
    assert dead_end(pattern) is None


def test_what_is_found_is_what_a_key_cannot_match() -> None:
    key = line_key("Click to share on Twitter (Opens in new window)")
    assert key == "click to share on twitter (opens in new window"
    before = r"(?:click to )?share on twitter(?: \(opens in new window\))?"
    after = r"(?:click to )?share on twitter(?: \(opens in new window\)?)?"
    assert re.fullmatch(before, key) is None and dead_end(before) == (")", "end")
    assert re.fullmatch(after, key) is not None and dead_end(after) is None


def test_no_pattern_lintnews_ships_needs_an_edge_character_at_an_end() -> None:
    found = [(name, i, p, dead) for name, i, p in builtin_patterns() if (dead := dead_end(p))]
    assert found == []
    assert len(builtin_patterns()) > 1000


def _write_pack(folder: Path, pattern: str) -> None:
    (folder / "our-site.toml").write_text(
        f'language = "*"\n\n[[entry]]\nrule = "social-share"\npatterns = [\'{pattern}\']\n', encoding="utf-8"
    )
    (folder / "lintnews.toml").write_text('extend-packs = ["our-site.toml"]\n', encoding="utf-8")
    (folder / "story.txt").write_text("Talks resumed in Geneva on Monday after a pause.\n", encoding="utf-8")


def test_a_users_pattern_that_cannot_match_its_end_is_refused_naming_pack_entry_and_character(
    tmp_path: Path,
) -> None:
    _write_pack(tmp_path, r"teile uns auf mastodon \(neues fenster\)")
    proc = run_lintnews(["check", "--no-cache", "story.txt"], tmp_path)
    assert proc.returncode == 2
    assert proc.stdout == ""
    lines = proc.stderr.splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith(
        "lintnews: error: our-site.toml entry 1: pattern 'teile uns auf mastodon \\\\(neues fenster\\\\)' "
        "for rule social-share needs ')' at the end of a line, where no line has it"
    )
    assert lines[0].endswith("Leave the ')' out there, or make it optional (`\\)?`)")
    with pytest.raises(ConfigError, match=r"our-site.toml entry 1: pattern .* needs '\)' at the end"):
        load_packs(Settings(extend_packs=["our-site.toml"], root=str(tmp_path)))


def test_the_same_pattern_made_optional_is_loaded_and_matches(tmp_path: Path) -> None:
    _write_pack(tmp_path, r"teile uns auf mastodon \(neues fenster\)?")
    packs = load_packs(Settings(extend_packs=["our-site.toml"], root=str(tmp_path)))
    key = line_key("Teile uns auf Mastodon (neues Fenster)")
    assert packs.matcher("social-share", "de").match(key) is not None


ARTICLE_EN = (
    "The city council approved the new harbour budget on Monday after a debate that lasted most of the"
    " night. Users can share on Twitter any photo they took at the opening, the organisers said.\n"
)
ARTICLE_DE = (
    "Der Stadtrat hat am Montag den neuen Haushalt für den Hafen beschlossen, nach einer Debatte, die"
    " fast die ganze Nacht dauerte. Keine Kommentare gab es dazu vom Bürgermeister, der früh ging.\n"
)


@pytest.mark.parametrize(
    ("article", "line", "code"),
    [
        (ARTICLE_EN, "Click to share on Twitter (Opens in new window)", "B005"),
        (ARTICLE_EN, "Click to share on Facebook (Opens in new window)", "B005"),
        (ARTICLE_EN, "Find us on Google+", "B005"),
        (ARTICLE_EN, "Click to print (Opens in new window)", "B005"),
        (ARTICLE_EN, "Click to email a link to a friend (Opens in new window)", "B005"),
        (ARTICLE_DE, "Klicken zum Ausdrucken (Wird in neuem Fenster geöffnet)", "B005"),
        (
            ARTICLE_DE,
            "Klick, um dies einem Freund per E-Mail zu senden (Wird in neuem Fenster geöffnet)",
            "B005",
        ),
        (ARTICLE_DE, "Klicken, um in Skype zu teilen (Wird in neuem Fenster geöffnet)", "B005"),
        (ARTICLE_DE, "Auf Skype teilen (Wird in neuem Fenster geöffnet)", "B005"),
        (ARTICLE_DE, "Klicken, um auf Facebook zu teilen (Wird in neuem Fenster geöffnet)", "B005"),
        (ARTICLE_DE, "Keine Kommentare (Kommentare erscheinen erst nach unserer Freigabe)", "B002"),
        (
            "Le conseil municipal a adopté lundi le nouveau budget du port après un débat qui a duré"
            " presque toute la nuit, selon le maire de la ville.\n",
            "Cliquez pour partager sur Twitter (ouvre dans une nouvelle fenêtre)",
            "B005",
        ),
        (
            "El ayuntamiento aprobó el lunes el nuevo presupuesto del puerto tras un debate que duró"
            " casi toda la noche, según explicó el alcalde de la ciudad.\n",
            "Haz clic para compartir en Twitter (Se abre en una ventana nueva)",
            "B005",
        ),
        (
            "A câmara municipal aprovou na segunda-feira o novo orçamento do porto depois de um debate"
            " que durou quase toda a noite, segundo o presidente da câmara.\n",
            "Clique para compartilhar no Facebook(abre em nova janela)",
            "B005",
        ),
        (
            "Il consiglio comunale ha approvato lunedì il nuovo bilancio del porto dopo un dibattito che"
            " è durato quasi tutta la notte, secondo il sindaco della città.\n",
            "Fai clic per condividere su Facebook (Si apre in una nuova finestra)",
            "B005",
        ),
    ],
)
def test_the_lines_those_patterns_were_written_for_are_reported(article: str, line: str, code: str) -> None:
    assert findings(f"{article}\n{line}\n") == [(code, 3)]


@pytest.mark.parametrize("article", [ARTICLE_EN, ARTICLE_DE])
def test_the_same_words_inside_an_article_are_left(article: str) -> None:
    assert findings(article) == []
