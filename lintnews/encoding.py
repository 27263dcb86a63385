"""Turning bytes into text: byte-order marks, UTF-8, UTF-16 and legacy charsets.

Detection of legacy charsets is charset-normalizer's job; this module only decides the order in
which evidence is trusted (BOM, then strict UTF-8, then the detector) and refuses binary data.
"""

from __future__ import annotations

import codecs

import charset_normalizer

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class DecodeError(Exception):
    """The bytes are not text in any encoding we can recognise."""


def decode(data: bytes) -> str:
    """Decode a file's bytes to text with ``\\n`` line breaks (CRLF and lone CR normalised)."""
    return normalize_newlines(check_binary(_decode(data)))


def check_binary(text: str, replacement: str = "\ufffd") -> str:
    """Refuse binary data; keep text with a few stray NUL characters.

    Like git, a NUL among the first 8000 characters marks a binary file. Later NULs (real pages
    carry the odd run of them) become ``replacement`` (one character, so columns stay right):
    U+FFFD in text, a space in HTML, where browsers show nothing for them.
    """
    if "\x00" in text:
        if "\x00" in text[:8000]:
            raise DecodeError("contains NUL bytes (binary file?)")
        text = text.replace("\x00", replacement)
    return text


def normalize_newlines(text: str) -> str:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _decode(data: bytes) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"invalid {codec} after byte-order mark: {exc.reason}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    mostly = _mostly_utf8(data)
    if mostly is not None:
        return mostly
    best = charset_normalizer.from_bytes(data[: 1 << 20]).best()
    if best is None or best.encoding is None:
        raise DecodeError("cannot detect the text encoding (binary file?)")
    try:
        return data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        raise DecodeError(f"not valid {best.encoding} text") from None


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few stray bytes (a scraper glued in one Latin-1 byte) stays UTF-8, with the
    stray bytes replaced: a detector would pick a legacy charset and garble every other non-ASCII
    character. Legacy text almost never contains valid multi-byte UTF-8 sequences, so many of
    them against few errors is strong evidence."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 0x7F) - bad
    if good >= 8 and bad * 20 <= good:
        return text
    return None
