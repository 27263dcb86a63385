"""Fixes: apply the edits rules attach to their violations, until none apply.

Text documents are edited in their text; HTML documents are edited in their markup (a removed
line removes the block element it came from, and only when that element holds nothing but the
line). Files are rewritten atomically (`lintnews.atomic.write_plan` says what is done with links),
in their original encoding and with each line's own ending; JSONL corpora are written to an
output folder, never in place, the fixed field spliced into each record's own bytes. An output
folder (``--output-dir``) is written under a temporary name beside it and moved into place at the
end of the run (`StagedFolder`), so a failed or killed run never leaves a half-written one.

The package, by job:

- `apply`: which fixes may apply (`FixPolicy`), applying edits to a text, fixing a document
  until no fix applies (`fix_document`);
- `markup`: HTML documents, where a text edit becomes an edit of the markup (`html_fix`);
- `output`: diffs and patches, and writing a fixed file in its own encoding and line endings;
- `jsonl`: the fixed field spliced into a JSONL record's own bytes (`JsonlFixWriter`);
- `fixer`: the `Fixer` of a check run: where each fixed document goes, and with what.

Every name is importable from ``lintnews.fixes`` as before, each module imported when one of its
names is first used: a run that fixes nothing (a check answered from the result cache) needs only
`apply`'s `FixPolicy`, and `output` alone imports `difflib`.
"""

from lintnews.exports import lazy_getattr

TYPE_CHECKING = False
if TYPE_CHECKING:
    from lintnews.fixes.apply import MAX_PASSES as MAX_PASSES
    from lintnews.fixes.apply import FixOutcome as FixOutcome
    from lintnews.fixes.apply import FixPolicy as FixPolicy
    from lintnews.fixes.apply import _Accepted as _Accepted
    from lintnews.fixes.apply import _overlaps as _overlaps
    from lintnews.fixes.apply import apply_edits as apply_edits
    from lintnews.fixes.apply import content as content
    from lintnews.fixes.apply import fix_document as fix_document
    from lintnews.fixes.apply import with_text as with_text
    from lintnews.fixes.fixer import Fixer as Fixer
    from lintnews.fixes.fixer import output_base as output_base
    from lintnews.fixes.jsonl import JsonlFixWriter as JsonlFixWriter
    from lintnews.fixes.jsonl import field_spans as field_spans
    from lintnews.fixes.jsonl import splice_field as splice_field
    from lintnews.fixes.markup import html_fix as html_fix
    from lintnews.fixes.output import CHANGED as CHANGED
    from lintnews.fixes.output import WriteError as WriteError
    from lintnews.fixes.output import _read_for_fixing as _read_for_fixing
    from lintnews.fixes.output import _split_lf as _split_lf
    from lintnews.fixes.output import _write as _write
    from lintnews.fixes.output import encode_like as encode_like
    from lintnews.fixes.output import fixed_file_bytes as fixed_file_bytes
    from lintnews.fixes.output import patch_name as patch_name
    from lintnews.fixes.output import restore_line_endings as restore_line_endings
    from lintnews.fixes.output import unified_diff as unified_diff
    from lintnews.fixes.output import unified_diff_bytes as unified_diff_bytes
    from lintnews.fixes.output import write_copy as write_copy
    from lintnews.fixes.output import write_fixed_file as write_fixed_file

_EXPORTS = {
    "MAX_PASSES": "lintnews.fixes.apply",
    "FixOutcome": "lintnews.fixes.apply",
    "FixPolicy": "lintnews.fixes.apply",
    "_Accepted": "lintnews.fixes.apply",
    "_overlaps": "lintnews.fixes.apply",
    "apply_edits": "lintnews.fixes.apply",
    "content": "lintnews.fixes.apply",
    "fix_document": "lintnews.fixes.apply",
    "with_text": "lintnews.fixes.apply",
    "Fixer": "lintnews.fixes.fixer",
    "output_base": "lintnews.fixes.fixer",
    "JsonlFixWriter": "lintnews.fixes.jsonl",
    "field_spans": "lintnews.fixes.jsonl",
    "splice_field": "lintnews.fixes.jsonl",
    "html_fix": "lintnews.fixes.markup",
    "CHANGED": "lintnews.fixes.output",
    "WriteError": "lintnews.fixes.output",
    "_read_for_fixing": "lintnews.fixes.output",
    "_split_lf": "lintnews.fixes.output",
    "_write": "lintnews.fixes.output",
    "encode_like": "lintnews.fixes.output",
    "fixed_file_bytes": "lintnews.fixes.output",
    "patch_name": "lintnews.fixes.output",
    "restore_line_endings": "lintnews.fixes.output",
    "unified_diff": "lintnews.fixes.output",
    "unified_diff_bytes": "lintnews.fixes.output",
    "write_copy": "lintnews.fixes.output",
    "write_fixed_file": "lintnews.fixes.output",
}

__getattr__ = lazy_getattr(__name__, _EXPORTS, globals())
