"""`lintnews.textnorm.EMPHASIS` (markdown emphasis taken out of pack line keys): its leading
``(?=[*_])`` changes no match and makes the scan of a whole page's lines much faster (`bench/micro.py` times
it: a timing has no place in a unit test on a shared machine)."""

from __future__ import annotations

import random
import re

from lintnews import textnorm

#: The pattern without its leading look-ahead (what it was before).
PLAIN = re.compile(r"""(?<!\w)[*_]{1,3}(?=[\w¿¡])|(?<=[\w.!?:…)"'])[*_]{1,3}(?!\w)""")


def test_same_matches_as_without_the_lookahead() -> None:
    rng = random.Random(17)
    alphabet = [
        "*",
        "_",
        "**",
        "___",
        " ",
        "a",
        "Ä",
        "1",
        ".",
        "!",
        ":",
        "…",
        ")",
        '"',
        "'",
        "¿",
        "¡",
        "-",
        "\n",
        "x_y",
    ]
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 30))) for _ in range(20_000)]
    texts += ["**Read more:**", "_Ähnliche Beiträge_", "marked with * are required", "snake_case", "***a***"]
    assert [textnorm.EMPHASIS.sub("", t) for t in texts] == [PLAIN.sub("", t) for t in texts]
    assert textnorm.line_key("**Read more:** _Ähnliche Beiträge_") == "read more: ähnliche beiträge"
