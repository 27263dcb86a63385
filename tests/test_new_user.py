"""What a new user does first, done the same way: a fresh clone of this repository, a fresh
virtual environment, and the README's quick-start command (read from the README's first code
block, so the two cannot drift) typed into a terminal: ``pip install . && lintnews check
fixtures/`` run under a pseudo-terminal, where the progress bar runs.

It takes about a minute (pip builds the package and its C extension; the dependencies come from
pip's cache or the package index)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from ttyrun import run_in_pty, screen_lines

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
DIAGNOSTIC = re.compile(r"^fixtures/[^:\s]+:\d+:\d+: [A-Z]\d{3} ")


def quick_start() -> str:
    """The first command of the README's first code block, without its comment."""
    block = re.search(r"```sh\n(.*?)```", README.read_text(encoding="utf-8"), re.DOTALL)
    assert block is not None, "the README starts with a ```sh block"
    return block.group(1).splitlines()[0].split("  #", 1)[0].strip()


def sample_output() -> list[str]:
    """The lines of the README's sample run (its first ```console block) other than "$ ..." and "..."."""
    block = re.search(
        r"```console\n\$ lintnews check fixtures/\n(.*?)```", README.read_text(encoding="utf-8"), re.DOTALL
    )
    assert block is not None
    return [line for line in block.group(1).splitlines() if line != "..."]


def test_readme_quick_start_in_a_fresh_clone_on_a_terminal(tmp_path: Path) -> None:
    command = quick_start()
    assert command == "pip install . && lintnews check fixtures/"
    clone = tmp_path / "lintnews"
    subprocess.run(
        ["git", "clone", "--quiet", str(ROOT), str(clone)], check=True, capture_output=True, timeout=120
    )
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, capture_output=True, timeout=300)
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "NO_COLOR")
    }
    env.update(
        VIRTUAL_ENV=str(venv), PATH=f"{venv / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}", TERM="xterm"
    )
    # as typed at a shell prompt: both output streams are the terminal
    run = run_in_pty(command, clone, env, stdout_tty=True, shell=True, timeout=900)
    assert "Traceback" not in run.tty, run.tty[-4000:]
    assert run.returncode == 1, run.tty[-4000:]
    assert (venv / "bin" / "lintnews").is_file()  # the command ran the clone's lintnews, just installed
    screen = screen_lines(run.tty)
    found = [line for line in screen if DIAGNOSTIC.match(line)]
    assert len(found) == 13, "\n".join(screen[-40:])
    assert "Found 13 diagnostics (6 error, 7 warning) in 4 of 7 documents." in screen
    assert (
        "[*] 9 fixable with `lintnews check --fix` (2 hidden fixes can be enabled with `--unsafe-fixes`)."
        in screen
    )
    for line in sample_output():  # the README shows what the user gets
        assert line in screen, line
    assert "lint:" in run.tty  # the progress bar ran: this was a terminal
    # `python -m lintnews` typed in the clone's root imports the clone's own lintnews/ (the current
    # directory comes first on sys.path), which has no rules/ inside: the same findings, no traceback
    as_module = subprocess.run(
        [str(venv / "bin" / "python"), "-m", "lintnews", "check", "--no-cache", "fixtures/"],
        cwd=clone,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert "Traceback" not in as_module.stderr, as_module.stderr[-4000:]
    assert as_module.returncode == 1, as_module.stderr[-4000:]
    assert len([line for line in as_module.stdout.splitlines() if DIAGNOSTIC.match(line)]) == 13
    assert "Found 13 diagnostics (6 error, 7 warning) in 4 of 7 documents." in as_module.stdout
