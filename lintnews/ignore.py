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

if TYPE_CHECKING:  # imported where an ignore file is read: it costs ~30 ms at start-up
    import pathspec

#: Ignore files read in every folder of a walk (``.gitignore`` only inside a repository).
IGNORE_FILES = (".gitignore", ".ignore")


def _read(path: str) -> pathspec.GitIgnoreSpec | None:
    import pathspec

    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            lines = fh.read().splitlines()
    except OSError:
        return None
    spec = pathspec.GitIgnoreSpec.from_lines(lines)
    return spec if len(spec) else None


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
            spec = _read(os.path.join(folder, ".git", "info", "exclude"))
            if spec is not None:
                specs.append(spec)
        for name in IGNORE_FILES:
            if name == ".gitignore" and self.repo is None:
                continue
            spec = _read(os.path.join(folder, name))
            if spec is not None:
                specs.append(spec)
        self._frames.append((folder, specs))

    def push(self, folder: str) -> None:
        """Enter ``folder`` (a folder of the walk): its ignore files take effect below it."""
        absolute = os.path.abspath(folder)
        self._push_abs(absolute, top=absolute == self.repo)

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
