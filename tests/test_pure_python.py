"""``LINTNEWS_PURE_PYTHON=1`` really runs no compiled kernel of lintnews, so that `.ci/run`'s pass
of the kernel tests with the variable set tests the pure-Python fallback (issue 15: it cannot rot).

A ``sitecustomize`` on ``PYTHONPATH`` records every import of ``lintnews._native`` in the
`lintnews` process and its worker processes; a run over enough documents to start the worker pool
(64 or more) and the corpus rules must record none with the variable set, and does record them
without it (so the probe can fail)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINTNEWS = Path(sys.executable).with_name("lintnews")

PROBE = """\
import importlib.abc, os, sys

class _Probe(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "lintnews._native":
            with open(os.environ["NATIVE_PROBE_LOG"], "a", encoding="utf-8") as log:
                log.write(f"{os.getpid()}\\n")
        return None

sys.meta_path.insert(0, _Probe())
"""

STORY = """\
Harbour Council Approves Sea Wall Repairs {n}

The harbour council voted on Tuesday to spend four million pounds on repairs to the old sea wall.

Work is due to start in March and should take about eighteen months, the council's engineer said.

The harbour council voted on Tuesday to spend four million pounds on repairs to the old sea wall.

Share on Facebook
"""


def _run(tmp_path: Path, pure: bool) -> tuple[list[str], subprocess.CompletedProcess[str]]:
    probe = tmp_path / "probe"
    probe.mkdir(exist_ok=True)
    (probe / "sitecustomize.py").write_text(PROBE, encoding="utf-8")
    log = tmp_path / f"native-{pure}.log"
    log.write_text("", encoding="utf-8")
    docs = tmp_path / "docs"
    if not docs.exists():
        docs.mkdir()
        for n in range(70):  # 64 units start the worker pool; every story has near and exact copies
            (docs / f"s{n:02d}.txt").write_text(STORY.format(n=n % 7), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "LINTNEWS_PURE_PYTHON"}
    env["PYTHONPATH"] = os.pathsep.join([str(probe), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    env["NATIVE_PROBE_LOG"] = str(log)
    if pure:
        env["LINTNEWS_PURE_PYTHON"] = "1"
    done = subprocess.run(
        [
            str(LINTNEWS),
            "check",
            "--no-cache",
            "--isolated",
            "--select",
            "ALL",
            "-j",
            "2",
            "--statistics",
            "--output-format",
            "json",
            str(docs),
            str(ROOT / "fixtures"),
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    return log.read_text(encoding="utf-8").split(), done


def test_the_variable_keeps_every_process_off_the_compiled_kernels(tmp_path: Path) -> None:
    imported, done = _run(tmp_path, pure=True)
    assert done.returncode == 1, done.stderr
    assert '"N002"' in done.stdout and '"D001"' in done.stdout  # the corpus and the rules ran
    assert imported == []
    # the probe sees the import when the variable is not set
    imported, done = _run(tmp_path, pure=False)
    assert done.returncode == 1, done.stderr
    assert len(imported) >= 1


def test_every_kernel_name_is_its_python_definition() -> None:
    code = (
        "from lintnews import native, hashing, minhash, cli;"
        "assert native.compiled is None;"
        "names = ['words', 'count_words', 'collapse_lines', 'plain_blocks', 'casefold'];"
        "assert all(getattr(native, n) is getattr(native, 'py_' + n) for n in names), names;"
        "from lintnews.document import Block; assert Block is native.Block is native.PyBlock;"
        "import sys; assert 'lintnews._native' not in sys.modules;"
        "print(native.describe())"
    )
    env = {**os.environ, "LINTNEWS_PURE_PYTHON": "1"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "pure-Python kernels: LINTNEWS_PURE_PYTHON is set\n"


def test_ci_runs_the_kernel_tests_without_the_extension() -> None:
    lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").replace("\\\n", " ").splitlines()
    (line,) = [x for x in lines if x.startswith("LINTNEWS_PURE_PYTHON=1 pytest ")]
    files = [word for word in line.split() if word.startswith("tests/")]
    for name in (
        "tests/test_pure_python.py",
        "tests/test_native.py",
        "tests/test_minhash.py",
        "tests/test_corpus.py",
    ):
        assert name in files
    for pattern in files:
        assert list(ROOT.glob(pattern)), pattern
