"""lintnews on Apache Spark (``pip install 'lintnews[spark]'``): the same rules, the same results.

`check` lints a DataFrame of documents and returns a DataFrame of diagnostics (the JSON
contract's columns); `run` returns the whole `SparkRun` (documents, scores, input errors);
`lintnews check --engine spark` drives `check_files` from the command line.
"""

from lintnews.spark.api import DIAGNOSTIC_SCHEMA, SparkRun, check, check_files, run

__all__ = ["DIAGNOSTIC_SCHEMA", "SparkRun", "check", "check_files", "run"]
