"""The ``lintnews`` command line.

Errors the user can cause (configuration, paths, undecodable input) become one line on stderr and
exit code 2; diagnostics at or above the failing severity give exit code 1.

The package, by job:

- `app`: the command group (`main`), exit codes, and how errors and warnings are printed;
- `check_command`: the ``check`` command and its options;
- `options`: command-line options over the configuration (`apply_cli`), ``--show-settings``
  and ``--show-files``;
- `streams`: where the check command's output goes (the report stream, patches, notes after
  the report) and SIGTERM turned into an interrupt;
- `kept_code`: the code `dataclasses` generates, kept compiled beside lintnews as its bytecode
  is (installed before the other modules are imported);
- `commands`: the other commands (``report``, ``clean``, ``rules``, ``rule``).

The console script is ``lintnews.cli:run`` (`main`, then a quick exit); every name is importable from ``lintnews.cli``:
those of `app` at once, the others' when first used (as each command's module is imported
only when its command runs: `lintnews.cli.app.COMMAND_MODULES`).
"""

from lintnews import regex_cache
from lintnews.cli import kept_code

# The imports below (click, lintnews's modules) make ~30 dataclasses and compile ~30 regular
# expressions: from kept files, as bytecode is (`kept_code`, `regex_cache.kept_compiles`).
kept_code.install()
with regex_cache.kept_compiles("cli"):
    from lintnews.cli.app import EXIT_ERROR as EXIT_ERROR
    from lintnews.cli.app import EXIT_FOUND as EXIT_FOUND
    from lintnews.cli.app import EXIT_OK as EXIT_OK
    from lintnews.cli.app import _split as _split
    from lintnews.cli.app import closed_pipe as closed_pipe
    from lintnews.cli.app import fail as fail
    from lintnews.cli.app import main as main
    from lintnews.cli.app import report_error as report_error
    from lintnews.cli.app import report_warning as report_warning
    from lintnews.cli.app import run as run
from lintnews.exports import lazy_getattr  # noqa: E402

TYPE_CHECKING = False
if TYPE_CHECKING:
    from lintnews.cli.check_command import check as check
    from lintnews.cli.commands import clean_cache as clean_cache
    from lintnews.cli.commands import list_rules as list_rules
    from lintnews.cli.commands import report_page as report_page
    from lintnews.cli.commands import rule_info as rule_info
    from lintnews.cli.commands import rules_table as rules_table
    from lintnews.cli.commands import show_rule as show_rule
    from lintnews.cli.options import apply_cli as apply_cli
    from lintnews.cli.options import show as show
    from lintnews.cli.streams import gate_notes as gate_notes
    from lintnews.cli.streams import interrupt_on_sigterm as interrupt_on_sigterm
    from lintnews.cli.streams import report_stream as report_stream
    from lintnews.cli.streams import write_bytes as write_bytes

_EXPORTS = {
    "check": "lintnews.cli.check_command",
    **dict.fromkeys(
        ["clean_cache", "list_rules", "report_page", "rule_info", "rules_table", "show_rule"],
        "lintnews.cli.commands",
    ),
    **dict.fromkeys(["apply_cli", "show"], "lintnews.cli.options"),
    **dict.fromkeys(
        ["gate_notes", "interrupt_on_sigterm", "report_stream", "write_bytes"], "lintnews.cli.streams"
    ),
}

__getattr__ = lazy_getattr(__name__, _EXPORTS, globals())
