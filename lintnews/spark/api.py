"""The Spark engine's Python API: `check` a DataFrame of documents, `check_files` JSONL files.

Each returns a lazy `SparkRun`: the per-document results (`documents`), the diagnostics as
pickled `Diagnostic`s (`found`: for the CLI's reporters) and as a DataFrame of the JSON
contract's columns (`diagnostics`). Nothing proportional to the corpus is brought to the driver
(see `lintnews.spark.corpus` for the one small set that is).
"""

from __future__ import annotations

import functools
import pickle
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql import types as T
from pyspark.sql.pandas.types import from_arrow_schema

from lintnews.config import Settings
from lintnews.configfile import resolve_settings
from lintnews.corpus.phase import make_signer
from lintnews.diagnostics import Diagnostic
from lintnews.spark.corpus import corpus_diagnostics
from lintnews.spark.schemas import DIAGNOSTIC_ARROW, DOC_SCHEMA, ORD_SHIFT
from lintnews.spark.tasks import DocumentTask

#: The columns of the JSON contract (`Diagnostic.to_dict`), plus ``record_line``.
DIAGNOSTIC_SCHEMA = from_arrow_schema(DIAGNOSTIC_ARROW)


def load_settings(config: Settings | str | Path | None) -> Settings:
    """``config``: settings, a configuration file, or None for the defaults (no file is looked for)."""
    if isinstance(config, Settings):
        return config
    if config is None:
        return resolve_settings(["."], None, isolated=True)
    return resolve_settings(["."], str(config))


@dataclass
class SparkRun:
    spark: SparkSession
    settings: Settings
    #: One row per document or input error (`lintnews.spark.schemas.DOC_SCHEMA`), persisted.
    documents: DataFrame
    #: ``(ord, diagnostic)`` of the corpus phase (pickled), or None when it does not run.
    corpus: DataFrame | None

    @property
    def found(self) -> DataFrame:
        """``(ord, diagnostic)``: every diagnostic, pickled, per-document ones first."""
        own = self.documents.select("ord", F.explode("diagnostics").alias("diagnostic"))
        return own if self.corpus is None else own.unionByName(self.corpus)

    @property
    def diagnostics(self) -> DataFrame:
        """Every diagnostic as a row of the JSON contract's columns (`DIAGNOSTIC_SCHEMA`)."""
        return self.found.mapInArrow(_contract_rows, DIAGNOSTIC_SCHEMA)

    @property
    def errors(self) -> DataFrame:
        """Inputs that could not be read: ``path``, ``record``, ``record_line``, ``message``."""
        return self.documents.where(F.col("error").isNotNull()).select(
            "path", "record", "record_line", F.col("error_message").alias("message")
        )

    def iter_corpus(self) -> Iterator[Diagnostic]:
        """The corpus diagnostics in the local engine's order (document, line, column, code)."""
        if self.corpus is None:
            return
        rows = self.corpus.orderBy("ord").toLocalIterator()
        batch: list[tuple[int, Diagnostic]] = []
        for row in rows:
            d = pickle.loads(row["diagnostic"])
            if batch and batch[0][0] != row["ord"]:
                yield from _sorted(batch)
                batch = []
            batch.append((row["ord"], d))
        yield from _sorted(batch)


def _sorted(batch: list[tuple[int, Diagnostic]]) -> list[Diagnostic]:
    return [d for _, d in sorted(batch, key=lambda p: (p[0], p[1].line, p[1].column, p[1].code))]


def _contract_rows(batches: Any) -> Any:
    import pyarrow as pa

    for batch in batches:
        out = []
        for blob in batch.column("diagnostic").to_pylist():
            d = pickle.loads(blob)
            row = d.to_dict()
            row["record_line"] = d.record_line
            out.append(row)
        yield pa.RecordBatch.from_pylist(out, DIAGNOSTIC_ARROW)


def _run(spark: SparkSession, docs: DataFrame, settings: Settings, corpus: bool) -> SparkRun:
    docs = docs.persist()
    found = None
    if make_signer(settings, enabled=corpus) is not None:
        found = corpus_diagnostics(spark, docs.where(F.col("error").isNull()), settings)
    return SparkRun(spark, settings, docs, found)


