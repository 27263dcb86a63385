"""What a check run makes before it forks its workers (`lintnews.engine.Linter.warm`) is what the
lazy path would make on the workers' first documents, and the workers use it: the compiled
packs of every language, T002's word lists, the linter, and a collector that skips the objects
inherited from the main process."""

from __future__ import annotations

import gc
import json
import os
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from lintnews.rules.truncation import endings, wordlist
from test_packs_screen import as_keys, fixture_lines, generated_keys

from lintnews import packs, parallel
from lintnews.cli import main as cli_main
from lintnews.config import Settings
from lintnews.engine import Linter
from lintnews.packs import model, screen


def _fresh(pack_set: packs.PackSet) -> packs.PackSet:
    """The entries of ``pack_set`` with nothing compiled yet."""
    return packs.PackSet(by_language={lang: dict(rules) for lang, rules in pack_set.by_language.items()})


def test_compiling_every_language_up_front_gives_the_lazy_answers() -> None:
    loaded = packs.load_packs(Settings())
    eager, lazy = _fresh(loaded), _fresh(loaded)
    eager.compile_all()
    languages = loaded.languages()
    assert set(eager.screens) == {*languages, packs.ALL_LANGUAGES}
    assert set(eager.matchers) == {(rule, lang) for rule in loaded.rules() for lang in languages}
    assert set(eager.answers) == set(languages)
    # every matcher's patterns filed before the fork (on first use otherwise)
    assert all("patterns" in vars(m) for m in eager.matchers.values())
    assert not lazy.screens and not lazy.matchers
    keys = as_keys(generated_keys(loaded, 1500, seed=17) + fixture_lines())
    for langs in [("en",), ("de", "en"), ("fr", "es", "en"), tuple(languages)]:
        union = (*langs, packs.ALL_LANGUAGES)
        chosen = eager.screen_of(union).select(keys)
        assert chosen == lazy.screen_of(union).select(keys)
        assert len(chosen) > 100
        got = eager.line_matcher(langs).matches(keys, chosen)
        assert got == lazy.line_matcher(langs).matches(keys, chosen)
        assert sum(map(len, got.values())) > 50
    # nothing compiled after the fact: the lazy path found everything it needed made
    assert set(eager.matchers) == {(rule, lang) for rule in loaded.rules() for lang in languages}


def test_warming_a_linter_compiles_its_packs_and_loads_the_english_word_list() -> None:
    wordlist._list_bytes.cache_clear()
    endings._rare.cache_clear()
    Linter(Settings(select=["T002"])).warm()
    assert wordlist._list_bytes.cache_info().currsize == 1  # English, for both thresholds
    assert endings._rare("governmen", "en") is True and endings._rare("government", "en") is False
    assert endings._rare("governments", "en", 3.5) is False and endings._rare("governess", "en", 3.5) is True
    assert wordlist._list_bytes.cache_info().misses == 1  # (answered from the list loaded)
    pack_set = packs.load_packs(Settings())
    Linter(Settings(select=["S001"])).warm()
    assert {"en", "de", packs.ALL_LANGUAGES} <= set(pack_set.screens)


