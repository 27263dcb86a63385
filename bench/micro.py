"""Timings the unit tests leave out: two worst cases whose speed was a bug once.

Usage::

    python bench/micro.py [--repeat 5]

1. **F005 on one long line of mojibake** (issue 21: a 21 KB line took 46 s when difflib aligned
   the whole line). ``'Ã¼Ã©Ã¤â€™ Ã©€ ' * N`` at N = 4,000 and 8,000, the two sizes alternating,
   the best of ``--repeat`` each: the ratio of the times is about 2 when the work is linear
   (`tests/test_rules_mojibake.py` counts the alignments instead of timing them).
2. **The emphasis pattern** (`lintnews.textnorm.EMPHASIS`) against the same pattern without its
   leading ``(?=[*_])`` on a whole page's navigation (long lines of words with a few
   underscores), the best of ``--repeat`` each: the look-ahead changes no match
   (`tests/test_emphasis_speed.py` checks that) and should cost well under the plain pattern.

Both sides of each ratio run in this process, alternating, so a busy machine slows both alike.
"""

from __future__ import annotations

import argparse
import re
import time
from collections.abc import Callable

from lintnews.config import Settings
from lintnews.document import Document
from lintnews.registry import all_rules
from lintnews.textnorm import EMPHASIS

#: `EMPHASIS` without its leading look-ahead (what it was before).
PLAIN = re.compile(r"""(?<!\w)[*_]{1,3}(?=[\w¿¡])|(?<=[\w.!?:…)"'])[*_]{1,3}(?!\w)""")


def best_of_alternating(
    repeat: int, first: Callable[[], object], second: Callable[[], object]
) -> tuple[float, float]:
    a = b = float("inf")
    for _ in range(repeat):
        for i, run in enumerate((first, second)):
            start = time.perf_counter()
            run()
            took = time.perf_counter() - start
            a, b = (min(a, took), b) if i == 0 else (a, min(b, took))
    return a, b


def mojibake(repeat: int) -> None:
    rule, settings = all_rules()["F005"], Settings()

    def line(n: int) -> Callable[[], object]:
        doc = Document("line.txt", "Ã¼Ã©Ã¤â€™ Ã©€ " * n + "\n")
        return lambda: list(rule.check(doc, settings))

    line(200)()  # warm-up
    small, large = best_of_alternating(repeat, line(4000), line(8000))
    print(
        f"F005, one line of mojibake: 4,000 repeats {small:.3f} s, 8,000 {large:.3f} s, ratio {large / small:.2f}"
    )


def emphasis(repeat: int) -> None:
    line = " ".join(f"word{i} _item_ menu entry" if i % 9 == 0 else f"word{i} menu entry" for i in range(60))
    lines = [line] * 400

    def sub(pattern: re.Pattern[str]) -> Callable[[], object]:
        return lambda: [pattern.sub("", text) for text in lines]

    assert sub(EMPHASIS)() == sub(PLAIN)()
    ahead, plain = best_of_alternating(repeat, sub(EMPHASIS), sub(PLAIN))
    print(
        f"emphasis pattern, 400 navigation lines: with the look-ahead {ahead:.4f} s, without {plain:.4f} s, ratio {ahead / plain:.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    mojibake(args.repeat)
    emphasis(args.repeat)


if __name__ == "__main__":
    main()
