"""Fixed files: unified diffs and patch names, and the fixed text written back in the file's
own encoding, byte-order mark and line endings, atomically and only if the file still holds
what was read.
"""

from __future__ import annotations

import bisect
import codecs
import difflib
import os
import re
from collections.abc import Callable, Iterator

from lintnews import atomic
from lintnews.atomic import AlreadyWritten
from lintnews.encoding import normalize_newlines


def patch_name(path: str) -> str:
    """``path`` as a patch names it (after ``a/`` and ``b/``): relative to the working directory,
    normalised (no ``./``, ``..`` or doubled slashes); a file outside the working directory by its
    absolute path without the leading slash (apply such a patch from ``/``)."""
    full = os.path.abspath(path)
    rel = os.path.relpath(full)
    name = full if rel == ".." or rel.startswith(".." + os.sep) else rel
    return name.replace(os.sep, "/").lstrip("/")


def unified_diff_bytes(old: bytes, new: bytes, name: str) -> bytes:
    """A unified diff of two versions of a file, byte for byte (line endings included), that
    ``git apply`` and ``patch -p1`` accept: ``a/NAME`` and ``b/NAME``, and the "No newline at end
    of file" marker after a last line without one."""
    out = []
    label = name.encode("utf-8", "surrogateescape")
    for line in difflib.diff_bytes(
        difflib.unified_diff,
        _split_lf(old),
        _split_lf(new),
        fromfile=b"a/" + label,
        tofile=b"b/" + label,
    ):
        out.append(line if line.endswith(b"\n") else line + b"\n\\ No newline at end of file\n")
    return b"".join(out)


def _split_lf(data: bytes) -> list[bytes]:
    """Lines of ``data`` as patch tools see them: ended by ``\\n`` only (a ``\\r`` before it, a
    form feed or a Unicode line separator is part of the line)."""
    lines = data.split(b"\n")
    out = [line + b"\n" for line in lines[:-1]]
    if lines[-1]:
        out.append(lines[-1])
    return out


def unified_diff(old: str, new: str, name: str) -> str:
    """A unified diff of two texts (for text that is not a file: stdin, a JSONL record)."""
    return unified_diff_bytes(
        old.encode("utf-8", "surrogatepass"), new.encode("utf-8", "surrogatepass"), name
    ).decode("utf-8", "surrogatepass")


# --- writing --------------------------------------------------------------------------------

#: Byte-order marks and the codec of the text after them (UTF-32 before UTF-16: FF FE 00 00
#: starts with FF FE). The mark is written back as found, so UTF-16BE stays big-endian.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class WriteError(Exception):
    pass


_ENDING = re.compile(r"\r\n|\r|\n")


def restore_line_endings(original: str, new_text: str) -> str:
    """``new_text`` (``\\n`` line breaks) with the line endings of ``original`` (the text it was
    fixed from, endings as found): each line keeps its own ending (CRLF, CR or LF), so a fix
    changes no byte it did not fix, in files with mixed endings too.

    A line of ``new_text`` takes the ending of the line of ``original`` it comes from: the next
    line with the same text (no further ahead than the lines the fixes removed), else the line
    at the same place (a line a fix changed)."""
    if "\r" not in original:
        return new_text
    endings = _ENDING.findall(original)
    if len(set(endings)) == 1:
        return new_text.replace("\n", endings[0])
    old_lines = normalize_newlines(original).split("\n")[: len(endings)]
    new_lines = new_text.split("\n")
    where: dict[str, list[int]] = {}
    for i, line in enumerate(old_lines):
        where.setdefault(line, []).append(i)
    budget = max(len(old_lines) - (len(new_lines) - 1), 0)  # lines the fixes removed
    pointer = 0
    out: list[str] = []
    for line in new_lines[:-1]:
        k = None
        found = where.get(line)
        if found:
            i = bisect.bisect_left(found, pointer)
            if i < len(found) and found[i] - pointer <= budget:
                k = found[i]
                budget -= k - pointer
        if k is None:
            k = min(pointer, len(endings) - 1)
        out.append(line)
        out.append(endings[k])
        pointer = k + 1
    out.append(new_lines[-1])
    return "".join(out)


