"""Checks made before a run reads anything (an output path that names an input, a cache folder
that cannot be used), and `Interrupted`, the exception SIGTERM or SIGINT becomes.
"""

from __future__ import annotations

import os
import signal
import stat

from lintnews.config import Settings
from lintnews.gate import describe_os_error
from lintnews.sources import reaches


def cache_problem(folder: str) -> str | None:
    """Why the result cache cannot live in ``folder`` (None: it can): a file of that name, or a
    folder that cannot be created. A run goes on without the cache then, as ruff's does."""
    if os.path.exists(folder) and not os.path.isdir(folder):
        return "it is a file, not a folder"
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as exc:
        return describe_os_error(exc)
    if not os.access(folder, os.W_OK | os.X_OK):
        return "the folder is not writable"
    return None


def _identity(path: str) -> tuple[object, ...] | None:
    """What makes two output paths the same file: its device and inode when it exists (None for
    devices and pipes, which several outputs may share: ``/dev/null``), else its resolved path."""
    try:
        st = os.stat(path)
    except OSError:
        return ("path", os.path.realpath(path))
    return ("file", st.st_dev, st.st_ino) if stat.S_ISREG(st.st_mode) else None


def output_clash(
    paths: list[str], settings: Settings, outputs: dict[str, str | None], inputs: dict[str, str | None]
) -> str | None:
    """Why the run must not start, or None: two outputs (``outputs``: option → file) are the
    same file, or an output is one of the run's inputs: a file linted (named, or found in a
    named folder) or read (``inputs``: option → file, e.g. ``--baseline``). Writing it would
    replace that input with a report. Checked before anything is read or written.
    ``--write-baseline`` may name the ``--baseline`` file: that updates the baseline."""
    named = [(option, path) for option, path in outputs.items() if path]
    seen: dict[tuple[object, ...], str] = {}
    for option, path in named:
        key = _identity(path)
        if key is None:
            continue
        if key in seen:
            return f"{seen[key]} and {option} name the same file ({path}): each output needs its own file"
        seen[key] = option
    for option, path in named:
        key = _identity(path)
        if key is None or key[0] != "file":
            continue  # not there yet: no input of this run
        for other, read in inputs.items():
            if (
                read
                and _identity(read) == key
                and not (option == "--write-baseline" and other == "--baseline")
            ):
                return f"{option} {path} is the {other} file of this run: writing it would replace it; choose another file"
        found = reaches(paths, path, settings)
        if found is not None:
            return (
                f"{option} {path} is an input of this run ({found}): writing it would replace that input; "
                f"choose another file or leave it out of the inputs"
            )
    return None


class Interrupted(KeyboardInterrupt):
    """Ctrl-C during a run. A subclass, not KeyboardInterrupt itself: CPython remembers a
    KeyboardInterrupt (exactly that class) that leaves code run by ``exec`` of a string (as
    `dataclasses` does while a module is imported) and, under ``python -m``, then ends the
    process by SIGINT at exit even though the run caught it, cleaned up and exits with 1."""


def stop_exception(signum: int) -> BaseException:
    """What a stop signal raises: `Interrupted` for Ctrl-C, else an exit with 128 + signum."""
    return Interrupted() if signum == signal.SIGINT else SystemExit(128 + signum)
