"""The Arrow schemas of the Spark engine's rows: documents (`DOC_SCHEMA`), corpus diagnostics
(`DIAG_SCHEMA`), template blocks (`BLOCK_SCHEMA`) and the diagnostics DataFrame of the JSON
contract (`DIAGNOSTIC_ARROW`)."""

from __future__ import annotations

import pyarrow as pa

#: A document's place in input order: its file's index shifted by this, plus its JSONL line.
ORD_SHIFT = 32

#: Documents turned into one Arrow batch at a time.
BATCH = 256

LINE_TYPE = pa.struct(
    [
        ("hash", pa.int64()),
        ("k", pa.int32()),
        ("from_start", pa.int32()),
        ("from_end", pa.int32()),
        ("words", pa.int32()),
        ("line", pa.int32()),
        ("column", pa.int32()),
        ("end_line", pa.int32()),
        ("end_column", pa.int32()),
    ]
)

#: One row per document (or input error): the per-document results and what the corpus phase needs.
DOC_SCHEMA = pa.schema(
    [
        ("ord", pa.int64()),
        ("path", pa.string()),
        ("record", pa.string()),
        ("record_line", pa.int64()),
        ("score", pa.int32()),
        #: a pickled `InputError` when the input could not be read (then no diagnostics)
        ("error", pa.binary()),
        ("error_message", pa.string()),
        #: pickled `Diagnostic`s
        ("diagnostics", pa.list_(pa.binary())),
        #: the JSONL line, for --accepted-output / --rejected-output
        ("raw", pa.binary()),
        #: the pickled `DocSignature` (None when the corpus phase is off)
        ("sig", pa.binary()),
        ("text_hash", pa.binary()),
        ("comparable", pa.bool_()),
        ("enabled", pa.int32()),
        ("band_keys", pa.list_(pa.int64())),
        ("lines", pa.list_(LINE_TYPE)),
    ]
)

#: Diagnostics of the corpus phase: the document's place and the pickled `Diagnostic`.
DIAG_SCHEMA = pa.schema([("ord", pa.int64()), ("diagnostic", pa.binary())])

_LOCATION = pa.struct(
    [("path", pa.string()), ("record", pa.string()), ("line", pa.int64()), ("column", pa.int64())]
)

#: The columns of the JSON contract (`Diagnostic.to_dict`), plus ``record_line``.
DIAGNOSTIC_ARROW = pa.schema(
    [
        ("path", pa.string()),
        ("record", pa.string()),
        ("record_line", pa.int64()),
        ("line", pa.int64()),
        ("column", pa.int64()),
        ("end_line", pa.int64()),
        ("end_column", pa.int64()),
        ("code", pa.string()),
        ("name", pa.string()),
        ("severity", pa.string()),
        ("message", pa.string()),
        (
            "fix",
            pa.struct(
                [
                    ("title", pa.string()),
                    ("safe", pa.bool_()),
                    (
                        "edits",
                        pa.list_(
                            pa.struct(
                                [
                                    ("line", pa.int64()),
                                    ("column", pa.int64()),
                                    ("end_line", pa.int64()),
                                    ("end_column", pa.int64()),
                                    ("content", pa.string()),
                                    ("original", pa.string()),
                                ]
                            )
                        ),
                    ),
                ]
            ),
        ),
        ("related", pa.list_(_LOCATION)),
        ("document_score", pa.int64()),
        ("snippet", pa.string()),
        ("similarity", pa.float64()),
        ("kept", _LOCATION),
    ]
)

BLOCK_SCHEMA = pa.schema([("hash", pa.int64()), ("words", pa.int64())])
