"""The check of a cached corpus signature (`lintnews.cache.units._signature_fields`) runs for
every cache hit, so its scalar fields are checked inline in one expression. It must accept
exactly what the field-by-field definition below accepts (the check as it was written first,
with the `_int`/`_str`/`_list` helpers) and give the same fields: checked here on a real
signature with every field, and every nested field, replaced by values of every msgpack type and
boundary.
"""

from __future__ import annotations

import copy
import math
from typing import Any

import mutation

from lintnews.api import Linter
from lintnews.cache import signature_data, signature_spec
from lintnews.cache.entries import _MAX, ARRAY, _int, _Invalid, _list, _opt_int, _opt_str, _str
from lintnews.cache.units import _signature_fields
from lintnews.config import Settings
from lintnews.corpus.phase import make_signer
from lintnews.corpus.signature import SIGNATURE_DTYPES
from lintnews.hashing import SCHEME

TEXT = "\n\n".join(
    f"Paragraph {i}: the port strike entered its {i}th day as dockers and the employers met again "
    "in the capital, with neither side willing to say when the talks would end."
    for i in range(1, 8)
)


def _array(v: Any, codes: tuple[int, ...]) -> tuple[int, bytes, int]:
    if type(v) not in ARRAY or len(v) != 3:
        raise _Invalid
    code, length, data = v
    if (
        code not in codes
        or type(data) is not bytes
        or type(length) is not int
        or len(data) != length * [d.itemsize for d in SIGNATURE_DTYPES][code]
    ):
        raise _Invalid
    return code, data, length


def reference(v: Any, spec: tuple[int, int, int]) -> list[Any]:
    """The definition: every field through the checking helpers."""
    num_perm, _bands, _rows = spec
    f = list(_list(v, 16))
    if f[15] != SCHEME:
        raise _Invalid
    _str(f[0]), _opt_str(f[1]), _opt_int(f[2], 1), _int(f[3], 0, 0xFFFF)
    f[4] = tuple(_int(x) for x in _list(f[4], 4))
    _str(f[5])
    if f[6] is not None and (type(f[6]) is not bytes or len(f[6]) != 16):
        raise _Invalid
    _int(f[7])
    date = f[8]
    if not (date is None or type(date) in (str, int) or (type(date) is float and math.isfinite(date))):
        raise _Invalid
    minhash = f[9] = None if f[9] is None else _array(f[9], (0, 1))
    if minhash is not None and minhash[2] != num_perm:
        raise _Invalid
    f[10] = None if f[10] is None else _array(f[10], (0,))
    f[11] = _array(f[11], (2,))
    _opt_int(f[12])
    band_keys = f[13] = None if f[13] is None else _array(f[13], (1,))
    if f[14] is not None:
        b, r = _list(f[14], 2)
        f[14] = (_int(b, 1), _int(r, 1))
        if f[14][0] * f[14][1] > num_perm:
            raise _Invalid
    if (band_keys is None) != (f[14] is None):
        raise _Invalid
    if band_keys is not None and (minhash is None or band_keys[2] != f[14][0]):
        raise _Invalid
    return f


def outcome(check: Any, v: Any, spec: tuple[int, int, int]) -> Any:
    try:
        return check(copy.deepcopy(v), spec)
    except _Invalid:
        return "invalid"
    except Exception as exc:  # noqa: BLE001 - a miss either way, but both must fail alike
        return f"raised {type(exc).__name__}"


#: Values of every type msgpack gives back, at the helpers' boundaries.
POOL: list[Any] = [
    None, True, False, 0, 1, 2, 3, 4, 100, 0xFFFF, 0x10000, -1, _MAX, _MAX + 1, 0.0, 0.5, 1.5, -0.5,
    float("nan"), float("inf"), "", "x", SCHEME, b"x", b"0123456789abcdef", [], [1], [None], [[]], [1, 2, 3, 4],
]  # fmt: skip


def mutations(data: list[Any]) -> list[Any]:
    """`mutation.mutations` of ``data`` with `POOL`."""
    return mutation.mutations(data, POOL, 15)


def real_signature(settings: Settings) -> list[Any]:
    signer = make_signer(settings)
    assert signer is not None
    doc = Linter(settings).document({"id": "r1", "text": TEXT, "date": "2024-05-01"}, path="c.jsonl", line=3)
    return signature_data(signer(doc))


def test_the_inline_check_accepts_exactly_what_the_definition_does() -> None:
    settings = Settings()
    spec = signature_spec(settings)
    data = real_signature(settings)
    assert data[9] is not None and data[13] is not None and data[14] is not None  # (MinHash, LSH)
    assert outcome(_signature_fields, data, spec) == outcome(reference, data, spec) != "invalid"
    assert outcome(_signature_fields, mutation.as_read(data), spec) == outcome(_signature_fields, data, spec)
    cases = mutations(data)
    assert len(cases) > 1000
    accepted = 0
    for case in cases:
        want = outcome(reference, case, spec)
        assert outcome(_signature_fields, case, spec) == want, case
        accepted += not isinstance(want, str)
        read = mutation.as_read(case)  # (arrays as tuples, as the cache reads them)
        assert outcome(_signature_fields, read, spec) == outcome(reference, read, spec), case
    assert 0 < accepted < len(cases)
    # another MinHash size (the spec of another `num_perm`): every array check still agrees
    other = (spec[0] * 2, spec[1], spec[2])
    for case in cases[:: max(1, len(cases) // 300)]:
        assert outcome(_signature_fields, case, other) == outcome(reference, case, other), case
