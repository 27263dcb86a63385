"""`lintnews.integrations.datatrove` in a real datatrove pipeline (LocalPipelineExecutor)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter

from lintnews.integrations.datatrove import LintnewsDeduplicate, LintnewsFilter

CRANE = (
    "The harbour master said on Monday that the new crane would double the number of containers handled "
    "each week.\n\nWork on the quay began in March and is due to finish before the winter storms arrive.\n"
)
ARTICLES = [
    ("a1", CRANE),
    # cut off mid-sentence: T002, an error
    (
        "a2",
        "Council members voted on Tuesday to extend the tram line to the airport.\n\n"
        "The first trams could run by the end of next year, according to the\n",
    ),
    # the same article as a1 under another id: N002
    ("a3", CRANE),
    (
        "a4",
        "Heavy rain flooded several streets in the old town overnight, and the fire brigade pumped water "
        "from dozens of cellars.\n\nForecasters expect the weather to improve by Thursday.\n",
    ),
    # a breadcrumb left in the text: B006, a warning
    (
        "a5",
        "Home » News » Weather\n\nA cold front will bring snow to the hills on Friday, the weather service "
        "said in its latest bulletin.\n\nDrivers were asked to fit winter tyres before the weekend.\n",
    ),
]


def _read(folder: Path) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            out[record["id"]] = record
    return out


def _pipeline(tmp_path: Path, tasks: int = 1, **filter_args) -> LocalPipelineExecutor:
    (tmp_path / "in").mkdir()
    with open(tmp_path / "in" / "news.jsonl", "w", encoding="utf-8") as fh:
        for rid, text in ARTICLES:
            fh.write(json.dumps({"id": rid, "text": text}) + "\n")
    return LocalPipelineExecutor(
        pipeline=[
            JsonlReader(str(tmp_path / "in")),
            LintnewsFilter(
                exclusion_writer=JsonlWriter(str(tmp_path / "rejected"), compression=None), **filter_args
            ),
            LintnewsDeduplicate(exclusion_writer=JsonlWriter(str(tmp_path / "copies"), compression=None)),
            JsonlWriter(str(tmp_path / "out"), compression=None),
        ],
        tasks=tasks,
        workers=1,
        logging_dir=str(tmp_path / "logs"),
    )


def test_filter_and_deduplicate_in_a_real_pipeline(tmp_path: Path) -> None:
    _pipeline(tmp_path).run()
    kept = _read(tmp_path / "out")
    assert list(kept) == ["a1", "a4", "a5"]
    assert [kept[k]["text"] for k in kept] == [ARTICLES[0][1], ARTICLES[3][1], ARTICLES[4][1]]
    meta = {k: {m: v for m, v in r["metadata"].items() if m.startswith("lintnews_")} for k, r in kept.items()}
    assert meta == {
        "a1": {"lintnews_codes": [], "lintnews_score": 100, "lintnews_corpus_codes": []},
        "a4": {"lintnews_codes": [], "lintnews_score": 100, "lintnews_corpus_codes": []},
        "a5": {"lintnews_codes": ["B006"], "lintnews_score": 93, "lintnews_corpus_codes": []},
    }
    rejected = _read(tmp_path / "rejected")
    assert list(rejected) == ["a2"]
    assert rejected["a2"]["metadata"]["lintnews_codes"] == ["T002"]
    assert rejected["a2"]["metadata"]["lintnews_score"] == 49
    assert rejected["a2"]["metadata"]["filter_reason"] == "lintnews_severity"
    copies = _read(tmp_path / "copies")
    assert list(copies) == ["a3"]
    assert copies["a3"]["metadata"]["lintnews_corpus_codes"] == ["N002"]
    assert copies["a3"]["metadata"]["lintnews_duplicate_of"] == "a1"
    stats = json.loads((tmp_path / "logs" / "stats.json").read_text(encoding="utf-8"))
    by_step = {s["name"]: s["stats"] for s in stats}
    assert by_step["🔻 - FILTER: 📰 lintnews"]["dropped_lintnews_severity"] == 1
    assert by_step["🔻 - FILTER: 📰 lintnews"]["lintnews_B006"] == 1
    assert by_step["🫂 - DEDUP: 📰 lintnews near-duplicates"]["dropped_N002"] == 1


def test_min_score_and_warnings(tmp_path: Path) -> None:
    """Dropping by score (and nothing by severity): a5 (93) goes below 95, a2 (49) too."""
    _pipeline(tmp_path, drop_severity=None, min_score=95).run()
    assert list(_read(tmp_path / "out")) == ["a1", "a4"]
    rejected = _read(tmp_path / "rejected")
    assert {k: r["metadata"]["filter_reason"] for k, r in rejected.items()} == {
        "a2": "lintnews_score",
        "a5": "lintnews_score",
    }


def test_deduplicate_refuses_several_tasks(tmp_path: Path) -> None:
    step = LintnewsDeduplicate()
    with pytest.raises(ValueError, match="compares the documents of one task, and this run has 2 tasks"):
        list(step.run(iter([]), rank=0, world_size=2))
    assert list(LintnewsDeduplicate(per_task=True).run(iter([]), rank=0, world_size=2)) == []


def test_bad_configuration_fails_before_the_run() -> None:
    from lintnews import ConfigError

    with pytest.raises(ConfigError, match="Q999"):
        LintnewsFilter({"select": ["Q999"]})
    with pytest.raises(ValueError, match="unknown severity"):
        LintnewsFilter(drop_severity="fatal")
