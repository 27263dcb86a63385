"""The `Fixer` of a check run: fixes each document, then writes it in place, as a diff, or to
the output folder (``--output-dir``), mirroring the input layout; tracks clashes, failures
and the files it must abandon.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable

from lintnews.atomic import AlreadyWritten
from lintnews.config import Settings
from lintnews.diagnostics import Diagnostic
from lintnews.document import Document
from lintnews.fixes.apply import FixPolicy, content, fix_document
from lintnews.fixes.jsonl import JsonlFixWriter
from lintnews.fixes.output import (
    WriteError,
    fixed_file_bytes,
    patch_name,
    unified_diff,
    unified_diff_bytes,
    write_copy,
    write_fixed_file,
)
from lintnews.sources import SpooledRecord
from lintnews.staging import StagedFolder


def output_base(paths: list[str]) -> str:
    """The folder whose layout ``--output-dir`` mirrors: the working directory when every path
    named on the command line is inside it (``src/a.jsonl`` goes to ``DIR/src/a.jsonl``), else
    the deepest folder holding every named path (``../x/c.jsonl ../y/c.jsonl`` go to
    ``DIR/x/c.jsonl`` and ``DIR/y/c.jsonl``; ``/data/c.jsonl`` alone goes to ``DIR/c.jsonl``).
    Distinct files get distinct copies."""
    cwd = os.getcwd()
    named = [os.path.abspath(p) for p in paths if p != "-"]
    inside = cwd.rstrip(os.sep) + os.sep
    if all(p == cwd or p.startswith(inside) for p in named):
        return cwd
    return os.path.commonpath([os.path.dirname(p) for p in named])


class Fixer:
    """Applies fixes during a ``check`` run and decides where the result goes: the file itself
    (plain text, Markdown, HTML), ``--output-dir`` (always for JSONL), or a diff (``--diff``)."""

    def __init__(
        self,
        lint: Callable[[Document], list[Diagnostic]],
        policy: FixPolicy,
        settings: Settings,
        diff: bool = False,
        output_dir: str | None = None,
        emit: Callable[[str], object] = print,
        stdin_name: str = "-",
        emit_bytes: Callable[[bytes], None] | None = None,
    ) -> None:
        self.stdin_name = stdin_name
        #: Where diffs of files go, byte for byte (default: decoded as UTF-8, for tests).
        self.emit_bytes = emit_bytes or (lambda data: emit(data.decode("utf-8", "replace")))
        self.lint = lint
        self.policy = policy
        self.settings = settings
        self.diff = diff
        self.output_dir = output_dir
        self.emit = emit
        self.fixed = 0
        self.writers: dict[str, JsonlFixWriter] = {}
        self._refused: set[str] = set()
        #: What to tell the user that fails nothing (see `take_warnings`).
        self._warnings: list[str] = []
        #: JSONL corpora whose cleaned copy could not be started, with the reason.
        self._failed: dict[str, str | None] = {}
        #: Everything for ``--output-dir`` is written here and moved into place by `finish`.
        self.staging = StagedFolder(output_dir) if output_dir is not None and not diff else None
        #: The folder fixed copies mirror (`start`), and the input of each staged copy.
        self._base: str | None = None
        self._sources: dict[str, str] = {}
        #: Input paths whose fixed copy goes to ``--output-dir``, with that copy's path: what is
        #: left to report of them is in the copy, and is reported there (`shown_path`).
        self.copies: dict[str, str] = {}

    def start(self, paths: list[str]) -> None:
        """Take the paths named on the command line: they decide where fixed copies go."""
        self._base = output_base(paths)

    def _relative(self, path: str) -> str:
        """``path`` relative to the folder `destination` mirrors (see `output_base`)."""
        base = self._base if self._base is not None else os.getcwd()
        rel = os.path.relpath(os.path.abspath(path), base)
        if rel == os.pardir or rel.startswith(os.pardir + os.sep):  # not under it (no `start`)
            rel = os.path.basename(path)
        return rel

    def destination(self, path: str) -> str:
        """Where the fixed copy of ``path`` is written: ``DIR/<path relative to the base>`` (see
        `output_base`; a ``.gz`` corpus keeps its name and is compressed), inside the staging
        folder of ``DIR``. Two inputs never share a copy: the second is refused
        (`AlreadyWritten`, naming the first)."""
        assert self.staging is not None
        dest = self.staging.staged(self._relative(path))
        other = self._sources.setdefault(dest, path)
        if other != path:
            raise AlreadyWritten(errno.EEXIST, self._clash(path, other), dest)
        assert self.output_dir is not None
        self.copies[path] = os.path.join(self.output_dir, self._relative(path))
        return dest

    def shown_path(self, path: str) -> str:
        """The path diagnostics of input ``path`` are reported under: its copy in ``--output-dir``
        when one is written (their lines and columns are those of the fixed copy), else itself."""
        return self.copies.get(path, path)

    def _clash(self, path: str, other: str) -> str:
        rel = self._relative(other)
        return f"its fixed copy would replace that of {other} (both map to {os.path.join(self.output_dir or '', rel)}): not written"

    def _clash_at(self, path: str, dest: str) -> str:
        """The message for ``path``, whose copy ``dest`` met one already written (a file system
        that folds case or normalises names maps both to one file)."""
        for other_dest, other in self._sources.items():
            if other != path and os.path.exists(other_dest) and os.path.samefile(other_dest, dest):
                return self._clash(path, other)
        return f"its fixed copy would replace another file of {self.output_dir}: not written"

    def _writer(self, path: str) -> JsonlFixWriter | None:
        if self.staging is None or path in self._failed:
            return None
        writer = self.writers.get(path)
        if writer is None:
            try:
                writer = self.writers[path] = JsonlFixWriter(self.destination(path), self.settings)
            except AlreadyWritten as exc:
                self.copies.pop(path, None)
                self._failed[path] = self._clash_message(path, exc)
                return None
            except OSError as exc:
                self.copies.pop(path, None)
                self._failed[path] = (
                    f"cannot write the fixed copy to {self.output_dir}: {exc.strerror or exc}"
                )
                return None
        return writer

    def take_warnings(self) -> list[str]:
        """The warnings since the last call."""
        warnings, self._warnings = self._warnings, []
        return warnings

    def writes(self, path: str) -> bool:
        """Whether the text of ``path`` survives the run: a file fixed in place or copied, or a
        corpus whose cleaned copy is written (not one given up, see `abandon`)."""
        return path not in self._failed

    def abandon(self, path: str) -> bool:
        """Discard the cleaned copy of ``path`` (a JSONL corpus that could not be read to its
        end: the copy would lack its last records); nothing more is written for it. Whether a
        copy was being written."""
        writer = self.writers.pop(path, None)
        self._failed[path] = None
        self.copies.pop(path, None)
        if writer is None:
            return False
        writer.close(error=WriteError("the input could not be read to its end"))
        return True

    def process(self, doc: Document) -> tuple[list[Diagnostic], str | None, Document]:
        """Fix one document; return its remaining diagnostics, an error message, if any, and the
        document the diagnostics are positioned in (the fixed one, unless nothing was written)."""
        is_record = doc.record is not None
        if is_record and not self.diff and self.output_dir is None:
            self._refuse_in_place(doc.path)
            return self.lint(doc), None, doc
        outcome = fix_document(doc, self.lint, self.policy)
        error = None
        if is_record and not self.diff:
            writer = self._writer(doc.path)
            if writer is None:  # nothing written: the findings are in the input
                return outcome.initial, self._failure_once(doc.path), doc
            try:
                writer.write(
                    doc.raw if doc.raw is not None else b"{}",
                    doc.record_line or 0,
                    outcome.document,
                    outcome.changed,
                )
            except WriteError as exc:
                error = str(exc)
        elif outcome.changed:
            failed = self._write_fixed(doc, outcome.document)
            if failed is not None:
                return outcome.initial if self.diff else self.lint(doc), failed, doc
        elif not is_record:
            error = self._write_unchanged(doc)
        self.fixed += outcome.fixed  # (with --diff: would be fixed)
        if self.diff:
            return outcome.initial, error, doc
        return outcome.diagnostics, error, outcome.document

    def _refuse_in_place(self, path: str) -> None:
        """Warn (once per corpus) that a JSONL corpus is not fixed without ``--output-dir``."""
        if path not in self._refused:
            # Not an error: `--fix` on a folder that holds a corpus fixes the files and reports
            # the corpus's findings, which gate the run as any others do.
            self._refused.add(path)
            self._warnings.append(
                f"{path}: JSONL corpora are not rewritten in place: its findings are reported, not fixed "
                "(add --output-dir DIR for a cleaned copy)"
            )

    def _failure_once(self, path: str) -> str | None:
        """Why the cleaned copy of the corpus ``path`` could not be written: once per corpus."""
        error = self._failed.get(path)
        if error:
            self._failed[path] = None
        return error

    def _write_fixed(self, doc: Document, new_doc: Document) -> str | None:
        """Put out the fixed text of ``doc`` (a file, stdin, or with ``--diff`` any document): as a
        diff, on stdout, or in its file or fixed copy; why it could not be written, if so."""
        if self.diff:
            try:
                self._emit_diff(doc, new_doc)
            except WriteError as exc:
                return str(exc)
            return None
        if doc.path == self.stdin_name:
            self.emit(content(new_doc))
            return None

        def write(dest: str | None) -> None:
            write_fixed_file(doc.path, content(doc), content(new_doc), dest, doc.file_bytes)

        return self._write_file(doc.path, write)

    def _write_unchanged(self, doc: Document) -> str | None:
        """Put out a file that needed no fix: stdin's text on stdout, a file's copy in
        ``--output-dir`` (unchanged files still belong in the cleaned copy of the corpus)."""
        if doc.path == self.stdin_name:
            if not self.diff:
                self.emit(content(doc))
            return None
        if self.staging is None or not os.path.isfile(doc.path):
            return None

        def copy(dest: str | None) -> None:
            assert dest is not None
            if doc.file_bytes is not None:
                write_copy(doc.path, doc.file_bytes, dest)
            else:
                write_fixed_file(doc.path, content(doc), content(doc), dest)

        return self._write_file(doc.path, copy)

    def _write_file(self, path: str, write: Callable[[str | None], None]) -> str | None:
        """``write`` the fixed text or the copy of the file ``path`` to its staged destination (None:
        in place); why it could not be written, if so (its copy is then forgotten)."""
        try:
            write(self._file_destination(path))
        except AlreadyWritten as exc:
            self.copies.pop(path, None)
            return self._clash_message(path, exc)
        except WriteError as exc:
            self.copies.pop(path, None)
            return str(exc)
        return None

    def _emit_diff(self, doc: Document, new_doc: Document) -> None:
        """Print the patch that turns ``doc``'s file into what `write_fixed_file` would write: of
        the bytes (line endings, encoding and final newline as they are and will be), unless the
        file is not ASCII-compatible (UTF-16, UTF-32: NUL bytes) or is not a file (stdin, a JSONL
        record), where the text is diffed."""
        if doc.record is None and doc.path != self.stdin_name:
            original, data = fixed_file_bytes(doc.path, content(doc), content(new_doc), doc.file_bytes)
            if b"\0" not in original and b"\0" not in data:
                self.emit_bytes(unified_diff_bytes(original, data, patch_name(doc.path)))
                return
        name = (
            doc.display_name
            if doc.path == self.stdin_name
            else patch_name(doc.path) + doc.display_name[len(doc.path) :]
        )
        self.emit(unified_diff(content(doc), content(new_doc), name))

    def _clash_message(self, path: str, exc: AlreadyWritten) -> str:
        if exc.strerror and exc.strerror.startswith("its fixed copy"):
            return exc.strerror
        return self._clash_at(path, str(exc.filename))

    def _file_destination(self, path: str) -> str | None:
        """The staged destination of a plain file (None: fixed in place)."""
        if self.staging is None:
            return None
        try:
            return self.destination(path)
        except AlreadyWritten:
            raise
        except OSError as exc:
            raise WriteError(
                f"cannot write the fixed copy to {self.output_dir}: {exc.strerror or exc}"
            ) from None

    def copy_unreadable(self, path: str, raw: bytes | SpooledRecord, line: int) -> str | None:
        """Copy a record lintnews could not read to the cleaned corpus unchanged; return an error
        message when the cleaned copy cannot be written (once per corpus)."""
        writer = self._writer(path)
        if writer is not None:
            writer.write(raw, line)
            return None
        return self._failure_once(path)

    def finish(self, drop: dict[str, set[int]] | None = None, error: BaseException | None = None) -> None:
        """Close the JSONL copies and move the output folder into place; given ``error`` (the
        run failed or was interrupted), discard everything written to the output folder instead.
        A failure to move the output into place is a `WriteError` (and nothing is left staged)."""
        writers, self.writers = self.writers, {}
        try:
            for path, writer in writers.items():
                writer.close((drop or {}).get(path), error)
        except BaseException:
            if self.staging is not None:
                self.staging.abort()
            raise
        if self.staging is None:
            return
        if error is not None:
            self.staging.abort()
            return
        try:
            self.staging.commit()
        except OSError as exc:
            self.staging.abort()
            where = f" ({exc.filename})" if exc.filename else ""
            raise WriteError(
                f"cannot move the fixed files into place: {exc.strerror or exc}{where}"
            ) from None
