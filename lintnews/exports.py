"""Public names a package imports only when first used (PEP 562 module ``__getattr__``).

`lintnews`, `lintnews.corpus` and `lintnews.index` name what they offer without importing it:
``import lintnews`` stays cheap, and numpy (which the corpus phase and the index stores need,
~80 ms of start-up) is loaded only by a run that uses them.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping


def lazy_getattr(
    package: str, exports: Mapping[str, str], namespace: dict[str, object]
) -> Callable[[str], object]:
    """A ``__getattr__`` for ``package``: a name of ``exports`` (name -> the module that defines
    it, relative to ``package`` when it starts with a dot) is imported on first use and stored in
    ``namespace``, the package's globals, so later uses never come here; any other name raises
    AttributeError, as a module's missing attribute does."""

    def __getattr__(name: str) -> object:
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module, package), name)
        namespace[name] = value
        return value

    return __getattr__
