"""A small check run in one process (a pre-commit hook on a few files) warms before its first
miss as a larger run does, from kept files, but leaves the libraries some rules import in their
``warm`` (`Rule.warm_imports`: ftfy for F005, wordfreq for T002) to the first document that needs
them (`lintnews.engine.Linter.warm`)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from lintnews.config import Settings
from lintnews.engine import Linter
from lintnews.registry import all_rules

#: Runs the command line in a fresh interpreter (nothing imported yet) and prints, as JSON, how
#: `Linter.warm` was called, which of the libraries were imported and the exit code.
_RUN = """
import json, sys
from lintnews import engine
from lintnews.cli import app
calls = []
real = engine.Linter.warm
def warm(self, imports=True):
    calls.append(imports)
    return real(self, imports)
engine.Linter.warm = warm
try:
    app.main(["check", "--no-cache", "--isolated", *sys.argv[1:]])
except SystemExit as exc:
    code = exc.code
print(json.dumps([calls, "ftfy" in sys.modules, "wordfreq" in sys.modules, code]))
"""

_PLAIN = (
    "The council approved the budget on Monday after a long debate.\n\n"
    "The vote was seven to two, and the new rules take effect in March.\n"
)
_MOJIBAKE = (
    "The Kremlinâ€™s position has not changed, the spokesman said on Tuesday after the talks.\n\n"
    "Both sides said they would meet again next week to discuss the remaining questions.\n"
)


def _run(tmp_path: Path, *names: str) -> tuple[list[bool], bool, bool, int, str]:
    done = subprocess.run(
        [sys.executable, "-c", _RUN, *names], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    *out, last = done.stdout.strip().splitlines()
    calls, ftfy, wordfreq, code = json.loads(last)
    return calls, ftfy, wordfreq, code, "\n".join(out)


def test_a_small_run_warms_without_the_rules_imports(tmp_path: Path) -> None:
    (tmp_path / "plain.txt").write_text(_PLAIN, encoding="utf-8")
    calls, ftfy, wordfreq, code, out = _run(tmp_path, "plain.txt")
    assert calls == [False]  # warmed once, before its first miss, without the imports
    assert not ftfy and not wordfreq  # an ASCII text with finished sentences needs neither
    assert code == 0 and out == "All checks passed (1 document)."


def test_a_small_run_imports_a_library_on_the_first_document_that_needs_it(tmp_path: Path) -> None:
    (tmp_path / "plain.txt").write_text(_PLAIN, encoding="utf-8")
    (tmp_path / "moji.txt").write_text(_MOJIBAKE, encoding="utf-8")
    calls, ftfy, _, code, out = _run(tmp_path, "plain.txt", "moji.txt")
    assert calls == [False] and ftfy
    assert code == 0  # (a warning: the default fails on errors)
    assert out.splitlines()[0] == 'moji.txt:1:12: F005 [*] Mojibake "â€™" (should read "’")'


def test_only_the_rules_that_import_libraries_in_their_warm_say_so() -> None:
    assert sorted(code for code, rule in all_rules().items() if rule.warm_imports) == ["F005", "T002"]


def test_warming_without_imports_leaves_those_rules_to_load_lazily() -> None:
    from lintnews.rules.truncation import endings, wordlist

    wordlist._list_bytes.cache_clear()
    endings._rare.cache_clear()
    Linter(Settings(select=["T002"])).warm(imports=False)
    assert wordlist._list_bytes.cache_info().currsize == 0  # (English is read on first use)
    assert endings._rare("governmen", "en") is True
    assert wordlist._list_bytes.cache_info().currsize == 1


#: A small check in a fresh interpreter, then the languages whose phrase screens were built.
_SCREENS = """
import json, sys
from lintnews.cli import app
from lintnews.config import Settings
from lintnews.packs.loading import load_packs
try:
    app.main(["check", "--no-cache", "--isolated", *sys.argv[1:]])
except SystemExit as exc:
    code = exc.code
print(json.dumps([sorted(load_packs(Settings()).screens), code]))
"""


def test_a_small_run_builds_the_screens_of_the_languages_it_meets_once_the_facts_are_kept(
    tmp_path: Path,
) -> None:
    """Without the kept facts file a small run builds every language's screen, which writes the
    file whole; with it, only the screens of the languages its documents are placed in (an
    English text: English), and it reports the same."""
    import os

    from lintnews import kept_files

    (tmp_path / "plain.txt").write_text(_PLAIN, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env[kept_files.FOLDER_VARIABLE] = str(tmp_path / "kept")

    def run() -> tuple[list[str], int, str]:
        done = subprocess.run(
            [sys.executable, "-c", _SCREENS, "plain.txt"],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=False,
            env=env,
        )
        *out, last = done.stdout.strip().splitlines()
        screens, code = json.loads(last)
        return screens, code, "\n".join(out)

    first = run()
    assert list((tmp_path / "kept").glob("pattern-facts.*.marshal"))
    assert {"en", "de", "ru", "zh", "ja", "*"} <= set(first[0]) and len(first[0]) > 15
    second = run()
    assert second[0] == ["*", "en"]  # (the `*` entries apply to every language)
    assert second[1:] == first[1:] == (0, "All checks passed (1 document).")
