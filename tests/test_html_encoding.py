"""HTML bytes are decoded in the order of the HTML standard's encoding sniffing (issue 21):
byte-order mark, then the charset the page declares in its first 1024 bytes (``utf-16`` read as
UTF-8, labels as the Encoding Standard reads them), then UTF-8, and only then the detector.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from console import NO_COLOR, run_lintnews

from lintnews.encoding import decode_html

PROSE = "Die Stadt Łódź und München haben am Montag den Haushalt beschlossen, sagte der Sprecher."


@pytest.mark.parametrize(
    "text",
    [
        "10 €",  # a detector reads these bytes as cp932
        "<h1>10 € Łódź</h1>\n<p>10 € Łódź</p>",  # ... and these as windows-1256
        "<p>Eintritt 10 € – ermäßigt 5 €</p>",
        f"<html><body><p>{PROSE}</p></body></html>",
    ],
)
def test_undeclared_utf8_is_utf8(text: str) -> None:
    assert decode_html(text.encode("utf-8")) == text


def test_a_utf16_declaration_on_a_page_read_as_bytes_means_utf8() -> None:
    page = f'<html><head><meta charset="utf-16"></head><body><p>{PROSE}</p></body></html>'
    assert decode_html(page.encode("utf-8")) == page
    page = f'<meta http-equiv="Content-Type" content="text/html; charset=UTF-16LE"><p>{PROSE}</p>'
    assert decode_html(page.encode("utf-8")) == page


def test_the_declaration_wins_over_utf8_and_detection() -> None:
    russian = '<meta charset="koi8-r"><p>Городской совет утвердил бюджет в понедельник.</p>'
    assert decode_html(russian.encode("koi8_r")) == russian
    # bytes that are valid UTF-8 too: the page says what they are (a browser shows the same)
    page = '<meta charset="windows-1252"><p>Caf\u00c3\u00a9</p>'
    assert decode_html('<meta charset="windows-1252"><p>Café</p>'.encode()) == page
    # labels as browsers read them: iso-8859-1 is windows-1252 (0x80 is the euro sign)
    assert (
        decode_html(b'<meta charset="iso-8859-1"><p>10 \x80</p>') == '<meta charset="iso-8859-1"><p>10 €</p>'
    )
    assert decode_html(b"<?xml version='1.0' encoding='iso-8859-2'?><p>\xa3\xf3d\xbc</p>").endswith(
        "<p>Łódź</p>"
    )


def test_a_byte_order_mark_wins_over_the_declaration() -> None:
    page = f'<meta charset="windows-1250"><p>{PROSE}</p>'
    assert decode_html(codecs.BOM_UTF8 + page.encode()) == page
    assert decode_html(codecs.BOM_UTF16_LE + page.encode("utf-16-le")) == page


def test_a_declaration_late_or_unknown_or_the_bytes_do_not_fit_is_ignored() -> None:
    late = "<!--" + "x" * 1100 + '--><meta charset="windows-1250"><p>Łódź</p>'
    assert decode_html(late.encode()) == late
    unknown = '<meta charset="no-such-charset"><p>Łódź</p>'
    assert decode_html(unknown.encode()) == unknown
    wrong = (
        '<meta charset="utf-8"><p>'
        + "Stra\xdfe und Pl\xe4tze in M\xfcnchen, sagte der Sprecher am Montag. " * 3
        + "</p>"
    )
    assert decode_html(wrong.encode("cp1252")) == wrong  # not UTF-8: detected (windows-1252)


def test_no_false_mojibake_through_the_cli(tmp_path: Path) -> None:
    (tmp_path / "price.html").write_bytes("<h1>10 € Łódź</h1>\n<p>10 € Łódź</p>".encode())
    (tmp_path / "declared.html").write_bytes(f'<meta charset="utf-16"><p>{PROSE}</p>'.encode())
    proc = run_lintnews(
        ["check", "--isolated", "--no-cache", "--select", "ALL", "price.html", "declared.html"],
        tmp_path,
        env=NO_COLOR,
    )
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "All checks passed (2 documents).\n", "")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_not_read_as_utf8(codec: str) -> None:
    page = f'<html><head><meta charset="utf-16"></head><body><p>{PROSE}</p></body></html>'
    assert decode_html(page.encode(codec)) == page