def encode_like(original: bytes, old_text: str, new_text: str) -> bytes:
    """Encode ``new_text`` as ``original`` is written (``original`` decodes to ``old_text`` once
    its line endings are normalised): the same encoding and byte-order mark, and each line's
    own ending. Refused when no encoding round-trips."""
    bom, candidates = b"", ["utf-8"]
    for mark, codec in _BOMS:
        if original.startswith(mark):
            bom, candidates = mark, [codec]
            break
    body = original[len(bom) :]

    def decoded() -> Iterator[tuple[str, str]]:
        for codec in candidates:
            try:
                yield codec, body.decode(codec)
            except (UnicodeDecodeError, LookupError):
                pass
        if not bom:  # the detector only when UTF-8 does not do: it is slow (and slow to import)
            import charset_normalizer

            best = charset_normalizer.from_bytes(body[: 1 << 20]).best()
            if best is not None and best.encoding:
                try:
                    yield best.encoding, body.decode(best.encoding)
                except (UnicodeDecodeError, LookupError):
                    pass

    for codec, raw in decoded():
        if normalize_newlines(raw) != old_text:
            continue
        text = restore_line_endings(raw, new_text)
        try:
            return bom + text.encode(codec)
        except UnicodeEncodeError:
            raise WriteError(f"the fixed text cannot be written back in {codec}") from None
    raise WriteError("cannot re-encode the file in its original encoding (mixed encodings?)")


def _read_for_fixing(path: str) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except OSError as exc:
        raise WriteError(f"cannot read for fixing: {exc.strerror}") from None


def fixed_file_bytes(
    path: str, old_text: str, new_text: str, original: bytes | None = None
) -> tuple[bytes, bytes]:
    """The bytes of file ``path`` (whose text is ``old_text``; ``original`` when they were read
    already) and the bytes `write_fixed_file` writes for ``new_text``."""
    if original is None:
        original = _read_for_fixing(path)
    return original, encode_like(original, old_text, new_text)


CHANGED = (
    "changed on disk while it was being fixed (by another program or run?): not written; run lintnews again"
)


def write_fixed_file(
    path: str, old_text: str, new_text: str, dest: str | None = None, original: bytes | None = None
) -> None:
    """Rewrite ``path`` (or write ``dest``) with ``new_text``, keeping permissions, encoding,
    byte-order mark and each line's ending. ``original`` is the file's content as it was read
    and linted: ``path`` is rewritten only if it still holds exactly that (checked just before
    the new content replaces it), so a change made meanwhile is never lost.

    How the file is replaced (`lintnews.atomic.write_plan`): atomically, by renaming a
    temporary file over it; through a symbolic link, the file it points to (the link stays);
    a file with several hard links is rewritten in place (every name sees the fix); a
    read-only file is not written. ``dest`` (a copy in ``--output-dir``) must not exist yet."""
    if original is not None and dest is None and _read_for_fixing(path) != original:
        raise WriteError(CHANGED)
    original, data = fixed_file_bytes(path, old_text, new_text, original)

    def unchanged() -> None:
        if _read_for_fixing(path) != original:
            raise WriteError(CHANGED)

    write_copy(path, data, dest) if dest is not None else _write(path, data, unchanged)


def _write(path: str, data: bytes, verify: Callable[[], None]) -> None:
    try:
        atomic.write_bytes(path, data, keep_mode_of=path, verify=verify)
    except atomic.ReadOnlyFile:
        raise WriteError("read-only file: not fixed (make it writable to fix it)") from None
    except OSError as exc:
        raise WriteError(f"cannot write: {exc.strerror or exc}") from None


def write_copy(path: str, data: bytes, dest: str) -> None:
    """Write ``data``, the fixed copy of ``path``, to ``dest`` in the staging folder of
    ``--output-dir`` (with the permissions of ``path``); a file already written there by another
    input of the run is not replaced (`AlreadyWritten`)."""
    try:
        os.makedirs(os.path.dirname(os.path.abspath(dest)), exist_ok=True)
        atomic.write_bytes(dest, data, keep_mode_of=path, exclusive=True)
    except AlreadyWritten:
        raise
    except OSError as exc:
        raise WriteError(f"cannot write: {exc.strerror or exc}") from None