def check(
    df: DataFrame,
    text_col: str = "text",
    id_col: str | None = "id",
    config: Settings | str | None = None,
    *,
    path: str = "<dataframe>",
    path_col: str | None = None,
    line_col: str | None = None,
    order_col: str | None = None,
    corpus: bool = True,
) -> DataFrame:
    """Lint a DataFrame of documents; a DataFrame of diagnostics (the JSON contract's columns).
    See `run` for the arguments."""
    return run(
        df,
        text_col,
        id_col,
        config,
        path=path,
        path_col=path_col,
        line_col=line_col,
        order_col=order_col,
        corpus=corpus,
    ).diagnostics


def run(
    df: DataFrame,
    text_col: str = "text",
    id_col: str | None = "id",
    config: Settings | str | None = None,
    *,
    path: str = "<dataframe>",
    path_col: str | None = None,
    line_col: str | None = None,
    order_col: str | None = None,
    corpus: bool = True,
) -> SparkRun:
    """Lint a DataFrame of documents: each row is read as a JSONL record would be, ``text_col``
    as its text, ``id_col`` as its id (None or a missing value: named by its line) and the other
    columns as its other fields. ``path`` names the documents (or ``path_col``, a column), and
    ``line_col`` gives their record lines (else they have none). Input order, which decides the
    kept copy of duplicates, is ``order_col`` (distinct integers) or the DataFrame's own order.
    ``corpus``: run the corpus phase (N001-N003)."""
    settings = load_settings(config)
    spark = df.sparkSession
    ordered = df.withColumn(
        "__ord", F.col(order_col).cast("long") if order_col else F.monotonically_increasing_id()
    )
    task = DocumentTask(settings, corpus, keep_raw=False)
    docs = ordered.mapInArrow(
        lambda b: task.records(b, text_col, id_col, path, path_col, line_col), _doc_schema()
    )
    return _run(spark, docs, settings, corpus)


def check_files(
    spark: SparkSession, paths: list[str], settings: Settings, corpus: bool = True, keep_raw: bool = False
) -> SparkRun:
    """Lint files (JSONL: one document per record) in Spark tasks, one file per task; the files
    must be readable by the executors at these paths (a shared file system)."""
    return check_sources(spark, paths, [], settings, corpus, keep_raw)


def check_sources(
    spark: SparkSession,
    files: list[str],
    parquet: list[str],
    settings: Settings,
    corpus: bool = True,
    keep_raw: bool = False,
) -> SparkRun:
    """`check_files` of ``files``, then the Parquet datasets ``parquet`` (each row a record,
    read as a JSONL record would be; its record line is its row number), in that order."""
    task = DocumentTask(settings, corpus, keep_raw)
    parts = []
    if files:
        rows = [(i, p) for i, p in enumerate(files)]
        listing = spark.createDataFrame(rows, "file long, path string").repartition(len(rows), "file")
        parts.append(listing.mapInArrow(task.files, _doc_schema()))
    for k, path in enumerate(parquet):
        df = spark.read.parquet(path)
        schema = T.StructType([*df.schema.fields, T.StructField("__row", T.LongType())])
        numbered = spark.createDataFrame(df.rdd.zipWithIndex().map(lambda p: (*p[0], p[1] + 1)), schema)
        start = (len(files) + k) << ORD_SHIFT
        numbered = numbered.withColumn("__ord", F.lit(start) + F.col("__row"))
        records = functools.partial(
            task.records,
            text_col=settings.text_field,
            id_col=settings.id_field,
            path=path,
            path_col=None,
            line_col="__row",
        )
        parts.append(numbered.mapInArrow(records, _doc_schema()))
    if not parts:
        parts.append(spark.createDataFrame([], _doc_schema()))
    docs = parts[0]
    for part in parts[1:]:
        docs = docs.unionByName(part)
    return _run(spark, docs, settings, corpus)


def _doc_schema() -> T.StructType:
    return from_arrow_schema(DOC_SCHEMA)
