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


class _CheckoutRules:
    """Finds ``lintnews.rules`` in a source checkout, where it is the sibling folder ``rules/``.

    An installed lintnews has ``lintnews/rules/`` (wheel) or an editable finder that maps it;
    ``python -m lintnews`` run from a checkout's root imports the checkout's ``lintnews/``
    instead (the current directory comes first on ``sys.path``), which has no ``rules/``
    inside: without this finder that run ends in "No module named 'lintnews.rules'".
    Appended last to ``sys.meta_path``, it answers only when no other finder did.
    """

    def __init__(self, folder: str) -> None:
        self.folder = folder

    def find_spec(self, fullname: str, path: object = None, target: object = None) -> object:
        if fullname != "lintnews.rules":
            return None
        from importlib.util import spec_from_file_location

        init = self.folder + "/__init__.py"
        return spec_from_file_location(fullname, init, submodule_search_locations=[self.folder])


def _checkout_rules_finder() -> None:
    from os import path

    here = path.dirname(path.abspath(__file__))
    if path.isdir(path.join(here, "rules")):
        return  # installed from a wheel or sdist: lintnews/rules/ is in place
    folder = path.join(path.dirname(here), "rules")
    if path.isfile(path.join(folder, "__init__.py")) and not any(
        isinstance(finder, _CheckoutRules) for finder in sys.meta_path
    ):
        sys.meta_path.append(_CheckoutRules(folder))  # type: ignore[arg-type]


_checkout_rules_finder()

if TYPE_CHECKING:
    from lintnews.api import Corpus, DocumentError, Linter, Report, lint_text, load_config
    from lintnews.config import ConfigError, Settings
    from lintnews.diagnostics import Diagnostic, Edit, Fix, Location, Severity
    from lintnews.document import Document


from lintnews.exports import lazy_getattr  # noqa: E402  (after the finder, which must come first)

__getattr__ = lazy_getattr(__name__, _EXPORTS, globals())


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))
