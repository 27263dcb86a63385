"""The chunks a parallel run sends its workers: every unit once, in input order, and the last
chunks cut smaller so that the workers finish together (`lintnews.parallel._tapered`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lintnews import cache as cache_mod
from lintnews import parallel
from lintnews.config import Settings
from lintnews.sources import InputError
from lintnews.work_units import Unit


def units(sizes: list[int]) -> list[Unit | InputError]:
    """JSONL units of the given sizes in bytes (path, line, raw line), as `iter_units` makes them."""
    return [("c.jsonl", i + 1, b"x" * size) for i, size in enumerate(sizes)]  # type: ignore[misc]


def tapered(sizes: list[int]) -> list[list[Unit | InputError]]:
    return list(parallel._tapered(parallel._chunks(iter(units(sizes)))))


def test_the_last_two_chunks_are_cut_in_sixteen_of_about_the_same_weight() -> None:
    sizes = [8_000 + 97 * (i % 13) for i in range(700)]  # (articles of 8-9 KB)
    chunks = tapered(sizes)
    assert [u for c in chunks for u in c] == units(sizes)
    whole = list(parallel._chunks(iter(units(sizes))))
    assert len(whole) == 11 and [len(c) for c in whole[:9]] == [64] * 9
    assert chunks[:9] == whole[:9]
    tail = chunks[9:]
    held = sum(sizes[9 * 64 :])
    weights = [sum(len(u[2]) for u in c) for c in tail]  # type: ignore[index,misc]
    assert len(tail) in (16, 17)
    assert all(w >= held // 16 for w in weights[:-1]) and all(w < held // 16 + 9_300 for w in weights)


def test_a_short_input_is_all_tail() -> None:
    chunks = tapered([5_000] * 80)
    assert [len(c) for c in chunks] == [5] * 16
    assert tapered([]) == []
    assert tapered([100]) == [units([100])]


def test_whole_files_and_input_errors_weigh_as_16_kb() -> None:
    files: list[Unit | InputError] = [("a.html",)] * 31
    errors: list[Unit | InputError] = [InputError("c.jsonl", "not valid JSON", None, 3)]
    chunks = list(parallel._tapered(parallel._chunks(iter(files + errors))))
    assert [len(c) for c in chunks] == [2] * 16
    assert chunks[-1][-1] is errors[0]


@pytest.mark.parametrize("n", [64, 200, 1000])
def test_a_parallel_run_gives_every_document_in_order(tmp_path: Path, n: int) -> None:
    corpus = tmp_path / "c.jsonl"
    lede = "Talks resumed in Geneva on Monday after a two-week pause, officials said."
    with corpus.open("w") as fh:
        for i in range(n):
            fh.write(json.dumps({"id": f"r{i}", "text": f"{lede} Record {i}.\n\nShare this article"}) + "\n")
    settings = Settings(select=["ALL"])
    two = [(a.record, [d.code for d in a.diagnostics]) for a in parallel.analyze([str(corpus)], settings, 2)]  # type: ignore[union-attr]
    one = [(a.record, [d.code for d in a.diagnostics]) for a in parallel.analyze([str(corpus)], settings, 1)]  # type: ignore[union-attr]
    assert two == one
    assert [r for r, _ in two] == [f"r{i}" for i in range(n)]
    assert all("B005" in codes for _, codes in two)


def test_a_re_run_answered_from_the_cache_looks_its_chunks_up_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "c.jsonl"
    with corpus.open("w") as fh:
        for i in range(200):
            fh.write(json.dumps({"id": f"r{i}", "text": f"Talks resumed in Geneva, record {i}."}) + "\n")
    settings = Settings()
    cache_dir = str(tmp_path / "cache")
    first = [a.record for a in parallel.analyze([str(corpus)], settings, 2, cache_dir=cache_dir)]  # type: ignore[union-attr]
    asked: list[int] = []
    real = cache_mod.ResultCache.get_many

    def get_many(self: cache_mod.ResultCache, keys: list[bytes]) -> dict[bytes, bytes]:
        asked.append(len(keys))
        return real(self, keys)

    monkeypatch.setattr(cache_mod.ResultCache, "get_many", get_many)
    again = list(parallel.analyze([str(corpus)], settings, 2, cache_dir=cache_dir))
    assert [a.record for a in again] == first == [f"r{i}" for i in range(200)]  # type: ignore[union-attr]
    assert all(a.cached for a in again)  # type: ignore[union-attr]
    assert asked == [64, 64, 64, 8]  # (no worker started: nothing cut for one)
