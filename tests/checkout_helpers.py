"""What the tests that run the project's own tools on this checkout share."""

from __future__ import annotations

from pathlib import Path


def venvs(root: Path) -> list[str]:
    """The virtual environments in the checkout's top folder (a ``pyvenv.cfg`` in them), whatever
    their name: a contributor's ``python -m venv .v`` holds third-party code that is not ours to
    lint or copy (ruff leaves out ``.venv`` and ``venv`` only, git ignores ``.venv`` only)."""
    return sorted(p.parent.name for p in root.glob("*/pyvenv.cfg"))