@pytest.mark.skipif("fork" not in __import__("multiprocessing").get_all_start_methods(), reason="fork only")
def test_forked_workers_start_warm_and_lint_as_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    records = [
        json.dumps(
            {
                "id": f"r{i}",
                "text": f"Story {i} about the port strike.\n\nShare on Facebook\n\nThe strike entered its "
                "third week on Monday, and union leaders said talks with the shipping companies had "
                "stalled over wages and the",
            }
        )
        for i in range(70)  # (64 or more units start the worker pool)
    ]
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n".join(records) + "\n", encoding="utf-8")
    seen = tmp_path / "seen.txt"
    real = parallel.Analyzer.analyze_units
    real_compile_all = model.PackSet.compile_all

    def recording(self: parallel.Analyzer, units: list[Any]) -> Any:
        with seen.open("a", encoding="utf-8") as out:  # (appended to by forked workers too)
            out.write(f"lint {os.getpid()} {gc.get_freeze_count() > 0}\n")
        return real(self, units)

    def compile_all(self: model.PackSet) -> None:
        with seen.open("a", encoding="utf-8") as out:
            out.write(f"compile {os.getpid()} -\n")
        real_compile_all(self)

    monkeypatch.setattr(parallel.Analyzer, "analyze_units", recording)
    monkeypatch.setattr(model.PackSet, "compile_all", compile_all)
    outputs = []
    for jobs in ("2", "1"):
        result = CliRunner().invoke(cli_main, ["check", "--isolated", "--no-cache", "-j", jobs, str(corpus)])
        assert result.exit_code == 1, result.output
        outputs.append(result.output)
    assert outputs[0] == outputs[1]
    assert outputs[0].count("B005") == 70 and outputs[0].count("T002") == 70
    rows = [line.split() for line in seen.read_text(encoding="utf-8").splitlines()]
    me = str(os.getpid())
    # -j2: the packs compiled once, here, before any worker linted; the workers' collector
    # skips what they inherited. -j1 (the last rows): compiled ahead too (64 units or more), here,
    # before its first chunk; nothing frozen.
    assert rows[0] == ["compile", me, "-"]
    assert [row for row in rows if row[0] == "compile"] == [rows[0]] * 2
    workers = [row for row in rows if row[0] == "lint" and row[1] != me]
    assert workers and all(frozen == "True" for _, _, frozen in workers)
    # (70 units: 2 chunks)
    assert [row for row in rows if row[1] == me][1:] == [["compile", me, "-"], *[["lint", me, "False"]] * 2]
    assert gc.get_freeze_count() == 0  # (the main process put its objects back)


def test_the_main_process_collects_less_often_only_while_its_workers_run() -> None:
    from lintnews import pool
    from lintnews.gcpace import GC_THRESHOLDS, collecting_less

    before = gc.get_threshold()
    with collecting_less():
        with pool.results_paced():
            assert gc.get_threshold() == (pool.RESULTS_THRESHOLD, *GC_THRESHOLDS[1:])
        assert gc.get_threshold() == GC_THRESHOLDS
        with pytest.raises(RuntimeError), pool.results_paced():  # (put back on an error too)
            raise RuntimeError
        assert gc.get_threshold() == GC_THRESHOLDS
    # a program with its own collector settings (lintnews as a library) keeps them
    gc.set_threshold(500, 5, 5)
    try:
        with pool.results_paced():
            assert gc.get_threshold() == (500, 5, 5)
    finally:
        gc.set_threshold(*before)


def _no_init() -> None:
    return None


@pytest.mark.skipif("fork" not in __import__("multiprocessing").get_all_start_methods(), reason="fork only")
def test_the_warm_up_before_the_fork_runs_with_the_collector_paused() -> None:
    from lintnews import pool

    seen: list[bool] = []
    with pool.start_pool(1, _no_init, spawn_args=(), fork_args=(), warm=lambda: seen.append(gc.isenabled())):
        assert seen == [False] and gc.isenabled()
    gc.disable()  # (a program that runs without the collector keeps it off)
    try:
        with pool.paused_collector():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()
    with pytest.raises(RuntimeError), pool.paused_collector():
        raise RuntimeError
    assert gc.isenabled()


