"""A pack entry's line keys are made once (`lintnews.packs.model.Entry.keys`): the warm-up before
a check run forks builds the screen of every language and the matcher of every rule in every
language, each reading the same entries (5,405 keys made of 1,933 lines)."""

from __future__ import annotations

import dataclasses

import pytest

from lintnews import packs
from lintnews.config import Settings
from lintnews.packs import model
from lintnews.textnorm import line_key


def _copy(entry: model.Entry) -> model.Entry:
    """``entry`` with nothing made of it yet."""
    return model.Entry(**{f.name: getattr(entry, f.name) for f in dataclasses.fields(entry)})


def test_compiling_every_language_keys_each_entry_line_once(monkeypatch: pytest.MonkeyPatch) -> None:
    loaded = packs.load_packs(Settings())
    fresh = packs.PackSet(
        by_language={
            lang: {rule: [_copy(e) for e in found] for rule, found in rules.items()}
            for lang, rules in loaded.by_language.items()
        }
    )
    keyed: list[str] = []

    def counting(line: str) -> str:
        keyed.append(line)
        return line_key(line)

    monkeypatch.setattr(model, "line_key", counting)
    fresh.compile_all()
    entries = {id(e): e for rules in fresh.by_language.values() for found in rules.values() for e in found}
    assert len(keyed) == sum(len(e.lines) for e in entries.values()) > 1500
    for e in entries.values():
        assert e.keys == tuple(line_key(line) for line in e.lines)
    assert fresh.matcher("adblock-notice", "en").literal  # (the keys are what the matchers hold)
    assert set(fresh.matcher("adblock-notice", "en").literal) <= {k for e in entries.values() for k in e.keys}
