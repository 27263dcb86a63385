"""The built-in packs loaded twice through their cache (`lintnews.pack_cache`): once from the rule
files (cold), once from what the first load kept (warm, reading no rule file)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from lintnews import pack_cache
from lintnews.packs import PackSet, builtin_dir, load_pack
from lintnews.packs.rulefile import builtin_data


def cold_and_warm(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[PackSet, PackSet]:
    monkeypatch.setenv(pack_cache.FOLDER_VARIABLE, str(tmp_path / "cache"))
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    folder = builtin_dir()

    def fresh() -> None:
        monkeypatch.setattr(pack_cache, "_STATE", pack_cache._State())
        builtin_data.cache_clear()

    fresh()
    cold = PackSet()
    pack_cache.builtin_entries(cold, folder, lambda p: load_pack(p, cold, check_patterns=False, builtin=True))
    fresh()
    warm = PackSet()
    pack_cache.builtin_entries(warm, folder, lambda p: pytest.fail(f"{p} read again"))
    return cold, warm
