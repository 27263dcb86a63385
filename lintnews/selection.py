"""Rule selection: which rules a run (and each file) applies, at which severity.

Selection follows ruff: ``select`` (or the default set), then ``extend-select``, minus
``ignore``; when selectors overlap, the most specific one wins (``D001`` beats ``D``). The
command line is a selection layer of higher priority than the configuration's (`resolve`).
`lintnews.config` only parses the settings and checks their types.

Selecting runs no rule: it reads the rules' metadata (`lintnews.registry.rule_catalogue`), so a
run answered from the result cache never imports the rule modules.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Mapping

from lintnews.config import ConfigError, RuleSelection, Settings, check_rule_options, did_you_mean
from lintnews.diagnostics import Severity
from lintnews.registry import Rule, RuleTable, all_rules, rule_catalogue
from lintnews.rule_index import RuleInfo


def matches(selector: str, rule: Rule | RuleInfo) -> int:
    """Specificity with which ``selector`` selects ``rule`` (0: not at all)."""
    if selector == "ALL":
        return 1
    if selector == rule.name or selector == rule.code:
        return 10
    if rule.code.startswith(selector):
        return 1 + len(selector)
    return 0


def check_selectors(selectors: Iterable[str], what: str) -> None:
    rules = rule_catalogue().values()
    for sel in selectors:
        if not sel:  # a prefix of every code: it would select (or ignore) every rule
            raise ConfigError(f'empty rule selector "" in {what}')
        if not any(matches(sel, r) for r in rules):
            # (a rule's name, or a code in capitals: codes one character apart are too many to guess from)
            guess = f" (did you mean `{sel.upper()}`?)" if any(matches(sel.upper(), r) for r in rules) else ""
            guess = guess or did_you_mean(sel, [r.name for r in rules])
            raise ConfigError(f"unknown rule selector `{sel}` in {what}{guess}")


def selections(settings: Settings) -> list[RuleSelection]:
    """The rule selections of a run, lowest priority first: the configuration's, then the
    command line's (when it has any)."""
    layers = [RuleSelection(settings.select, settings.extend_select, settings.ignore)]
    if settings.cli_selection is not None:
        layers.append(settings.cli_selection)
    return layers


def resolve(layers: list[RuleSelection], rules: Mapping[str, Rule | RuleInfo]) -> set[str]:
    """The codes selected by ``layers``, as ruff resolves its ``rule_selections``: the default
    set, then each layer in turn. Within a layer, each rule takes the verdict of the most
    specific selector naming it (an ``ignore`` wins a tie). A layer with a ``select`` replaces
    the set so far (so a command-line ``--select`` leaves the configuration's ``select``,
    ``extend-select`` and ``ignore`` behind); a layer without one adds and removes rules. A
    layer of ``select = []`` with only ``ignore`` hands those ignores on to the next layer."""
    chosen = {code for code, rule in rules.items() if rule.default}
    carried: list[str] = []
    for layer in layers:
        enable = [*(layer.select or []), *layer.extend_select]
        disable = [*layer.ignore, *carried]
        carried = []
        updates: dict[str, bool] = {}
        for code, rule in rules.items():
            positive = max((matches(s, rule) for s in enable), default=0)
            negative = max((matches(s, rule) for s in disable), default=0)
            if positive or negative:
                updates[code] = positive > negative
        if layer.select is not None:
            chosen = {code for code, on in updates.items() if on}
            if not layer.select and not layer.extend_select and layer.ignore:
                carried = list(layer.ignore)
        else:
            for code, on in updates.items():
                if on:
                    chosen.add(code)
                else:
                    chosen.discard(code)
    return chosen


def select_rules(settings: Settings, path: str | None = None) -> RuleTable:
    """The rules that apply (to ``path``, when per-file ignores are configured): the selections
    resolved as ruff does (`resolve`), minus the rules per-file ignores name for ``path``
    (whatever selected them, as in ruff)."""
    rules = rule_catalogue()
    check_selectors(settings.select or [], "select")
    check_selectors(settings.extend_select, "extend-select")
    check_selectors(settings.ignore, "ignore")
    if settings.cli_selection is not None:
        check_selectors(settings.cli_selection.select or [], "--select")
        check_selectors(settings.cli_selection.extend_select, "--extend-select")
        check_selectors(settings.cli_selection.ignore, "--ignore")
    if path is None:
        # Checked once per run, not only when a linted path happens to match the pattern: a
        # typo in a pattern that matches nothing today must not wait for the day it does.
        for pattern, selectors in settings.per_file_ignores.items():
            check_selectors(selectors, f"per-file-ignores `{pattern}`")
        if settings.rule_options:  # (rules' options are classes of their modules)
            check_rule_options(settings.rule_options, all_rules())
    chosen = resolve(selections(settings), rules)
    if path is not None and settings.per_file_ignores:
        off = per_file_ignores(settings, path)
        chosen = {code for code in chosen if not any(matches(s, rules[code]) for s in off)}
    return RuleTable([code for code in rules if code in chosen], severities(settings))


def per_file_ignores(settings: Settings, path: str) -> list[str]:
    out: list[str] = []
    try:
        rel = os.path.relpath(os.path.abspath(path), os.path.abspath(settings.root))
    except ValueError:
        rel = path
    rel = rel.replace(os.sep, "/")
    base = os.path.basename(path)
    for pattern, selectors in settings.per_file_ignores.items():
        if fnmatch.fnmatch(rel, pattern) or ("/" not in pattern and fnmatch.fnmatch(base, pattern)):
            check_selectors(selectors, f"per-file-ignores `{pattern}`")
            out.extend(selectors)
    return out


def severities(settings: Settings) -> dict[str, Severity]:
    """Effective severity overrides by rule code (the most specific selector wins)."""
    out: dict[str, Severity] = {}
    if not settings.severity:
        return out
    check_selectors(settings.severity, "severity")
    for rule in rule_catalogue().values():
        best = 0
        for sel, level in settings.severity.items():
            spec = matches(sel, rule)
            if spec > best:
                best = spec
                out[rule.code] = Severity.parse(level)
    return out
