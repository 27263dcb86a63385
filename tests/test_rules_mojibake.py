"""F005 mojibake on text of many scripts, and its cost on long damaged lines (issues 17 and 21).

Correctly decoded Chinese, Japanese, Cyrillic, Greek and Arabic text, with the curly quotes,
guillemets and dashes news text has, is never flagged; the same text read with the wrong code
page is. The repair spans are found in time linear in the line (difflib over a whole line was
quadratic: a 21 KB line of repeated mojibake took 46 s).
"""

from __future__ import annotations

import difflib
from pathlib import Path

import ftfy.bad_codecs  # noqa: F401  (registers the sloppy-windows-125x codecs)
import pytest
from lintnews.rules.formatting import mojibake

from lintnews.config import Settings
from lintnews.document import Document
from lintnews.fixes import apply_edits
from lintnews.registry import Violation, all_rules

LEDE = "The city council approved the new budget on Tuesday after a long debate, officials said."

#: News sentences as they are written, with the punctuation that sits next to their letters.
CORRECT = {
    "zh": "国务院新闻办公室周二举行发布会，介绍“十四五”规划的进展——记者王明报道。",
    "ja": "東京都は「新しい」防災計画を発表した。“安全第一”の方針だという——共同通信。",
    "ru": "«Москва» — столица России, сообщил “ТАСС” в понедельник; рост составил 5 %.",
    "el": "Η κυβέρνηση ανακοίνωσε «νέα» μέτρα για την οικονομία — δήλωσε ο υπουργός.",
    "ar": "قال الوزير “إن الحكومة ستعلن” عن خطة جديدة — حسب وكالة الأنباء.",
}


def check(text: str) -> list[Violation]:
    return list(all_rules()["F005"].check(Document("article.txt", text), Settings()))


@pytest.mark.parametrize("lang", sorted(CORRECT))
def test_correctly_decoded_text_of_every_script_is_not_flagged(lang: str) -> None:
    sentence = CORRECT[lang]
    text = f"{sentence}\n{sentence} {sentence}\n\n{LEDE}\n"
    assert check(text) == []


def test_a_document_of_every_script_together_is_not_flagged() -> None:
    assert check("\n".join(CORRECT.values()) + "\n") == []


#: (language, code page the UTF-8 bytes were read with): the commonest mojibake of each script.
MOJIBAKE = [
    ("zh", "sloppy-windows-1252"),
    ("zh", "latin-1"),
    ("zh", "macroman"),
    ("ja", "sloppy-windows-1252"),
    ("ja", "sloppy-windows-1251"),
    ("ru", "sloppy-windows-1252"),
    ("ru", "sloppy-windows-1251"),
    ("ru", "macroman"),
    ("el", "sloppy-windows-1252"),
    ("el", "sloppy-windows-1253"),
    ("ar", "sloppy-windows-1252"),
    ("ar", "latin-1"),
]


@pytest.mark.parametrize(("lang", "codec"), MOJIBAKE)
def test_mojibake_of_every_script_is_flagged_and_repaired(lang: str, codec: str) -> None:
    sentence = CORRECT[lang]
    damaged = sentence.encode("utf-8").decode(codec)
    # one damaged line among correct ones of the same script
    text = f"{sentence}\n{damaged}\n{sentence}\n"
    found = check(text)
    assert [(v.rule.code, v.line) for v in found] == [("F005", 1)]
    (v,) = found
    assert v.fix is not None and v.fix.safe
    assert apply_edits(text, [v.fix])[0] == f"{sentence}\n{sentence}\n{sentence}\n"


def test_one_span_per_damaged_stretch_between_ascii_text() -> None:
    text = "Die Brücke Ã¼ber den Fluss, sagte die StadtverwaltungÂ â€“ am Montag.\n"
    (v,) = check(text)
    edits = [(e.start, e.end, e.replacement) for e in v.fix.edits]
    at = text.index("Ã¼")
    assert edits[0] == (at, at + 2, "ü")
    assert v.message == 'Mojibake "Ã¼" (should read "ü") and 1 more'
    assert (
        apply_edits(text, [v.fix])[0]
        == "Die Brücke über den Fluss, sagte die Stadtverwaltung\xa0– am Montag.\n"
    )


def test_damaged_spans_match_difflib_on_short_stretches() -> None:
    """Between ASCII text the spans are difflib's: `Â°` loses its `Â`, `â€™` becomes `’`."""
    text = "It was 5 Â°C and the Kremlinâ€™s view."
    repaired = "It was 5 °C and the Kremlin’s view."
    at, quote = text.index("Â"), text.index("â")
    assert mojibake._damaged_spans(text, repaired) == [(at, at + 1, ""), (quote, quote + 3, "’")]