@pytest.mark.skipif("fork" not in __import__("multiprocessing").get_all_start_methods(), reason="fork only")
def test_what_the_warm_up_made_is_frozen_before_the_collector_runs_again() -> None:
    """The warm-up's allocations count towards the young generation while the collector is
    paused: unfrozen, the first allocation after it made a young pass over all of them."""
    from lintnews import pool

    kept: list[list[int]] = []
    passes: list[int] = []

    def warm() -> None:
        kept.extend([i] for i in range(50_000))  # (containers: the young generation counts them)

    def note(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            passes.append(info["generation"])

    gc.collect()
    gc.callbacks.append(note)
    try:
        with pool.start_pool(1, _no_init, spawn_args=(), fork_args=(), warm=warm):
            started = list(passes)
    finally:
        gc.callbacks.remove(note)
    assert len(kept) == 50_000
    assert started == []
    assert gc.get_freeze_count() == 0  # (put back once the worker exists)


def test_a_worker_analyses_its_chunk_with_the_collector_paused(monkeypatch: pytest.MonkeyPatch) -> None:
    from lintnews import workers

    records = [
        json.dumps(
            {
                "id": f"r{i}",
                "text": f"Story {i}: the port strike entered its third week.\n\nShare on Facebook",
            }
        )
        for i in range(3)
    ]
    chunk: list[Any] = [("c.jsonl", i + 1, line.encode()) for i, line in enumerate(records)]
    settings = Settings()
    seen: list[bool] = []
    real = parallel.Analyzer.analyze_units

    def recording(self: parallel.Analyzer, units: list[Any]) -> Any:
        seen.append(gc.isenabled())
        return real(self, units)

    for name in ("_WORKER", "_ENCODE", "_FORMAT"):  # (put back after the test)
        monkeypatch.setattr(workers, name, getattr(workers, name))
    workers.init_worker((settings, False, None, None, None, "-"))
    monkeypatch.setattr(parallel.Analyzer, "analyze_units", recording)
    got = workers.work(chunk)
    assert seen == [False] and gc.isenabled()
    codes = [[d.code for d in items[0].diagnostics] for items, _ in got]  # type: ignore[union-attr]
    alone = parallel.Analyzer(settings, False, None, None, None)
    assert codes == [[d.code for d in alone.lint(doc)] for doc in _documents(chunk, settings)]
    assert all("B005" in c for c in codes)


def _documents(chunk: list[Any], settings: Settings) -> list[Any]:
    from lintnews.work_units import load_unit

    return [doc for unit in chunk for doc in load_unit(unit, settings)]


@pytest.mark.skipif("fork" not in __import__("multiprocessing").get_all_start_methods(), reason="fork only")
def test_the_corpus_signer_is_made_once_before_the_workers_fork(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lintnews.corpus import signature

    records = [
        json.dumps({"id": f"r{i}", "text": f"Story {i}: the port strike entered its third week on Monday."})
        for i in range(70)  # (64 or more units start the worker pool)
    ]
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n".join(records) + "\n", encoding="utf-8")
    seen = tmp_path / "seen.txt"
    real_init = signature.CorpusSigner.__init__

    def recording(self: signature.CorpusSigner, *args: Any, **kwargs: Any) -> None:
        with seen.open("a", encoding="utf-8") as out:  # (appended to by forked workers too)
            out.write(f"{os.getpid()}\n")
        real_init(self, *args, **kwargs)

    monkeypatch.setattr(signature.CorpusSigner, "__init__", recording)
    result = CliRunner().invoke(cli_main, ["check", "--isolated", "--no-cache", "-j", "2", str(corpus)])
    assert result.exit_code == 0, result.output
    # made here, before the fork; the workers sign with the copy they inherit (without it each
    # worker imported numpy and the signature module and made its own: ~0.1 CPU-s a worker)
    assert seen.read_text(encoding="utf-8").split() == [str(os.getpid())]


def test_matching_compiles_each_pattern_once_and_no_rule_s_alternation() -> None:
    """A matcher tries the patterns its language's screen compiled (one regex a pattern, once a
    process), never its rule's patterns joined as one alternation (a second compilation of
    every pattern), and files them only when a line first reaches it."""
    pack_set = _fresh(packs.load_packs(Settings()))
    prose = ["the council met on monday to agree the budget", "mayor jane doe said the vote would pass"]
    assert pack_set.line_matcher(("en",)).matches(prose, [0, 1]) == {}
    assert "patterns" not in vars(pack_set.matcher("pagination", "en"))
    found = pack_set.line_matcher(("en",)).matches(["page 2 of 7"], [0])
    assert list(found) == ["pagination"]
    pagination = pack_set.matcher("pagination", "en")
    assert pagination.patterns is not None
    tried = pagination.patterns.tried("page 2 of 7")
    assert tried and all(regex is screen.compiled(regex.pattern) for _, regex, _ in tried)
    pack_set.compile_all()
    assert not any("regex" in vars(m) for m in pack_set.matchers.values())


def test_one_job_analyses_each_chunk_with_the_collector_paused_in_a_check_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As a worker does (`lintnews.workers.work`): linting makes no reference cycles, and the
    collector's young passes only walked the chunk's documents. Not in a program that uses
    lintnews with its own collector settings."""
    corpus = tmp_path / "c.jsonl"
    text = "The strike entered its third week on Monday, and union leaders said talks had stalled."
    corpus.write_text("".join(json.dumps({"id": f"r{i}", "text": text}) + "\n" for i in range(70)))
    seen: list[tuple[int, bool]] = []
    real = parallel.Analyzer.analyze_units

    def recording(self: parallel.Analyzer, units: list[Any]) -> Any:
        seen.append((len(units), gc.isenabled()))
        return real(self, units)

    monkeypatch.setattr(parallel.Analyzer, "analyze_units", recording)
    args = ["check", "--isolated", "--no-cache", "--exit-zero", "-j", "1", str(corpus)]
    result = CliRunner().invoke(cli_main, args)
    assert result.exit_code == 0 and result.output.count("N002") == 69, result.output
    assert seen == [(64, False), (6, False)] and gc.isenabled()
    seen.clear()
    analyses = list(parallel.analyze([str(corpus)], Settings(), 1))
    assert len(analyses) == 70 and seen == [(64, True), (6, True)]


def test_one_job_hands_each_chunk_s_results_over_before_the_collector_runs_again(tmp_path: Path) -> None:
    """In a check run (`gcpace.collecting_less`), one job's caller takes a chunk's results with
    the collector still paused: its young pass after the chunk walks what outlives them, not
    the chunk's diagnostics. The collector is back on after the last chunk, and when the
    caller stops early; elsewhere nothing is paused."""
    from lintnews import gcpace

    corpus = tmp_path / "c.jsonl"
    text = "The strike entered its third week on Monday, and union leaders said talks had stalled."
    corpus.write_text("".join(json.dumps({"id": f"r{i}", "text": text}) + "\n" for i in range(70)))
    with gcpace.collecting_less():
        taken = [gc.isenabled() for _ in parallel.analyze([str(corpus)], Settings(), 1)]
        assert taken == [False] * 70 and gc.isenabled()
        stream = parallel.analyze([str(corpus)], Settings(), 1)
        assert next(stream) is not None and not gc.isenabled()
        stream.close()
        assert gc.isenabled()
    assert [gc.isenabled() for _ in parallel.analyze([str(corpus)], Settings(), 1)] == [True] * 70


@pytest.mark.skipif(not hasattr(__import__("fcntl"), "F_GETPIPE_SZ"), reason="Linux pipes only")
def test_a_pools_pipes_hold_a_chunk_and_its_results() -> None:
    """A worker writes a chunk's results (~280 KB on the crawl) and goes on to its next chunk
    without waiting for the main process to read them; a chunk waits whole in its pipe."""
    import fcntl
    import multiprocessing

    from lintnews import pool

    workers = pool.WorkerPool(1, initializer=_no_init, context=multiprocessing.get_context())
    try:
        for queue in (workers._inqueue, workers._outqueue):  # type: ignore[attr-defined]
            for end in (queue._reader, queue._writer):
                assert fcntl.fcntl(end.fileno(), fcntl.F_GETPIPE_SZ) == pool.PIPE_BYTES
        assert workers.apply(len, ([b"x" * 300_000],)) == 1
    finally:
        workers.terminate()
    # what is no pipe (a socket pair: a duplex connection) is left as it is
    one, other = multiprocessing.Pipe(duplex=True)
    try:
        pool._widen(one)
        one.send_bytes(b"x" * 1000)
        assert other.recv_bytes() == b"x" * 1000
    finally:
        one.close()
        other.close()


def test_the_corpus_phase_s_end_runs_with_the_collector_paused_in_a_check_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The corpus phase's end and the report of its findings make no reference cycles: a check
    run pauses the collector for them (and not a program's own use of the index)."""
    from lintnews.corpus.index import CorpusIndex

    corpus = tmp_path / "c.jsonl"
    text = "The strike entered its third week on Monday, and union leaders said talks had stalled."
    corpus.write_text("".join(json.dumps({"id": f"r{i}", "text": text}) + "\n" for i in range(3)))
    seen: list[bool] = []
    real = CorpusIndex._finish

    def recording(self: CorpusIndex) -> Any:
        seen.append(gc.isenabled())
        return real(self)

    monkeypatch.setattr(CorpusIndex, "_finish", recording)
    result = CliRunner().invoke(cli_main, ["check", "--isolated", "--no-cache", "--exit-zero", str(corpus)])
    assert result.exit_code == 0 and result.output.count("N002") == 2, result.output
    assert seen == [False] and gc.isenabled()
    index = CorpusIndex(Settings())
    assert index.finish() == [] and seen == [False, True]
