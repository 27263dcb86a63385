"""What sources yield: a `Document` or an `InputError` (`Item`), and `SpooledRecord`, a JSONL
line too large to hold in memory. (The kinds of input by file suffix: `lintnews.config_formats`.)
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import IO, BinaryIO

from lintnews.document import Document


@dataclass(frozen=True)
class InputError:
    """A problem with one input: a file, or one record or line of it."""

    path: str
    message: str
    record: str | None = None
    line: int | None = None
    #: The raw JSONL line, so `--fix --output-dir` can copy unreadable records unchanged (a
    #: `SpooledRecord` for a line above ``max-document-size``).
    raw: bytes | SpooledRecord | None = field(default=None, compare=False, repr=False)
    #: The file could not be read to its end (a truncated gzip stream): no cleaned copy of it
    #: may be written, it would lack the records after the error.
    incomplete: bool = field(default=False, compare=False, repr=False)

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
        if self.record is not None:
            where += f" (record {self.record})"
        return f"{where}: {self.message}"


Item = Document | InputError
_TOO_DEEP = "HTML is nested too deeply to read"


class SpooledRecord:
    """A JSONL line above ``max-document-size``, kept in an anonymous temporary file (never in
    memory) so that outputs which copy every record unchanged (``--output-dir``,
    ``--rejected-output``) can still copy it: `copy_to` writes it, line break included."""

    def __init__(self, fh: BinaryIO, size: int) -> None:
        self._fh = fh
        self.size = size

    def copy_to(self, out: IO[bytes]) -> None:
        import shutil  # (oversized records only)

        self._fh.seek(0)
        shutil.copyfileobj(self._fh, out, COPY_CHUNK)
        self._fh.seek(-1, os.SEEK_END)
        if self._fh.read(1) != b"\n":
            out.write(b"\n")

    def close(self) -> None:
        self._fh.close()


#: Pieces in which lines above the size limit are read (and copied), never whole.
COPY_CHUNK = 1 << 20
