"""Phrase packs: the data behind phrase-driven rules (Vale-style "existence" rules).

Each phrase rule has one file, ``rules/packs/<CODE>.toml`` (`lintnews.packs.rulefile`): its code,
name, severity, summary, default message, documentation, and its phrases per language::

    [phrases.en]
    lines = ["You may also like", "Explore related products"]
    patterns = ['read more(?: about .{1,60})?', 'more from [\\w .&-]{1,40}']

Users extend rules with files of the same shape naming the rule (``rule = "S001"``) in
``extend-packs``; packs of the first shape (``language = "en"`` and ``[[entry]]`` tables naming
their rules) still load. ``extra-phrases = { seo-filler = ["Don't miss"] }`` in the config adds
literal lines to a rule in every language.

Matching is always against a *whole line* (never a substring of a sentence), compared in its
"key" form (see `line_key`): NFKC, case-folded, curly quotes made straight, Markdown emphasis
markers removed, whitespace collapsed, bullets and punctuation trimmed from both ends. ``lines``
are literal and compared after the same normalisation; ``patterns`` are regular expressions that
must match the entire key. Each pattern is compiled alone, once a process, and a line is tried
only against the patterns whose matches may start as it starts or whose needed strings it holds
(`screen`, `tried`): a few regex calls a candidate line, whatever the size of the pack.

A rule file's ``[terms.<lang>]`` tables hold the named word lists its rule's logic reads
(``recent-comments-headings = ["Recent Comments"]``), extended and merged over languages as
phrases are (`terms`, `pack_terms`); its ``[words.<lang>]`` tables the words its regular
expressions are built around (``months = ["january", "märz"]``), matched as text, read in every
language at once (`words`, `pack_words`, `alternation`, `prefix_alternation`, `any_word`). A rule
that reports no phrase may keep its lists in a terms-only file (``rules/packs/S008.toml``: ``code``
and those tables only).

Modules: `rulefile` (the rule files, `phrase_rule`), `terms` (term lists), `words` (word lists),
`validation` (checks shared by every file shape), `loading` (built-in and users' files, cached per
configuration), `model` (`PackSet`, `Matcher`; its patterns tried one by one in `tried`),
`screen` (which lines may match at all; its first pass in `first_pass`), `answers` (which rules'
entries match a line, kept per key), `matching` (`match_lines`, `PhraseRule`).
"""

from __future__ import annotations

from lintnews.packs.answers import LineMatcher, keep
from lintnews.packs.loading import check_pack_files, load_pack, load_packs
from lintnews.packs.matching import (
    PhraseRule,
    _candidate_lines,
    keys_passing,
    line_keys,
    lines_matched,
    match_lines,
    pack_languages,
    pack_terms,
    pack_words,
)
from lintnews.packs.model import ALL_LANGUAGES, Entry, Matcher, PackSet, compile_entries
from lintnews.packs.rulefile import RuleFile, builtin_rule_file, phrase_rule
from lintnews.packs.screen import Screen, ScreenUnion
from lintnews.packs.validation import builtin_dir
from lintnews.packs.words import alternation, any_word, prefix_alternation
from lintnews.textnorm import EDGE as _EDGE  # (re-exported: line keys live in textnorm)
from lintnews.textnorm import EDGE_CHARS as _EDGE_CHARS
from lintnews.textnorm import EMPHASIS as _EMPHASIS
from lintnews.textnorm import line_key

__all__ = [
    "ALL_LANGUAGES",
    "Entry",
    "LineMatcher",
    "Matcher",
    "PackSet",
    "PhraseRule",
    "RuleFile",
    "Screen",
    "ScreenUnion",
    "_EDGE",
    "_EDGE_CHARS",
    "_EMPHASIS",
    "alternation",
    "prefix_alternation",
    "any_word",
    "_candidate_lines",
    "builtin_dir",
    "builtin_rule_file",
    "check_pack_files",
    "compile_entries",
    "keep",
    "keys_passing",
    "line_key",
    "line_keys",
    "lines_matched",
    "load_pack",
    "load_packs",
    "match_lines",
    "pack_languages",
    "pack_terms",
    "pack_words",
    "phrase_rule",
]
