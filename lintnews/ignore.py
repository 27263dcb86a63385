"""Ignore files: what a folder walk leaves out because git (or an ``.ignore`` file) says so.

As in ruff and ripgrep, a walk honours ``.gitignore`` files inside a git repository (and the
repository's ``.git/info/exclude``), and ``.ignore`` files anywhere. Patterns apply to paths
relative to the folder of the file that holds them; a deeper file overrides a shallower one, a
later pattern an earlier one, and nothing inside an ignored folder can be re-included (git's
rule). Files named on the command line are always linted. ``respect-gitignore = false`` turns
this off.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from lintnews.files import MiB, UnreadableFile, read_regular

if TYPE_CHECKING:  # imported where an ignore file is read: it costs ~30 ms at start-up
    import pathspec

#: Ignore files read in every folder of a walk (``.gitignore`` only inside a repository).
IGNORE_FILES = (".gitignore", ".ignore")


#: The largest ignore file read (the biggest real ones are a few hundred KB).
MAX_IGNORE_FILE = 8 * MiB


def _read(path: str, errors: list[tuple[str, int | None, str]]) -> pathspec.GitIgnoreSpec | None:
    """The patterns of ignore file ``path`` (None when it has none, or does not exist). What is
    wrong with it is added to ``errors`` as ``(path, line, message)``: a file that is not a
    regular file, too large or binary is not read; an invalid pattern is left out (as git
    leaves it out)."""
    if not os.path.lexists(path):
        return None
    try:
        data = read_regular(path, MAX_IGNORE_FILE)
    except UnreadableFile as exc:
        errors.append((_shown(path), None, f"ignore file not read: {exc}"))
        return None
    if b"\0" in data:
        errors.append((_shown(path), None, "ignore file not read: binary content"))
        return None
    lines = data.decode("utf-8", errors="replace").splitlines()
    import pathspec  # (here: a folder without ignore files does not need it)

    try:
        spec = pathspec.GitIgnoreSpec.from_lines(lines)
    except ValueError:  # pathspec's GitIgnorePatternError: find the lines, leave them out
        valid = []
        for number, line in enumerate(lines, 1):
            try:
                pathspec.GitIgnoreSpec.from_lines([line])
            except ValueError:
                errors.append((_shown(path), number, f"invalid ignore pattern {line[:80]!r}: left out"))
                continue
            valid.append(line)
        spec = pathspec.GitIgnoreSpec.from_lines(valid)
    return spec if len(spec) else None


def _shown(path: str) -> str:
    """``path`` relative to the working directory when it is below it."""
    rel = os.path.relpath(path)
    return path if rel == ".." or rel.startswith(".." + os.sep) else rel


def _repository_root(folder: str) -> str | None:
    """The nearest folder at or above ``folder`` that holds ``.git``."""
    here = os.path.abspath(folder)
    while True:
        if os.path.exists(os.path.join(here, ".git")):
            return here
        parent = os.path.dirname(here)
        if parent == here:
            return None
        here = parent


class IgnoreStack:
    """The ignore rules in force in the folder a walk is in: one entry per folder on the way
    down from the repository root (or the walk's root), pushed and popped with the walk."""

    def __init__(self, root: str) -> None:
        self.repo = _repository_root(root)
        self._frames: list[tuple[str, list[pathspec.GitIgnoreSpec]]] = []
        #: Problems with the ignore files read so far, ``(path, line, message)``: `take_errors`.
        self.errors: list[tuple[str, int | None, str]] = []
        # Rules from the folders above the walk's root, up to the repository root.
        if self.repo is not None:
            above: list[str] = []
            here = os.path.dirname(os.path.abspath(root))
            while len(here) >= len(self.repo) and here.startswith(self.repo):
                above.append(here)
                if here == self.repo:
                    break
                here = os.path.dirname(here)
            for folder in reversed(above):
                self._push_abs(folder, top=folder == self.repo)

    def _push_abs(self, folder: str, top: bool = False) -> None:
        specs = []
        if top:
            spec = _read(os.path.join(folder, ".git", "info", "exclude"), self.errors)
            if spec is not None:
                specs.append(spec)
        for name in IGNORE_FILES:
            if name == ".gitignore" and self.repo is None:
                continue
            spec = _read(os.path.join(folder, name), self.errors)
            if spec is not None:
                specs.append(spec)
        self._frames.append((folder, specs))

    def push(self, folder: str) -> None:
        """Enter ``folder`` (a folder of the walk): its ignore files take effect below it."""
        absolute = os.path.abspath(folder)
        self._push_abs(absolute, top=absolute == self.repo)

    def take_errors(self) -> list[tuple[str, int | None, str]]:
        """The problems found since the last call (each ignore file is read once)."""
        errors, self.errors = self.errors, []
        return errors

    def pop(self) -> None:
        self._frames.pop()

    def ignored(self, path: str, is_dir: bool) -> bool:
        """Whether ``path`` (an entry of the innermost pushed folder) is ignored."""
        if not any(specs for _, specs in self._frames):
            return False
        absolute = os.path.abspath(path)
        for folder, specs in reversed(self._frames):
            if not specs:
                continue
            rel = os.path.relpath(absolute, folder).replace(os.sep, "/")
            if is_dir:
                rel += "/"
            for spec in reversed(specs):  # .ignore overrides .gitignore overrides info/exclude
                result = spec.check_file(rel)
                if result.include is not None:
                    return bool(result.include)
        return False
