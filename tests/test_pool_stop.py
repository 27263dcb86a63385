"""A parallel run stopped before its end (its reader went away, Ctrl-C, an error) stops its
workers at once and never waits on `multiprocessing.pool.Pool.terminate`, which can hang for
good when a worker is ended while it writes a result (CPython issue 96995)."""

from __future__ import annotations

import json
import multiprocessing
import multiprocessing.pool
import time
from pathlib import Path

import pytest

import lintnews
from lintnews import parallel, pool
from lintnews.config import Settings

CUT = (
    "The harbour council met on Tuesday to discuss the repairs to the old sea wall, which "
    "were delayed last year by a dispute over the cost of the"
)


def big_result(i: int) -> bytes:
    """A result larger than a pipe holds: its worker writes it with the result pipe's lock held
    until the main process has read all of it."""
    return bytes([i % 256]) * (1 << 20)


@pytest.fixture
def no_terminate(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Every call of `Pool._terminate_pool` (the work behind ``Pool.terminate``), recorded."""
    calls: list[int] = []
    real = multiprocessing.pool.Pool._terminate_pool.__func__  # type: ignore[attr-defined]

    def recording(cls: type, *args: object) -> None:
        calls.append(1)
        real(cls, *args)

    monkeypatch.setattr(multiprocessing.pool.Pool, "_terminate_pool", classmethod(recording))
    return calls


def test_a_pool_left_by_an_exception_stops_its_busy_workers_without_terminate(
    no_terminate: list[int],
) -> None:
    ctx = multiprocessing.get_context("fork")
    with pytest.raises(RuntimeError, match="reader gone"), pool.WorkerPool(2, context=ctx) as workers:
        taken = []
        for result in workers.imap(big_result, range(40)):
            taken.append(len(result))
            raise RuntimeError("reader gone")
    assert taken == [1 << 20]
    assert [p.exitcode for p in workers._pool] == [-15, -15]  # type: ignore[attr-defined]
    assert multiprocessing.active_children() == []
    assert no_terminate == []
    assert workers._state == multiprocessing.pool.TERMINATE  # type: ignore[attr-defined]


def test_a_pool_left_at_its_end_still_terminates_as_before(no_terminate: list[int]) -> None:
    ctx = multiprocessing.get_context("fork")
    with pool.WorkerPool(2, context=ctx) as workers:
        assert sum(len(r) for r in workers.imap(big_result, range(6))) == 6 << 20
    assert no_terminate == [1]
    assert multiprocessing.active_children() == []


def test_a_run_closed_after_its_first_document_leaves_no_worker(
    tmp_path: Path, no_terminate: list[int]
) -> None:
    corpus = tmp_path / "c.jsonl"
    with corpus.open("w", encoding="utf-8") as fh:
        for i in range(3000):
            fh.write(json.dumps({"id": f"r{i}", "text": f"Story {i}\n\n{CUT}"}) + "\n")
    run = parallel.analyze([str(corpus)], Settings(), jobs=2)
    first = next(run)
    started = time.monotonic()
    run.close()
    assert time.monotonic() - started < 60
    assert [d.code for d in first.diagnostics] == ["T002"]  # type: ignore[union-attr]
    assert multiprocessing.active_children() == []
    assert no_terminate == []


def test_lint_many_left_after_its_first_report_leaves_no_worker(no_terminate: list[int]) -> None:
    docs = ({"id": f"r{i}", "text": f"Story {i}\n\n{CUT}"} for i in range(2000))
    reports = lintnews.Linter().lint_many(docs, jobs=2)
    first = next(reports)
    reports.close()
    assert [d.code for d in first.diagnostics] == ["T002"]
    assert multiprocessing.active_children() == []
    assert no_terminate == []
