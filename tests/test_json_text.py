"""`json_text`: the JSON formats' text is the standard library's ``json.dumps(..., ensure_ascii=False)``
byte for byte (lone surrogates escaped), whether orjson or json wrote it."""

from __future__ import annotations

import io
import json
import math
import random
import struct
from typing import Any

import pytest

from lintnews.diagnostics import Diagnostic, Edit, Fix, Location, Severity
from lintnews.reporters.base import REPORTERS, Report, diagnostic_json, floats_in, json_text, stdlib_json_text


def reference(data: Any, indent: bool) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2 if indent else None)


def every_character() -> list[str]:
    """Every code point but the surrogates, in strings of 4,096."""
    chars = [chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF]
    return ["".join(chars[i : i + 4096]) for i in range(0, len(chars), 4096)]


@pytest.mark.parametrize("indent", [False, True])
def test_every_character_is_escaped_as_json_escapes_it(indent: bool) -> None:
    strings = every_character()
    data = {
        "values": strings,
        "keys": {s[:40]: i for i, s in enumerate(strings)},
        "ascii": "".join(map(chr, range(128))),
    }
    assert json_text(data, indent) == reference(data, indent)


def test_shapes_indent_as_json_indents() -> None:
    data = [
        {},
        [],
        {"a": []},
        {"b": {}},
        [[[]]],
        {"c": [1, {"d": None}]},
        True,
        False,
        None,
        -3,
        2**63 - 1,
        "x",
    ]
    assert json_text(data, True) == reference(data, True)
    assert json_text([], True) == "[]" and json_text({}, True) == "{}"


def random_floats(n: int) -> list[float]:
    rng = random.Random(17)
    out = []
    while len(out) < n:
        kind = rng.randrange(3)
        if kind == 0:
            x = rng.random()
        elif kind == 1:
            x = rng.random() * 10.0 ** rng.randint(-8, 18)
        else:
            x = struct.unpack("d", struct.pack("Q", rng.getrandbits(64)))[0]
        if math.isfinite(x):
            out.append(x)
    return out


def test_floats_are_written_as_json_writes_them() -> None:
    edges = [
        0.0,
        -0.0,
        1e-4,
        math.nextafter(1e-4, 0),
        1e-5,
        5e-324,
        1e16,
        math.nextafter(1e16, 0),
        1e300,
        0.1,
        1 / 3,
    ]
    for x in [*edges, *random_floats(5_000)]:
        for data in (x, [x], {"similarity": x, "n": [1, x]}):
            assert json_text(data, True) == reference(data, True), x
            assert json_text(data) == reference(data, False), x


@pytest.mark.parametrize("x", [math.nan, math.inf, -math.inf])
def test_nan_and_infinity_are_json_s(x: float) -> None:
    # orjson would write null; json writes NaN / Infinity (not JSON, but what the report always said).
    assert json_text({"a": [x]}, True) == reference({"a": [x]}, True)
    assert "null" not in json_text({"a": [x]}, True)


def test_what_orjson_refuses_json_writes() -> None:
    for data in ({"big": 2**64}, {1: "int key"}, {"n": -(2**70)}):
        assert json_text(data, True) == reference(data, True)
    # A lone surrogate (an undecodable file name) becomes an escape, not invalid UTF-8.
    text = json_text({"path": "caf\udce9.md", "record": "\ud800"}, True)
    assert text == '{\n  "path": "caf\\udce9.md",\n  "record": "\\ud800"\n}'
    assert text == stdlib_json_text({"path": "caf\udce9.md", "record": "\ud800"}, True)
    text.encode("utf-8")


def test_floats_given_by_the_caller_decide() -> None:
    # The caller's list of floats stands for looking through the data: a float left out of it
    # is written by orjson (this is why `diagnostic_json` must name every float of `to_dict`).
    assert json_text({"x": 1e-5}, True, []) == '{\n  "x": 0.00001\n}'
    assert json_text({"x": 1e-5}, True, [1e-5]) == reference({"x": 1e-5}, True)
    assert json_text({"x": 1e-5}, True) == reference({"x": 1e-5}, True)


def full_diagnostic(similarity: float) -> Diagnostic:
    """A diagnostic with every field set."""
    return Diagnostic(
        "feed.jsonl", "r\u202e9", 3, 2, 4, 9, "N001", "near-duplicate", Severity.WARNING,
        "Near-duplicate of feed.jsonl#r1 \x1b[31m", Fix("Drop the record", (Edit(0, 5, "x"),), False),
        [Location("feed.jsonl", "r1", 1, 1)], 7, "snippet\ttext", 55, ((3, 2, 4, 9, "x"),), "region",
        ("Harbo",), similarity, Location("feed.jsonl", "r1", 1, 1),
    )  # fmt: skip


def test_a_diagnostic_s_one_float_is_its_similarity() -> None:
    d = full_diagnostic(0.875)
    assert floats_in(d.to_dict()) == [0.875]
    for similarity in (0.875, 1e-5, 1.0, math.nan):
        d = full_diagnostic(similarity)
        assert diagnostic_json(d, True) == reference(d.to_dict(), True)
        assert diagnostic_json(d) == reference(d.to_dict(), False)


@pytest.mark.parametrize("stats", [None, {"scores": {"median": 52.5, "mean": 1e-5}, "rules": []}])
def test_the_json_report_is_json_s_text(stats: dict[str, Any] | None) -> None:
    diagnostics = [full_diagnostic(0.9), full_diagnostic(1e-5)]
    out = io.StringIO()
    REPORTERS["json"](Report(diagnostics, stats=stats), out, False)
    expected = [d.to_dict() for d in diagnostics]
    data: Any = expected if stats is None else {"diagnostics": expected, "documents": [], "statistics": stats}
    assert out.getvalue() == reference(data, True) + "\n"
