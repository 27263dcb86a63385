"""The code `dataclasses` generates, kept compiled beside lintnews (`lintnews.cli.kept_code`): a
later process makes the same classes from it; a text it does not hold, or holds damaged, is
compiled as before; nothing is written where bytecode would not be."""

from __future__ import annotations

import dataclasses
import marshal
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from lintnews import kept_files
from lintnews.cli import kept_code

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

#: What the command line's dataclasses are made of: every generated method's code, as text.
PROBE = """
import dataclasses, sys
sys.argv = ["lintnews", "check", "--isolated", "--no-cache", "en-port-strike-duplicated-truncated.txt"]
from lintnews.cli import kept_code, main
read = len(kept_code._kept)
try:
    main()
except SystemExit:
    pass
from lintnews.cli import kept_code
found = {id(c): c for m in list(sys.modules.values()) for c in list(vars(m).values())
         if isinstance(c, type) and dataclasses.is_dataclass(c) and c.__module__.startswith("lintnews")}
classes = sorted(found.values(), key=lambda c: (c.__module__, c.__qualname__))
for c in classes:
    for name in ("__init__", "__repr__", "__eq__", "__setattr__", "__delattr__", "__hash__"):
        f = vars(c).get(name)
        code = getattr(f, "__code__", None)
        if code is not None and code.co_filename == "<string>":
            # (a frozenset constant, 3.13's frozen __setattr__, printed in order: its repr's order
            # changes with the process's string hashes)
            consts = tuple(sorted(k) if isinstance(k, frozenset) else k for k in code.co_consts)
            print(c.__module__, c.__qualname__, name, code.co_code.hex(), consts,
                  code.co_names, code.co_varnames, code.co_flags, f.__annotations__)
compiled = len(kept_code._kept) - read + len(kept_code._new)
print("READ", read, "COMPILED", compiled, file=sys.stderr)
"""


def probe(folder: Path, write: bool = True) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, kept_files.FOLDER_VARIABLE: str(folder)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if not write:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    done = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=FIXTURES, capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return done


def test_a_later_process_makes_the_same_classes_from_the_kept_code(tmp_path: Path) -> None:
    fresh = probe(tmp_path / "kept")  # (compiles them all, and keeps them)
    assert (tmp_path / "kept").is_dir() and "READ 0 " in fresh.stderr and "COMPILED 0\n" not in fresh.stderr
    kept = probe(tmp_path / "kept")  # (compiles none of the command line's)
    unkept = probe(tmp_path / "none", write=False)
    assert "READ 0 " not in kept.stderr and "COMPILED 0\n" in kept.stderr
    assert "READ 0 " in unkept.stderr and "COMPILED 0\n" not in unkept.stderr
    assert not (tmp_path / "none").exists()
    assert kept.stdout == unkept.stdout == fresh.stdout
    assert " Diagnostic __init__ " in kept.stdout and " Settings __eq__ " in kept.stdout


@pytest.fixture
def empty(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """`kept_code` with nothing kept or compiled yet, its file in a folder of its own."""
    monkeypatch.setenv(kept_files.FOLDER_VARIABLE, str(tmp_path / "kept"))
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    monkeypatch.setattr(kept_code, "_kept", {})
    monkeypatch.setattr(kept_code, "_new", {})
    yield tmp_path / "kept"


def make(name: str) -> type:
    """A dataclass made through `kept_code._exec`, as `dataclasses` does once installed."""
    namespace = {"__annotations__": {"when": "int", "where": "str"}, "where": "here", "__module__": __name__}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(dataclasses, "exec", kept_code._exec, raising=False)
        made: type = dataclasses.dataclass(frozen=True)(type(name, (), namespace))
    return made


def test_classes_made_from_kept_code_work_as_compiled_ones(empty: Path) -> None:
    compiled = make("Sighting")
    assert kept_code._new and not kept_code._kept
    kept_code.keep()
    assert (empty / kept_files.path(empty, "dataclass-code").name).is_file() and not kept_code._new
    again = make("Sighting")  # (from the kept code: nothing compiled)
    assert not kept_code._new
    assert again(3) == again(3) != again(4) and repr(again(3, "there")) == "Sighting(when=3, where='there')"
    with pytest.raises(dataclasses.FrozenInstanceError):
        again(3).when = 4  # type: ignore[misc]
    assert again.__init__.__code__.co_code == compiled.__init__.__code__.co_code  # type: ignore[misc]
    # Compiled as `exec` compiles: this module's `from __future__ import annotations` not inherited.
    assert again.__init__.__annotations__ == {"when": "int", "where": "str", "return": None}  # type: ignore[misc]
    assert compiled.__init__.__code__.co_flags == again.__init__.__code__.co_flags  # type: ignore[misc]


@pytest.mark.parametrize("damage", ["not code", "garbage", "other text's code"])
def test_a_damaged_or_planted_entry_is_compiled_around(empty: Path, damage: str) -> None:
    make("Sighting")
    text = next(t for t in kept_code._new if "__init__" in t)
    other = compile("def __create_fn__():\n def __init__(self): pass\n return __init__", "<string>", "exec")
    entry = {
        "not code": marshal.dumps(["a", "list"]),
        "garbage": b"\xff\x00 not marshal",
        "other text's code": marshal.dumps(other),
    }[damage]
    kept_code._new.clear()
    kept_code._kept[text + ("" if damage != "other text's code" else " ")] = entry
    if damage != "other text's code":
        kept_code._kept[text] = entry
    made = make("Sighting")
    assert text in kept_code._new  # (compiled again)
    assert made(1, "x") == made(1, "x") and made(1).where == "here"


def test_nothing_is_kept_when_bytecode_is_not_written(empty: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    make("Sighting")
    kept_code.keep()
    assert not empty.exists()


def test_a_file_of_another_key_or_shape_is_not_read(empty: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    file = kept_files.path(empty, "dataclass-code")
    monkeypatch.setattr(kept_code, "_file", lambda: file)
    monkeypatch.setattr(dataclasses, "exec", None, raising=False)
    monkeypatch.delattr(dataclasses, "exec")
    for key, content in [(b"another key", {"def f(): pass": b"x"}), (kept_code._KEY, ["not", "a", "dict"])]:
        kept_files.write(file, key, content)
        kept_code.install()
        assert kept_code._kept == {} and dataclasses.exec is kept_code._exec  # type: ignore[attr-defined]
        monkeypatch.delattr(dataclasses, "exec")
