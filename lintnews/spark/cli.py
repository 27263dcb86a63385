"""``lintnews check --engine spark``: a `CheckRun` whose documents are analysed by Spark.

The run's reporting is the local engine's own (`CheckRun.accept`, `report`, `finish`: output
formats, baseline, statistics, --min-score, --accepted-output / --rejected-output); only where
the per-document results and the corpus diagnostics come from differs. The driver receives
them one document at a time in input order (`toLocalIterator`), as the report is written.
"""

from __future__ import annotations

import os
import pickle
from typing import Any

from lintnews.analysis import Analysis
from lintnews.config import ConfigError
from lintnews.run import CheckRun, RunResult
from lintnews.sources import InputError, iter_paths

#: Spark's master when ``--spark-master`` is not given (and ``MASTER`` is not set).
DEFAULT_MASTER = "local[*]"


def session(master: str | None) -> Any:
    """The Spark session of a run (quiet: no progress bar, errors only in the log)."""
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise ConfigError("--engine spark needs pyspark: pip install 'lintnews[spark]'") from None
    url = master or os.environ.get("MASTER") or DEFAULT_MASTER
    log4j = os.path.join(os.path.dirname(__file__), "log4j2.properties")
    builder = (
        SparkSession.builder.master(url)
        .appName("lintnews")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.extraJavaOptions", f"-Dlog4j2.configurationFile=file:{log4j}")
    )
    if url.startswith("local"):  # one machine: a few shuffle partitions, not Spark's 200
        builder = builder.config("spark.sql.shuffle.partitions", str(2 * (os.cpu_count() or 1)))
    try:
        spark = builder.getOrCreate()
    except Exception as exc:  # the JVM did not start (no Java, a bad master URL)
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ConfigError(f"--engine spark: cannot start Spark (master {url}): {first}") from None
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def is_parquet(path: str) -> bool:
    return path.rstrip("/").endswith(".parquet")


def run_spark(run: CheckRun, paths: list[str], master: str | None) -> RunResult:
    """Run ``run`` over ``paths`` with Spark: JSONL (and any other file lintnews reads), one
    file per task, and Parquet datasets (a ``.parquet`` file or folder; its rows are records,
    their record line the row number)."""
    from lintnews.spark.api import check_sources

    if "-" in paths:
        raise ConfigError("--engine spark reads files, not standard input (-)")
    files: list[str] = []
    parquet: list[str] = []
    for path in paths:
        if is_parquet(path) and os.path.exists(path):
            parquet.append(path)
            continue
        for found in iter_paths([path], run.settings):
            if isinstance(found, InputError):
                run.error(found, unreadable=True)
            else:
                files.append(found)
    spark = session(master)
    try:
        result = check_sources(
            spark, files, parquet, run.settings, corpus=run.options.corpus, keep_raw=run.splitter is not None
        )
        for row in result.documents.orderBy("ord").toLocalIterator():
            if row["error"] is not None:
                run.error(pickle.loads(row["error"]), unreadable=True)
                continue
            diagnostics = [pickle.loads(d) for d in row["diagnostics"] or ()]
            run.accept(
                Analysis(
                    row["path"], row["record"], row["record_line"], diagnostics, row["score"], row["raw"]
                )
            )
        for d in result.iter_corpus():
            run.report(d)
    finally:
        spark.stop()  # (its Python workers end before the interpreter does)
    run.finish()  # (the run's own corpus index holds no document: it adds nothing)
    return run.result
