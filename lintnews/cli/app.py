"""The ``lintnews`` command group (`main`, which the commands of the other modules of this
package join), the exit codes, and how errors and warnings are printed.
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import importlib
import importlib.util
import os
import signal
import sys
import threading
import types
from typing import Any

import click

from lintnews import __version__, native, regex_cache
from lintnews.cli import kept_code
from lintnews.reporters.base import printable

EXIT_OK, EXIT_FOUND, EXIT_ERROR = 0, 1, 2


def _split(values: tuple[str, ...]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def report_error(error: object) -> None:
    """An input error: one line on stderr, escaped (a record id may hold a newline or an ESC)."""
    click.echo(f"lintnews: error: {printable(str(error))}", err=True)


def report_warning(message: str) -> None:
    click.echo(f"lintnews: warning: {printable(message)}", err=True)


def fail(message: str) -> None:
    click.echo(f"lintnews: error: {printable(message)}", err=True)
    sys.exit(EXIT_ERROR)


#: The module of each command, which adds it to `main` when imported: a run imports only its
#: command's (``lintnews rules`` or ``--version`` do not import the check run's modules).
COMMAND_MODULES = {
    "check": "lintnews.cli.check_command",
    "report": "lintnews.cli.commands",
    "clean": "lintnews.cli.commands",
    "rules": "lintnews.cli.commands",
    "rule": "lintnews.cli.commands",
    "index": "lintnews.cli.commands",
}


class _Group(click.Group):
    """The ``lintnews`` group: its commands are imported when asked for (`COMMAND_MODULES`); a
    reader that closes its end of the pipe (``lintnews check ... | head -1``) stops the run
    quietly, as it stops ``cat`` or ``grep`` (see `closed_pipe`)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *COMMAND_MODULES})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module = COMMAND_MODULES.get(cmd_name)
        if module is not None and cmd_name not in self.commands:
            with regex_cache.kept_compiles("cli"):  # (the patterns its imports compile: kept)
                importlib.import_module(module)
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            pass
        finally:
            kept_code.keep()  # (what the first run of an install compiled: see `kept_code`)
        # Out of the handler, the run's frames are released: its worker pool and staging
        # folder are cleaned up before the process stops.
        closed_pipe()
        return None


def run() -> None:
    """The program (the ``lintnews`` script, ``python -m lintnews``): `main`, and then, when
    nothing is left to do at exit, the process ends at once (`os._exit`) instead of tearing the
    interpreter down, freeing every module and object one by one: ~0.012 of the ~0.24 CPU-s of
    a re-run of the 20 MB crawl corpus answered from the cache. Nothing left means: no other
    thread, an exit code (not a message to print), the exit handlers run (`atexit`: a worker
    pool's, coverage's, a temporary folder's finalizer, a site's ``.pth`` file's; run here, in
    the interpreter's order, as its own exit runs them; see `_exit_handlers_run`) and the report
    streams flushed; else the interpreter exits as usual. (`main` itself, which a program may
    call, always raises SystemExit.)"""
    quiet_blas()
    defer_css_selectors()
    try:
        main()
    except SystemExit as exc:
        code = exc.code
        if (code is None or type(code) is int) and _exit_handlers_run():
            try:
                sys.stdout.flush()
                sys.stderr.flush()
            except (OSError, ValueError):
                raise exc from None  # (a closed pipe: as the interpreter's own exit says it)
            os._exit(code or 0)
        raise


#: The environment variable that sets how many threads numpy's OpenBLAS starts (`quiet_blas`).
BLAS_THREADS = "OPENBLAS_NUM_THREADS"


