"""Running a command as a person does, on a terminal: a pseudo-terminal from the standard
library's ``pty`` as its standard error (and, if asked, its standard output), sized like a real
terminal window (100 columns, 30 lines)."""

from __future__ import annotations

import errno
import fcntl
import os
import pty
import re
import struct
import subprocess
import termios
import threading
from dataclasses import dataclass
from pathlib import Path

# (the tests that drive a terminal import the console script from here too)
from console import lintnews_script as lintnews_script


@dataclass
class TtyRun:
    returncode: int
    #: Everything written to the terminal, as the terminal received it (``\r\n`` line ends).
    tty: str
    #: Standard output when it was a pipe ("" when it was the terminal too).
    stdout: str


def run_in_pty(
    command: list[str] | str,
    cwd: Path,
    env: dict[str, str],
    stdout_tty: bool = False,
    stdin: bytes | None = None,
    timeout: float = 300,
    shell: bool = False,
) -> TtyRun:
    """Run ``command`` with standard error on a new pseudo-terminal (and standard output too
    with ``stdout_tty``); standard input is ``stdin`` (else empty)."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    chunks: list[bytes] = []

    def drain() -> None:
        while True:
            try:
                data = os.read(master, 65536)
            except OSError as exc:  # EIO: every writer closed the terminal
                if exc.errno == errno.EIO:
                    return
                raise
            if not data:
                return
            chunks.append(data)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    try:
        proc = subprocess.Popen(
            command,
            cwd=cwd,
            env=env,
            shell=shell,
            stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
            stdout=slave if stdout_tty else subprocess.PIPE,
            stderr=slave,
            start_new_session=True,
        )
    finally:
        os.close(slave)
    try:
        out, _ = proc.communicate(stdin, timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        raise
    reader.join(timeout=30)
    os.close(master)
    return TtyRun(
        proc.returncode, b"".join(chunks).decode("utf-8", "replace"), (out or b"").decode("utf-8", "replace")
    )


_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def screen_lines(tty: str) -> list[str]:
    """The lines a terminal shows for ``tty`` (colours removed; a carriage return goes back to
    the start of the line, and what follows overwrites what was there), right-trimmed."""
    out = []
    for raw in _ANSI.sub("", tty).replace("\r\n", "\n").split("\n"):
        line: list[str] = []
        col = 0
        for part in re.split(r"(\r)", raw):
            if part == "\r":
                col = 0
                continue
            for ch in part:
                if col < len(line):
                    line[col] = ch
                else:
                    line.append(ch)
                col += 1
        out.append("".join(line).rstrip())
    return out
