"""The installed `lintnews` console script, for the tests that run lintnews as a person types it."""

from __future__ import annotations

import os
import shutil
import sysconfig
from pathlib import Path


def lintnews_script() -> str:
    """The console script next to the interpreter running the tests (its environment's install),
    else the one on PATH: a bare ``lintnews`` could be another environment's, testing other code."""
    candidate = Path(sysconfig.get_path("scripts")) / ("lintnews.exe" if os.name == "nt" else "lintnews")
    if candidate.is_file():
        return str(candidate)
    found = shutil.which("lintnews")
    assert found, "the `lintnews` script is not installed (pip install -e '.[test]')"
    return found
