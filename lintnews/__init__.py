"""lintnews: a linter for news and web-article text.

The public Python API (see the README's "Python API" section) is imported on first use, so
``import lintnews`` stays cheap::

    import lintnews
    report = lintnews.lint_text("Breaking: ...", kind="text")
"""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # (not `typing`'s: importing typing would double the cost of `import lintnews`)

__version__ = "0.1.0"

#: Public name -> the module that defines it (imported when the name is first used).
_EXPORTS = {
    "lint_text": "lintnews.api",
    "load_config": "lintnews.api",
    "Linter": "lintnews.api",
    "Corpus": "lintnews.api",
    "Report": "lintnews.api",
    "DocumentError": "lintnews.api",
    "Diagnostic": "lintnews.diagnostics",
    "Severity": "lintnews.diagnostics",
    "Location": "lintnews.diagnostics",
    "Fix": "lintnews.diagnostics",
    "Edit": "lintnews.diagnostics",
    "Document": "lintnews.document",
    "Settings": "lintnews.config",
    "ConfigError": "lintnews.config",
}

__all__ = [
    "ConfigError",
    "Corpus",
    "Diagnostic",
    "Document",
    "DocumentError",
    "Edit",
    "Fix",
    "Linter",
    "Location",
    "Report",
    "Settings",
    "Severity",
    "__version__",
    "lint_text",
    "load_config",
]

if TYPE_CHECKING:
    from lintnews.api import Corpus, DocumentError, Linter, Report, lint_text, load_config
    from lintnews.config import ConfigError, Settings
    from lintnews.diagnostics import Diagnostic, Edit, Fix, Location, Severity
    from lintnews.document import Document


def __getattr__(name: str) -> object:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'lintnews' has no attribute {name!r}")
    __import__(module)
    value = getattr(sys.modules[module], name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))
