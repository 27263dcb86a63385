"""Reading pack files: the built-in rule files, users' ``extend-packs`` files (either shape) and
``extra-phrases``, checked as they load (errors name the file and the entry)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from lintnews.config import ConfigError, PackError, Settings, pack_rule, shown
from lintnews.pack_cache import builtin_entries
from lintnews.packs.model import ALL_LANGUAGES, Entry, PackSet
from lintnews.packs.rulefile import RULE_KEYS, USER_KEYS, builtin_data, phrase_entries, read_toml
from lintnews.packs.terms import declared, term_lists
from lintnews.packs.validation import builtin_dir, entry
from lintnews.packs.words import declared_words, word_lists
from lintnews.registry import all_rules

#: Keys of a pack file of the first shape: one language, entries naming their rules.
LANGUAGE_PACK_KEYS = frozenset({"language", "entry", "description"})


def load_pack(path: Path, packs: PackSet, check_patterns: bool = True, builtin: bool = False) -> None:
    """Add the entries of the pack file ``path``: a rule file (`lintnews.packs.rulefile`), or a
    pack of the first shape (``language`` and ``[[entry]]`` tables); errors name the file and the
    table. Rules are named by name or code; only rules that read packs may be named (`pack_rule`).
    ``check_patterns``: refuse patterns that can backtrack for exponential or high
    polynomial time, and patterns whose groups would clash in the joined expression (off for the
    packs lintnews ships, which the test suite checks once instead of every run: both parse
    every pattern). ``builtin``: one of lintnews's own rule files, which also describe their rule."""
    try:
        _load_pack(path, packs, check_patterns, builtin)
    except ConfigError as exc:
        message = str(exc)
        if message.startswith(str(path)):
            message = shown(path) + message[len(str(path)) :]
        raise PackError(message) from None


def _load_pack(path: Path, packs: PackSet, check_patterns: bool, builtin: bool = False) -> None:
    data = builtin_data(path.stem) if builtin else read_toml(path)
    if "language" in data or "entry" in data:
        _load_language_pack(path, data, packs, check_patterns)
    else:
        _load_rule_file(path, data, packs, check_patterns, builtin)


def _load_rule_file(
    path: Path, data: dict[str, Any], packs: PackSet, check_patterns: bool, builtin: bool
) -> None:
    """A rule file (`lintnews.packs.rulefile`): the phrases of one rule, per language."""
    allowed = RULE_KEYS if builtin else USER_KEYS
    unknown = set(data) - allowed
    if unknown:
        hint = " (a rule file holds " + ", ".join(f"`{k}`" for k in sorted(allowed)) + ")"
        raise ConfigError(f"{path}: unknown key `{sorted(unknown)[0]}` in pack{hint}")
    named = {key: data[key] for key in ("rule", "code", "name") if key in data}
    if not named:
        raise ConfigError(
            f'{path}: a pack needs `rule = "<rule name or code>"` (or a `language` and [[entry]] tables)'
        )
    names = set()
    for key, ident in named.items():
        if not isinstance(ident, str):
            raise ConfigError(f"{path}: `{key}` must be a string")
        names.add(_rule_named(ident, str(path)))
    if len(names) > 1:
        raise ConfigError(
            f"{path}: " + ", ".join(f"`{k} = {v!r}`" for k, v in named.items()) + " name different rules"
        )
    code, rule = names.pop()
    own = data if builtin else builtin_data(code)
    if terms_only(own):
        _check_terms_only(path, data, code, rule, builtin)
    for language, found in phrase_entries(data, str(path), rule, check_patterns):
        packs.add(language, found)
    # (a user's file adds words to the lists the rule's own file declares, and to no other)
    where = f"{code} ({rule})"
    for language, name, words in term_lists(data, str(path), where, None if builtin else declared(own)):
        packs.add_terms(language, rule, name, words)
    for language, name, words in word_lists(data, str(path), where, None if builtin else declared_words(own)):
        packs.add_words(language, rule, name, words)


def terms_only(data: dict[str, Any]) -> bool:
    """Whether a built-in rule file's ``data`` is a terms-only file: the term and word lists of a
    rule whose code keeps its own name, severity and documentation and that reports no phrase
    (S008's read-more links and archive months), ``code`` and ``[terms.*]``/``[words.*]`` tables."""
    return "phrases" not in data and "name" not in data


#: Keys of a terms-only rule file (`terms_only`).
TERMS_ONLY_KEYS = frozenset({"code", "terms", "words"})


