"""Suppressions: inline comments in Markdown and HTML, and a field of JSONL records.

Syntax (Markdown and HTML documents; the comments are read from the *source*: the markup for
HTML, the file for Markdown)::

    <!-- lintnews: disable=S001,B002 -->        rules off from here ...
    <!-- lintnews: enable=S001 -->              ... S001 back on ...
    <!-- lintnews: enable -->                   ... everything back on
    <!-- lintnews: disable -->                  every rule off until an `enable`
    <!-- lintnews: disable-next-line=D001 -- pull quote repeats the lede -->

Codes are selectors, as in ``select``: full codes (``D001``), prefixes (``D``, ``B0``), rule names
(``duplicate-paragraph``) or ``ALL``, separated by commas. Text after `` -- `` is the reason.

JSONL records: the field named by ``suppress-field`` (default ``lintnews_ignore``) suppresses
codes for the whole record. Its value is a list of codes (``["D001", "T002 -- wire copy"]``), a
comma-separated string (``"D001,T002 -- wire copy"``: the reason applies to all of them) or an
object mapping codes to reasons (``{"D001": "wire copy"}``).

Semantics, where the issue left room:

- Regions work by position: a diagnostic is suppressed when the last ``disable``/``enable``
  that speaks about its rule and starts before it (source line and column) is a ``disable``.
  A comment on the same line as text therefore covers the text after it, not before it.
- ``disable-next-line`` covers diagnostics that start on the next source line after the comment
  that is neither blank nor made only of lintnews comments (so such comments can be stacked).
  In HTML it is the next source line that holds visible text (``<p>`` on a line of its own is
  skipped), since diagnostics always point at text.
- Comments inside fenced code blocks and inline code spans of Markdown are examples, not
  directives, and are ignored.
- Every suppression a diagnostic falls under is credited with it, so overlapping suppressions
  are not reported as unused.
- ``E901`` reports a suppression (or a code of it) that suppressed nothing, once per comment
  (once per record for JSONL): unused codes, unknown codes, codes of rules that cannot be
  suppressed, and comments that start with ``lintnews:`` but do not parse (never applied).
  A code that only names rules which are not selected (for this file) is *not* reported: the
  rule did not run, so whether the suppression is needed cannot be known; the same goes for
  corpus rules, whose diagnostics come after the per-document step. An ``enable`` is never
  reported as unused, only for unknown codes.
- ``E900``-``E902`` (lintnews's own diagnostics) cannot be suppressed by a comment or record
  field; use ``ignore``/``--ignore`` for them.

The package, by job: `directives` reads them (comments of the source, the record field),
`apply` applies them to a document's diagnostics and reports what they did not suppress, and
`rules` holds the two rules (E901, E902) that report on suppressions. Every name is importable
from ``lintnews.suppress`` as before.
"""

from lintnews.suppress.apply import apply_suppressions as apply_suppressions
from lintnews.suppress.directives import ACTIONS as ACTIONS
from lintnews.suppress.directives import UNSUPPRESSIBLE as UNSUPPRESSIBLE
from lintnews.suppress.directives import Directive as Directive
from lintnews.suppress.directives import comment_directives as comment_directives
from lintnews.suppress.directives import parse_comment as parse_comment
from lintnews.suppress.directives import record_directive as record_directive
from lintnews.suppress.rules import SuppressionWithoutReason as SuppressionWithoutReason
from lintnews.suppress.rules import UnusedSuppression as UnusedSuppression
