"""Turning bytes into text: byte-order marks, UTF-8, UTF-16 and legacy charsets.

Detection of legacy charsets is charset-normalizer's job; this module only decides the order in
which evidence is trusted (BOM, then strict UTF-8, then the detector) and refuses binary data.
HTML adds the page's own declaration, in the order of the HTML standard's encoding sniffing
(`decode_html`).
"""

from __future__ import annotations

import codecs

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


def decode_html(data: bytes) -> str:
    """Decode an HTML page's bytes as the HTML standard's encoding sniffing does, minus what only a
    browser knows (transport headers, the user's locale): a byte-order mark; then the charset the
    page declares in its first 1024 bytes (``<meta charset>``, ``<meta http-equiv>``, an XML
    declaration), with labels read as the Encoding Standard reads them (``iso-8859-1`` and
    ``ascii`` are windows-1252, ``utf-16`` is UTF-8: a page read as bytes cannot be UTF-16 when
    its declaration was readable as ASCII); then UTF-16 without a byte-order mark, when the NUL
    bytes say so; then UTF-8; then the detector. A declaration the
    bytes do not fit (invalid in that charset) is ignored. Line breaks are normalised as in
    `decode`; NUL characters become spaces (see `check_binary`)."""
    if not data.startswith(tuple(bom for bom, _ in _BOMS)):
        for codec in (_declared_html_encoding(data), _utf16_without_bom(data)):
            if codec is not None:
                try:
                    return normalize_newlines(check_binary(data.decode(codec), replacement=" "))
                except UnicodeDecodeError:
                    pass
    return normalize_newlines(check_binary(_decode(data), replacement=" "))


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a byte-order mark, told by its NUL bytes: markup is mostly ASCII, so the
    high byte of nearly every pair is NUL (valid UTF-8 too, which must not be tried first).
    No ASCII-compatible charset has NULs in text (see `check_binary`)."""
    head = data[:4096]
    if b"\x00" not in head:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if odd >= len(head) // 4 and even * 8 <= odd:
        return "utf-16-le"
    if even >= len(head) // 4 and odd * 8 <= even:
        return "utf-16-be"
    return None


def _declared_html_encoding(data: bytes) -> str | None:
    """The Python codec of the charset an HTML page declares in its first 1024 bytes, or None."""
    import webencodings
    from bs4.dammit import EncodingDetector

    label = EncodingDetector.find_declared_encoding(data[:1024], is_html=True, search_entire_document=True)
    encoding = webencodings.lookup(label) if label else None
    if encoding is None:
        return None
    if encoding.name in ("utf-16be", "utf-16le"):
        return "utf-8"
    if encoding.name == "x-user-defined":
        return "cp1252"
    return str(encoding.codec_info.name)


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
    # (imported here: most inputs are UTF-8, and the detector costs ~20 ms of start-up)
    import charset_normalizer

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
