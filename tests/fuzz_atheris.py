"""atheris (libFuzzer) harness for tests/fuzz_target.py: coverage-guided fuzzing of the document
builders, every rule and the fixer.

    python tests/fuzz_atheris.py -max_total_time=600 corpus/      # a long local session

A failing input is written by libFuzzer as ``crash-…``; replay it with
``python tests/fuzz_atheris.py crash-…`` and keep it in ``REGRESSIONS`` of
tests/test_fuzz_rules.py once fixed.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent))

with atheris.instrument_imports(include=["lintnews"]):
    from fuzz_target import ATOMS, KINDS, check


def one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    kind = KINDS[fdp.ConsumeIntInRange(0, len(KINDS) - 1)]
    tags = [fdp.ConsumeIntInRange(0, 7) for _ in range(fdp.ConsumeIntInRange(1, 4))]
    parts = []
    for _ in range(fdp.ConsumeIntInRange(0, 30)):
        choice = fdp.ConsumeIntInRange(0, 3)
        if choice == 0:
            parts.append(ATOMS[fdp.ConsumeIntInRange(0, len(ATOMS) - 1)])
        elif choice == 1:
            parts.append(fdp.ConsumeUnicodeNoSurrogates(fdp.ConsumeIntInRange(0, 30)))
        else:
            parts.append(("\n", "\n\n", " ", "", "\n\n\n\n", "\t")[fdp.ConsumeIntInRange(0, 5)])
    check(kind, "".join(parts), tags)


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
