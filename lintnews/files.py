"""Reading the small files lintnews configures itself from (ignore files, baselines,
configuration): regular files only, and only up to a size bound, so a named pipe never hangs a
run and a link to ``/dev/zero`` or a huge file never fills the memory."""

from __future__ import annotations

import os
import stat

MiB = 1 << 20


class UnreadableFile(Exception):
    """Why a file could not be read, in a few words ("a named pipe, not a regular file",
    "Permission denied"): the caller adds the path and what the file was for."""


def node_kind(mode: int) -> str:
    """What a file of this ``st_mode`` is, in words (for errors about non-regular files)."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def read_regular(path: str, limit: int) -> bytes:
    """The bytes of regular file ``path``, at most ``limit`` of them. Raises `UnreadableFile`
    for anything else: a missing or unreadable file, a folder, a named pipe (opened without
    blocking, and checked on the open descriptor), a device, a larger file."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise UnreadableFile(exc.strerror or str(exc)) from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = node_kind(mode)
            raise UnreadableFile(kind if kind == "not a regular file" else f"{kind}, not a regular file")
        chunks = []
        size = 0
        while True:  # read to the end, not to st_size: the file may grow meanwhile
            chunk = os.read(fd, min(MiB, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                raise UnreadableFile(f"larger than {_size(limit)}")
        return b"".join(chunks)
    except OSError as exc:
        raise UnreadableFile(exc.strerror or str(exc)) from None
    finally:
        os.close(fd)


def _size(n: int) -> str:
    return f"{n // MiB} MiB" if n % MiB == 0 else f"{n} bytes"