def _rule_named(ident: str, where: str) -> tuple[str, str]:
    """(code, name) of the rule ``ident`` (a code or a name) that a rule file may name: one that
    reads phrase packs (`pack_rule`) or one with a terms-only built-in file."""
    rule = all_rules().get(ident) or next((r for r in all_rules().values() if r.name == ident), None)
    if rule is None or not (builtin_dir() / f"{rule.code}.toml").is_file():
        name = pack_rule(ident, where)  # (the error naming the rules that read packs)
        return next(r.code for r in all_rules().values() if r.name == name), name
    if not rule.reads_packs and not terms_only(builtin_data(rule.code)):
        pack_rule(ident, where)
    return rule.code, rule.name


def _check_terms_only(path: Path, data: dict[str, Any], code: str, rule: str, builtin: bool) -> None:
    """A file naming a rule that reports no phrase holds term and word lists only."""
    allowed = TERMS_ONLY_KEYS if builtin else TERMS_ONLY_KEYS | {"rule", "name"}
    unknown = sorted(set(data) - allowed)
    if unknown:
        what = "phrases" if unknown[0] == "phrases" else f"`{unknown[0]}`"
        raise ConfigError(
            f"{path}: rule {code} ({rule}) reports no phrases, it reads word lists only: a file for it "
            f"holds " + ", ".join(f"`{k}`" for k in sorted(allowed)) + f" (not {what})"
        )


def _load_language_pack(path: Path, data: dict[str, Any], packs: PackSet, check_patterns: bool) -> None:
    """A pack of the first shape: ``language`` and ``[[entry]]`` tables naming their rules."""
    language = data.get("language")
    if not isinstance(language, str):
        raise ConfigError(f'{path}: a pack needs `language = "<code>"` (or "*")')
    unknown = set(data) - LANGUAGE_PACK_KEYS
    if unknown:
        raise ConfigError(f"{path}: unknown key `{sorted(unknown)[0]}` in pack")
    entries = data.get("entry", [])
    if not isinstance(entries, list):
        raise ConfigError(f"{path}: `entry` must be an array of tables ([[entry]])")
    for i, raw in enumerate(entries, start=1):
        found = entry(raw, f"{path} entry {i}", check_patterns)
        found.rule = pack_rule(found.rule, f"{path} entry {i}")
        packs.add(language, found)


def _pack_path(name: str, root: str) -> Path:
    path = Path(name)
    return path if path.is_absolute() else Path(root) / path


def check_pack_files(names: list[str], root: str, where: str) -> None:
    """Load the ``extend-packs`` files ``names`` (relative to ``root``) once, so a missing file
    or a broken entry is reported before any input is read."""
    for name in names:
        path = _pack_path(name, root)
        if not path.is_file():
            raise ConfigError(f"{where}: pack file not found: {shown(path)}")
        load_pack(path, PackSet())


@lru_cache(maxsize=32)
def _load(extend: tuple[str, ...], extra: tuple[tuple[str, tuple[str, ...]], ...], root: str) -> PackSet:
    packs = PackSet()
    builtin_entries(packs, builtin_dir(), lambda p: load_pack(p, packs, check_patterns=False, builtin=True))
    for name in extend:
        path = _pack_path(name, root)
        if not path.is_file():
            raise ConfigError(f"`extend-packs`: pack file not found: {shown(path)}")
        load_pack(path, packs)
    for rule, lines in extra:
        name = pack_rule(rule, f"`extra-phrases.{rule}`")
        packs.add(ALL_LANGUAGES, Entry(name, "", None, list(lines), [], "extra-phrases"))
    return packs


def load_packs(settings: Settings) -> PackSet:
    """Built-in packs plus the user's, cached per configuration.

    Every phrase rule asks for every document, so the last answer is kept with the settings it
    was made for and a copy of what it depends on, and returned while those stay equal."""
    last = _last
    if (
        last
        and last[0] is settings
        and settings.extend_packs == last[1]
        and settings.extra_phrases == last[2]
        and settings.root == last[3]
    ):
        return last[4]
    extra: list[tuple[str, tuple[str, ...]]] = []
    for rule, lines in sorted(settings.extra_phrases.items()):
        if not isinstance(lines, list) or not all(isinstance(x, str) for x in lines):
            raise ConfigError(f"`extra-phrases.{rule}` must be a list of strings")
        extra.append((rule, tuple(lines)))
    packs = _load(tuple(settings.extend_packs), tuple(extra), settings.root)
    _last[:] = [
        settings,
        list(settings.extend_packs),
        {rule: list(lines) for rule, lines in settings.extra_phrases.items()},
        settings.root,
        packs,
    ]
    return packs


#: `load_packs`'s last answer: the settings, copies of their pack options, and the packs.
_last: list[Any] = []
