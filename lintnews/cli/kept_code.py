"""The code `dataclasses` generates, compiled once per install rather than once per process.

Each `dataclasses.dataclass` writes the source of its class's methods (``__init__``,
``__repr__``, ``__eq__``, ...) and compiles it with `exec`: Python's parser and compiler, run
anew in every process for the same text. The command line imports 27 dataclasses before a
re-run answered from the result cache can start (diagnostics, settings, documents, the run's
options and results): ~100 M instructions, a quarter of its fixed start-up.

`install` has `dataclasses` compile through `_exec`, which compiles each text as `exec` would
(file name ``<string>``, no inherited ``__future__`` flags) or takes the code object compiled from
that very text from a kept file (`lintnews.kept_files`, beside lintnews's bytecode, keyed by the
interpreter's bytecode magic number: a code object is valid for the Python that made it); `keep`
adds what was compiled to the file. A text is its own key: a changed dataclass is a new text,
compiled as before. The code objects are those Python would have compiled from the same text, so
every class is the same; the file is trusted as the ``.pyc`` files beside it are (a code object
runs when its class is made, as the bytecode of a module runs when it is imported), and written
where and when bytecode is (not with ``PYTHONDONTWRITEBYTECODE``, nor in a folder that cannot be
written). Where `dataclasses` does not compile through `exec` (another Python), nothing changes.
"""

from __future__ import annotations

import builtins
import dataclasses
import importlib.util
import marshal
import types
from pathlib import Path
from typing import Any

from lintnews import kept_files

#: Changes when what the file holds changes shape.
FORMAT = 2
#: Past this many texts the file is started afresh (edited dataclasses leave their old texts).
LIMIT = 4096
_KEY = b"lintnews-kept-code %d " % FORMAT + importlib.util.MAGIC_NUMBER

#: The kept code objects by their source text, each marshalled on its own (a process reads the
#: whole file and loads only the ones it uses: the file holds every dataclass's, the rules'
#: among them); and the texts compiled here, not kept yet.
_kept: dict[str, bytes] = {}
_new: dict[str, types.CodeType] = {}


def _file() -> Path:
    return kept_files.path(Path(__file__).resolve().parent.parent, "dataclass-code")


def _exec(source: Any, globals: Any = None, locals: Any = None) -> None:
    """`exec`, for `dataclasses`: a text's code object from the kept file, or compiled here as
    `exec` compiles it (and noted for `keep`)."""
    if type(source) is not str:
        builtins.exec(source, globals, locals)
        return
    code = _new.get(source)
    if code is None:
        try:
            code = marshal.loads(_kept[source])
        except (KeyError, EOFError, ValueError, TypeError):
            code = None
        if type(code) is not types.CodeType:
            code = _new[source] = compile(source, "<string>", "exec", dont_inherit=True)
    builtins.exec(code, globals, locals)


def install() -> None:
    """Have `dataclasses` compile through `_exec` from now on, with the kept file's code."""
    # (3.11 and 3.12 compile a text a method in `_create_fn`, 3.13 one a class in `_FuncBuilder`,
    # both through the module's name `exec`)
    builds = hasattr(dataclasses, "_create_fn") or hasattr(dataclasses, "_FuncBuilder")
    if not builds or "exec" in vars(dataclasses):
        return  # (another Python's dataclasses, or installed already)
    kept = kept_files.read(_file(), _KEY)
    if isinstance(kept, dict):
        _kept.update((text, code) for text, code in kept.items() if type(text) is str and type(code) is bytes)
    dataclasses.exec = _exec  # type: ignore[attr-defined]


def keep() -> None:
    """Add the code compiled since `install` to the kept file, when bytecode may be written."""
    if not _new:
        return
    file = _file()
    if not kept_files.writable(file):
        return
    new = {text: marshal.dumps(code) for text, code in _new.items()}
    content = {**_kept, **new} if len(_kept) + len(new) <= LIMIT else new
    kept_files.write(file, _KEY, content)
    _kept.update(new)
    _new.clear()