def test_damaged_spans_keep_the_whole_stretch_when_a_space_became_part_of_a_letter() -> None:
    # `Ã ` is UTF-8 `à` whose no-break space became a space: the space is part of the span
    text = "Il est allÃ© Ã  Paris."
    repaired = "Il est allé à Paris."
    spans = mojibake._damaged_spans(text, repaired)
    assert [(text[a:b], r) for a, b, r in spans] == [("Ã©", "é"), ("Ã ", "à")]


def test_mojibake_work_grows_linearly_with_the_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 21: ``'Ã¼Ã©Ã¤â€™ ' * N`` on one line (a 21 KB line took 46 s: difflib over the whole
    line is quadratic). With a stretch difflib must align (`Ã©€`: the repair keeps the `€`) in
    every repeat, every alignment difflib is asked for stays within a bound that does not depend
    on the line, and their number doubles when the line does: linear work, counted, not timed
    (`bench/micro.py` times it)."""
    asked: list[tuple[int, int]] = []
    real = mojibake.difflib.SequenceMatcher

    def counting(junk: object, a: str, b: str, autojunk: bool = True) -> difflib.SequenceMatcher[str]:
        asked.append((len(a), len(b)))
        return real(junk, a, b, autojunk=autojunk)  # type: ignore[arg-type]

    monkeypatch.setattr(mojibake.difflib, "SequenceMatcher", counting)

    def run(n: int) -> list[tuple[int, int]]:
        asked.clear()
        (v,) = check("Ã¼Ã©Ã¤â€™ Ã©€ " * n + "\n")
        assert v.message.endswith(f"and {2 * n - 1} more")
        return list(asked)

    small, large = run(4000), run(8000)
    bound = 3 * mojibake._SMALL_GAP
    assert len(small) == 4000 and all(a <= bound and b <= bound for a, b in small + large)
    assert len(large) == 2 * len(small)
    assert sum(a * b for a, b in large) == 2 * sum(a * b for a, b in small)


def test_damaged_spans_rebuild_the_repair_on_generated_mojibake() -> None:
    """Applied in order, the spans (ascending, not overlapping) turn the line into ftfy's repair,
    for lines of several scripts damaged whole or word by word with several code pages."""
    import random

    import ftfy

    rng = random.Random(21)
    words = " ".join(CORRECT.values()).split() + ["Über", "Café", "naïve", "São", "à", "10", "€", "½", "—"]
    checked = 0
    for _ in range(1500):
        line = " ".join(rng.choice(words) for _ in range(rng.randrange(1, 14)))
        codec = rng.choice(
            ["sloppy-windows-1252", "latin-1", "sloppy-windows-1251", "sloppy-windows-1253", "macroman"]
        )
        try:
            if rng.random() < 0.5:
                damaged = line.encode("utf-8").decode(codec)
            else:
                damaged = " ".join(
                    w.encode("utf-8").decode(codec) if rng.random() < 0.4 else w for w in line.split(" ")
                )
        except UnicodeDecodeError:
            continue
        repaired = ftfy.fix_encoding(damaged)
        if repaired == damaged:
            continue
        spans = mojibake._damaged_spans(damaged, repaired)
        out, at = [], 0
        for start, end, replacement in spans:
            assert at <= start <= end, (damaged, spans)
            out += [damaged[at:start], replacement]
            at = end
        assert "".join(out) + damaged[at:] == repaired, damaged
        checked += 1
    assert checked > 800


def test_ftfy_is_imported_on_first_use_not_on_a_cached_re_run(tmp_path: Path) -> None:
    """Importing ftfy costs ~30 ms: F005 imports it for its first text outside ASCII (or in
    ``warm``, before the workers fork), and a re-run answered from the cache, which runs no
    rule, never does."""
    from test_cli_startup import loaded_by

    (tmp_path / "a.txt").write_text(f"{LEDE}\n\nThe Kremlinâ€™s position has not changed.\n")
    (tmp_path / "b.txt").write_text(f"{LEDE}\n")
    args = ("--select", "F005", "a.txt", "b.txt")
    cache = str(tmp_path / "cc")
    for run in ("first", "cached"):
        code, loaded, out = loaded_by(tmp_path, ("ftfy",), *args, cache=cache)
        assert out.count("F005") == 1 and "a.txt:3:12: F005" in out, out
        assert loaded == (["ftfy"] if run == "first" else []), run
    code, loaded, out = loaded_by(tmp_path, ("ftfy",), "--select", "F005", "b.txt")
    assert (loaded, out.count("F005")) == ([], 0)  # (only ASCII: no screen needed)