def quiet_blas() -> None:
    """Have numpy's OpenBLAS start no thread of its own in this process (unless the user chose a
    number): lintnews never calls BLAS, but importing numpy (the corpus phase) starts one thread
    a core, which then spins on the other core until it times out: ~0.04-0.09 of the ~3.8 CPU-s
    of a ``-j1`` run of the 20 MB crawl corpus (CPU above wall while numpy loads), CPU taken
    from whatever else runs there. Set by the program (`run`) only, before numpy is imported:
    a program that calls `main` or uses the API keeps its own BLAS. Forked workers inherit the
    loaded library; spawned ones (no ``fork``) this environment."""
    os.environ.setdefault(BLAS_THREADS, "1")


#: The library bs4 imports as it is imported, for CSS selectors (`defer_css_selectors`).
CSS_SELECTORS = "soupsieve"


class _Deferred(types.ModuleType):
    """A module imported when one of its attributes is first asked for (`defer_css_selectors`):
    then the real module takes its place in ``sys.modules``, and its names are copied here for
    whoever kept this one (bs4's CSS proxy)."""

    def __getattr__(self, name: str) -> Any:
        if sys.modules.get(self.__name__) is self:
            del sys.modules[self.__name__]
        real = importlib.import_module(self.__name__)
        self.__dict__.update({k: v for k, v in vars(real).items() if k not in ("__spec__", "__loader__")})
        return getattr(real, name)


def defer_css_selectors() -> None:
    """Have bs4's import of soupsieve (its CSS selectors, which lintnews never uses) wait until a
    selector is used: bs4 imports it as it is imported, and soupsieve compiles its parser's
    patterns as it is imported, ~0.43 G instructions, a third of a check of one HTML file (a
    pre-commit hook's run; encoding detection imports bs4 too). Until then ``soupsieve`` is a
    `_Deferred` module with the real one's spec; a program that calls `main` or uses the API
    imports bs4 as usual."""
    if CSS_SELECTORS in sys.modules or "bs4" in sys.modules:
        return
    spec = importlib.util.find_spec(CSS_SELECTORS)
    if spec is None:  # (not installed: bs4 does without)
        return
    module = _Deferred(CSS_SELECTORS)
    module.__spec__ = spec
    sys.modules[CSS_SELECTORS] = module


def _exit_handlers_run() -> bool:
    """Run the exit handlers now, as the interpreter's exit would (after the other threads
    ended, before the last flush of stdout and stderr; a handler that raises is reported and
    the others still run), and say whether nothing is left to do at exit: no handler and no
    other thread, before or after. False, with nothing run, when another thread is still
    running (the interpreter's exit waits for it first) or `atexit` cannot say (another
    Python). A site that registers a handler at start-up (a ``.pth`` file's, as on this
    project's machines) no longer costs the quick exit: ~0.017 CPU-s of a cached re-run."""
    ncallbacks = getattr(atexit, "_ncallbacks", None)
    run_callbacks = getattr(atexit, "_run_exitfuncs", None)
    if ncallbacks is None or run_callbacks is None or threading.active_count() != 1:
        return False
    if ncallbacks():
        run_callbacks()  # (and unregisters them: the interpreter's exit never runs them twice)
    return ncallbacks() == 0 and threading.active_count() == 1


def closed_pipe() -> None:
    """Stop quietly because stdout (or stderr) was closed by its reader: no message, and the
    exit status of a process killed by SIGPIPE (141 in a shell), as ``cat``, ``grep`` and every
    C program that does not handle the signal give; where there is no SIGPIPE (Windows), exit 2."""
    with contextlib.suppress(OSError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError, AttributeError):
                os.dup2(devnull, stream.fileno())  # the interpreter's last flush goes nowhere
    gc.collect()
    sigpipe = getattr(signal, "SIGPIPE", None)
    if sigpipe is not None:
        signal.signal(sigpipe, signal.SIG_DFL)
        os.kill(os.getpid(), sigpipe)
    sys.exit(EXIT_ERROR)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(
    __version__, prog_name="lintnews", message=f"%(prog)s %(version)s ({native.describe()})"
)
def main() -> None:
    """lintnews: a linter for news and web-article text."""
