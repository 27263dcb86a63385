"""The word lists of rules that report phrases (B002, B005, B007, B010, G003): the words their
logic's regular expressions are built around live in their rule files' ``[words.<lang>]`` tables,
and a user's ``extend-packs`` file adds to them (`lintnews.packs.words`)."""

from __future__ import annotations

from pathlib import Path

from lintnews.rules.chrome import about_box, author_box, labels, recent_comments
from lintnews.rules.generation import prompts

from lintnews.config import Settings
from lintnews.configfile import resolve_settings
from lintnews.document import Document
from lintnews.engine import Linter
from lintnews.packs import any_word

EN = (
    "The city council approved the new budget on Tuesday after a debate that lasted well into the night, "
    "and the mayor said the vote was a relief for the schools and the bus company."
)


def lines(folder: Path, code: str, text: str) -> list[int]:
    """The lines ``code`` reports on ``text``, linted as ``folder/story.md`` with the
    configuration found there."""
    path = folder / "story.md"
    path.write_text(text, encoding="utf-8")
    settings = resolve_settings([str(path)])
    settings.select = [code]
    return [d.line for d in Linter(settings).lint(Document(str(path), text)).diagnostics]


def extend(folder: Path, pack: str) -> None:
    (folder / "house.toml").write_text(pack, encoding="utf-8")
    (folder / "lintnews.toml").write_text('extend-packs = ["house.toml"]\n', encoding="utf-8")


def test_a_users_item_link_makes_b002_read_a_recent_comments_box(tmp_path: Path) -> None:
    """Swedish items ("Anna på TITLE") under a recent-comments heading are the box's once "på"
    is one of B002's `item-links`; before, the heading alone is reported."""
    text = f"{EN}\n## Recent Comments\nAnna på Bron stängs till mars\nPer på Nya avgifter för parkering\n"
    assert lines(tmp_path, "B002", text) == [2]
    assert lines(tmp_path, "B002", text.replace(" på ", " on ")) == [2, 3, 4]
    extend(tmp_path, 'rule = "B002"\n\n[words.sv]\nitem-links = ["på"]\n')
    assert lines(tmp_path, "B002", text) == [2, 3, 4]


def test_a_users_trade_makes_b010_report_an_about_box(tmp_path: Path) -> None:
    """ "About NAME" over a paragraph presenting a cartoonist is an about box once "cartoonist" is
    one of B010's `trades-and-publications`; before, nothing (the heading alone is no box)."""
    text = f"{EN}\n### About Jane Roe\nJane Roe is a cartoonist in Austin. She draws the city.\n"
    assert lines(tmp_path, "B010", text) == []
    assert lines(tmp_path, "B010", text.replace("cartoonist", "freelance writer")) == [2, 3]
    extend(tmp_path, 'rule = "post-navigation"\n\n[words.en]\ntrades-and-publications = ["cartoonist"]\n')
    assert lines(tmp_path, "B010", text) == [2, 3]


def test_a_users_trade_makes_b005_report_the_bio_over_a_follow_prompt(tmp_path: Path) -> None:
    text = f"{EN}\nJane Roe is a cartoonist based in Austin.\nFollow @janeroe on Twitter.\n"
    assert lines(tmp_path, "B005", text) == [3]
    extend(tmp_path, 'rule = "B005"\n\n[words.en]\ntrade-words = ["cartoonist"]\n')
    assert lines(tmp_path, "B005", text) == [2, 3]


def test_a_users_name_join_makes_b007_read_the_name_under_a_byline(tmp_path: Path) -> None:
    """ "Anna och Marco" under "By" names the authors once the Swedish "och" joins names (B007's
    `name-joins`; no built-in list has it): the byline is no longer empty."""
    text = f"{EN}\nBy\nAnna och Marco\n"
    assert lines(tmp_path, "B007", text) == [2]
    assert lines(tmp_path, "B007", text.replace(" och ", " and ")) == []
    extend(tmp_path, 'rule = "B007"\n\n[words.sv]\nname-joins = ["och"]\n')
    assert lines(tmp_path, "B007", text) == []


def test_a_users_footer_start_makes_g003_leave_a_closing_question(tmp_path: Path) -> None:
    """A question between two paragraphs over a short line and prose is a leaked prompt unless
    that line is the post's footer ("Posted by NAME"): an Italian "Pubblicato da NAME" is one
    once "pubblicato" is one of G003's `footer-starts`. (Its `question-labels` cannot be shown
    so: a labelled line opens with no question word, and is no question line anyway.)"""
    question = (
        "What could the city do to make sure that the new bridge is finished on time and without new costs?"
    )
    text = f"{EN}\n\n{EN}\n\n{question}\n\nPubblicato da Jane Holt\n\n{EN}\n"
    assert lines(tmp_path, "G003", text) == [5]
    assert lines(tmp_path, "G003", text.replace("Pubblicato da", "Posted by")) == []
    extend(tmp_path, 'rule = "G003"\n\n[words.it]\nfooter-starts = ["pubblicato"]\n')
    assert lines(tmp_path, "G003", text) == []


def test_a_users_image_words_make_g003_read_an_italian_image_prompt(tmp_path: Path) -> None:
    """A line describing a composed picture is an image prompt left in the text once its words are
    G003's: an Italian "immagini … sullo sfondo" is one once the user adds "immagini" to
    `image-nouns` and "sullo sfondo" to `image-grounds`; the English line is one already."""
    scene = (
        "La sindaca Jane Holt con i consiglieri in municipio durante il dibattito, "
        "con immagini di scuole e strade sullo sfondo"
    )
    english = (
        "Mayor Jane Holt with council members in the town hall during the debate, "
        "with imagery of schools and roads in the background"
    )
    text = f"Bilancio approvato\n\n{scene}\n\n{EN}\n"
    assert lines(tmp_path, "G003", text) == []
    assert lines(tmp_path, "G003", text.replace(scene, english)) == [3]
    extend(
        tmp_path,
        'rule = "G003"\n\n[words.it]\nimage-nouns = ["immagini"]\nimage-grounds = ["sullo sfondo"]\n',
    )
    assert lines(tmp_path, "G003", text) == [3]


def test_a_check_runs_warm_up_compiles_the_word_lists_patterns() -> None:
    """The patterns built around these lists are compiled before a run's workers fork (where
    `re` builds them from a kept file), not by each worker on its first document."""
    builders = [
        author_box._follow,
        author_box._bio_start,
        labels._name_word,
        labels._bio,
        labels._continued,
        about_box._presents,
        recent_comments._named,
        prompts._label_start,
        prompts._post_footer,
        prompts._image_scene,
        prompts._ground_screen,
    ]
    for build in [*builders, any_word]:
        build.cache_clear()
    Linter(Settings(select=["B002", "B005", "B007", "B010", "G003"])).warm()
    assert [build.cache_info().currsize for build in builders] == [1] * len(builders)
    assert any_word.cache_info().currsize == 2  # (B005's trade words, B010's trades and publications)
