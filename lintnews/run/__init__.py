"""One ``lintnews check`` run: documents in, diagnostics and side outputs out.

The pipeline reads top to bottom: `CheckRun.process` takes each document (or input error) from
the sources, lints or fixes it, scores it and feeds the gate outputs; `CheckRun.finish` runs the
corpus phase, applies the baseline and closes the outputs. The CLI only parses options, builds a
`CheckOptions` and prints what `finish` returns.

The package: `options` holds what a run is asked to do and what it returns (`CheckOptions`,
`RunResult`), `guards` the checks made before a run starts (an output that would overwrite an
input, an unusable cache folder) and the exception a stop signal becomes, `corpus_findings` the
report of the corpus phase's findings, and `check_run` the `CheckRun` itself. Every name is importable from ``lintnews.run`` as before.
"""

from lintnews.run.check_run import CheckRun as CheckRun
from lintnews.run.guards import Interrupted as Interrupted
from lintnews.run.guards import cache_problem as cache_problem
from lintnews.run.guards import output_clash as output_clash
from lintnews.run.guards import stop_exception as stop_exception
from lintnews.run.options import CheckOptions as CheckOptions
from lintnews.run.options import RunResult as RunResult
