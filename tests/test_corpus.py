"""The corpus phase: N001 near duplicates, N002 exact duplicates, N003 template lines.

Corpora are JSONL files (records named by their ``id``) or folders of text files, run through the
real command line so that the per-document chrome rules strip their lines first.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from click.testing import CliRunner
from datasketch import MinHash

from lintnews.cli import main
from lintnews.config import ConfigError, Settings
from lintnews.corpus import CorpusIndex, CorpusOptions, CorpusSigner, check_corpus, lsh_bands
from lintnews.document import Document
from lintnews.textnorm import normalize

# --- articles ---------------------------------------------------------------------------------

WIRE_TITLE = "Port strike halts grain exports as talks collapse"
WIRE = [
    (
        "Dock workers at the country's three largest grain terminals walked off the job on Wednesday "
        "after wage talks with the port authority collapsed late on Tuesday night."
    ),
    (
        "The strike halted loading at berths that handle roughly two thirds of the nation's wheat and "
        "barley exports, with at least fourteen bulk carriers waiting at anchor offshore."
    ),
    (
        "Union leaders said the authority's final offer of a three percent raise over two years fell "
        "far short of inflation, which reached seven percent in the year to March."
    ),
    (
        "The port authority said it remained open to talks but warned that every day of disruption "
        "cost exporters an estimated twenty million dollars in demurrage and lost sales."
    ),
    (
        "Grain traders said buyers in North Africa and the Middle East had already begun asking about "
        "cargoes from rival suppliers in the Black Sea region."
    ),
    (
        "Farm groups urged the government to appoint a mediator, noting that silos inland were nearly "
        "full after a record harvest and that trucks were queuing for days to unload."
    ),
    (
        "A spokesperson for the transport ministry said the minister would meet both sides on Friday "
        "and did not rule out emergency legislation if the dispute dragged on."
    ),
]
LOCAL_INTRO = (
    "For farmers around Millbrook, where most of the county's wheat leaves by rail for the coast, "
    "the walkout could not have come at a worse time."
)
TYPOS = [
    p.replace("walked off", "walkd off").replace("inflation", "inflaton").replace("cargoes", "cargos")
    for p in WIRE
]

COUNCIL = [
    (
        "The town council voted on Monday to close the Elm Street library branch at the end of the "
        "year, ending a decade of debate over the future of the ageing building."
    ),
    (
        "Councillors said repairs to the roof and heating system would cost more than the branch's "
        "budget for the next five years combined."
    ),
    (
        "Parents who packed the meeting said the branch was the only place within walking distance "
        "where children could study after school, and several wept as the vote was read out."
    ),
    (
        "The library service plans to run a mobile van twice a week from the school car park and to "
        "extend opening hours at the central branch on weekday evenings."
    ),
]

FESTIVAL = [
    (
        "Organisers of the summer folk festival said ticket sales had doubled after they moved the "
        "event from the showground to the riverside meadows for the first time."
    ),
    (
        "More than forty acts are booked across three stages, including a fiddle band from Cape Breton "
        "and a choir that will perform a new piece written about the town's mills."
    ),
    (
        "Residents near the meadows raised concerns about parking, and the council has agreed to run "
        "shuttle buses from the station every fifteen minutes on both days."
    ),
    (
        "Camping opens on Friday afternoon, and organisers asked visitors to bring reusable cups "
        "because the festival has banned single-use plastic from its bars."
    ),
]

#: Site chrome of one site: five lines at the end of each of its articles, longer than its stories.
FOOTER = [
    (
        "Valley Courier is an independent, reader-funded newsroom that has covered the towns and villages "
        "of the Wye valley since 1887, from council meetings to Saturday football."
    ),
    (
        "Get the Valley Courier morning briefing in your inbox every weekday before seven, with the "
        "headlines, the weather, road closures and what is on around the valley."
    ),
    (
        "Spotted a mistake in one of our stories? Our corrections policy explains how to tell the news "
        "desk and how we put things right, usually on the same day."
    ),
    (
        "Valley Courier, 14 Mill Lane, Netherton, telephone 01600 555 0142, open to visitors on weekday "
        "mornings from nine until noon except on bank holidays."
    ),
    (
        "Copyright 2008 Valley Courier Media Group. Reproduction in whole or in part without written "
        "permission of the publisher is prohibited."
    ),
]
#: Stock phrasing of news writing: recurs too, but never at the same place.
NO_COMMENT = "The company did not respond to a request for comment."

SITE_STORIES = [
    (
        "Bakery chain to open three new shops",
        [
            (
                "A regional bakery chain said it would open three new shops in the valley this autumn and "
                "hire about sixty people to staff them."
            ),
            (
                "The company, founded in a single shop on Bridge Street in 1994, now runs twenty two bakeries "
                "across the county and a central kitchen on the industrial estate."
            ),
        ],
    ),
    (
        "Quarry expansion plan goes to public inquiry",
        [
            (
                "Plans to extend the limestone quarry above Netherton will go to a public inquiry after the "
                "county council failed to reach a decision within the statutory deadline."
            ),
            (
                "Campaigners say blasting already rattles windows in the village, while the operator says "
                "the expansion would secure two hundred local jobs for another twenty years."
            ),
        ],
    ),
    (
        "Bus operator cuts evening services",
        [
            (
                "The valley's main bus operator will withdraw most evening services from next month, citing "
                "a shortage of drivers and falling passenger numbers since the pandemic."
            ),
            (
                "Shift workers at the hospital said the last bus home would now leave before their shifts "
                "end, and the health board said it was talking to the operator about a late route."
            ),
        ],
    ),
    (
        "Flood defence work begins at Riverside Park",
        [
            (
                "Contractors began work on Monday on a new flood wall along Riverside Park, two years after "
                "the river burst its banks and flooded more than one hundred homes."
            ),
            (
                "The wall will be finished by next spring, the environment agency said, and the park's "
                "playground will stay open for most of the construction period."
            ),
        ],
    ),
    (
        "Hospital parking charges to rise in April",
        [
            (
                "Parking charges at the county hospital will rise by a fifth in April, the health board "
                "confirmed, the first increase since the multi-storey car park opened."
            ),
            (
                "Blue badge holders and parents of children staying overnight will continue to park free, "
                "and staff charges will be frozen for another year."
            ),
        ],
    ),
    (
        "Chemical plant fined over river spill",
        [
            (
                "A chemical plant on the edge of town was fined one hundred and fifty thousand pounds over a "
                "spill that killed thousands of fish along a six mile stretch of the river."
            ),
            (
                "Magistrates heard that a valve had been left open during maintenance and that alarms had "
                "been switched off because they kept sounding for no reason."
            ),
        ],
    ),
]


def site_article(i: int) -> str:
    title, body = SITE_STORIES[i]
    paras = list(body)
    # the stock sentence sits at a different place in every story
    if i < 5:
        paras.insert(i % 3, NO_COMMENT)
    return "\n".join([title, *paras, *FOOTER])


def _jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _run(*args: str) -> tuple[int, list[dict[str, Any]], str]:
    result = CliRunner().invoke(main, ["check", "--isolated", "--no-cache", "--format", "json", "-q", *args])
    out = result.stdout
    found = json.loads(out[out.index("[") :]) if "[" in out else []
    return result.exit_code, found, result.stderr if result.stderr_bytes is not None else ""


def _corpus_findings(found: list[dict[str, Any]], prefix: str = "N") -> list[tuple[Any, ...]]:
    return [
        (d["code"], d["record"], d["line"], [(r["record"], r["line"]) for r in d["related"]])
        for d in found
        if d["code"].startswith(prefix)
    ]


# --- N001 / N002 ------------------------------------------------------------------------------


def wire_corpus(tmp_path: Path) -> Path:
    records = [
        {"id": "wire-1", "text": "\n".join([WIRE_TITLE, *WIRE])},
        {"id": "council", "text": "\n".join(["Library branch to close", *COUNCIL])},
        # syndicated: new headline and a local intro
        {
            "id": "local-1",
            "text": "\n".join(["Millbrook farmers fear port strike fallout", LOCAL_INTRO, *WIRE]),
        },
        # trimmed ending
        {"id": "trimmed", "text": "\n".join([WIRE_TITLE, *WIRE[:5]])},
        {"id": "festival", "text": "\n".join(["Folk festival moves to the meadows", *FESTIVAL])},
        # typos
        {"id": "typos", "text": "\n".join([WIRE_TITLE, *TYPOS])},
        # the same text as wire-1 once case, quotes and spacing are normalised
        {
            "id": "exact",
            "text": "\n\n".join([WIRE_TITLE.upper(), *(p.replace("'", "’") for p in WIRE)]) + "  \n",
        },
        {"id": "council-copy", "text": "\n".join(["Elm Street library will shut", *COUNCIL[:3]])},
    ]
    return _jsonl(tmp_path / "news.jsonl", records)


def test_near_and_exact_duplicates_with_records_and_related(tmp_path: Path) -> None:
    path = wire_corpus(tmp_path)
    code, found, _ = _run(str(path))
    assert code == 1
    assert _corpus_findings(found) == [
        ("N001", "local-1", 1, [("wire-1", 1)]),
        ("N001", "trimmed", 1, [("wire-1", 1)]),
        ("N001", "typos", 1, [("wire-1", 1)]),
        ("N002", "exact", 1, [("wire-1", 1)]),
        ("N001", "council-copy", 1, [("council", 1)]),
    ]
    by_record = {d["record"]: d for d in found if d["code"].startswith("N")}
    assert all(d["path"] == str(path) for d in by_record.values())
    assert by_record["trimmed"]["message"].startswith(f"Near-duplicate of {path}#wire-1 (Jaccard 0.")
    assert "100 % of this article's shingles occur in it" in by_record["trimmed"]["message"]
    assert by_record["council-copy"]["message"].endswith("% of this article's shingles occur in it)")
    assert (
        by_record["exact"]["message"] == f"Exact duplicate of {path}#wire-1 (same text after normalisation)"
    )
    assert by_record["exact"]["severity"] == "error"


def test_embedded_article_reports_containment_in_the_other_direction(tmp_path: Path) -> None:
    longer = "\n".join(["Port strike: what it means for the region", *WIRE, *COUNCIL, *FESTIVAL])
    path = _jsonl(
        tmp_path / "c.jsonl",
        [
            {"id": "short", "text": "\n".join([WIRE_TITLE, *WIRE])},
            {"id": "long", "text": longer},
        ],
    )
    _, found, _ = _run(str(path))
    [d] = [d for d in found if d["code"] == "N001"]
    assert d["record"] == "long"
    assert "(Jaccard 0.46; 98 % of its shingles occur in this article)" in d["message"]  # all but the title


def test_clusters_are_transitive_and_keep_the_first(tmp_path: Path) -> None:
    # c is close to b, b close to a, c farther from a: one cluster, both point at a
    a = [WIRE_TITLE, *WIRE]
    b = [WIRE_TITLE, *WIRE[:6], "Both sides are due to meet the minister on Friday morning in the capital."]
    c = [
        WIRE_TITLE,
        *WIRE[1:6],
        "Both sides are due to meet the minister on Friday morning in the capital.",
        COUNCIL[0],
        COUNCIL[1],
        FESTIVAL[0],
        FESTIVAL[1],
    ]
    path = _jsonl(
        tmp_path / "t.jsonl", [{"id": k, "text": "\n".join(v)} for k, v in (("a", a), ("b", b), ("c", c))]
    )
    _, found, _ = _run(str(path))
    findings = _corpus_findings(found)
    assert [f[:2] for f in findings] == [("N001", "b"), ("N001", "c")]
    assert findings[1][3][0] == ("a", 1)  # related: the kept document first


@pytest.mark.parametrize(
    ("keep", "kept", "reported"),
    [
        ("first", "old-long", ["new-short", "mid"]),
        ("longest", "old-long", ["new-short", "mid"]),
        ("oldest", "mid", ["old-long", "new-short"]),
    ],
)
def test_keep_policy(tmp_path: Path, keep: str, kept: str, reported: list[str]) -> None:
    records = [
        {"id": "old-long", "published": "2021-03-04", "text": "\n".join([WIRE_TITLE, LOCAL_INTRO, *WIRE])},
        {"id": "new-short", "published": "2021-03-05", "text": "\n".join([WIRE_TITLE, *WIRE[:6]])},
        {"id": "mid", "published": "2021-03-01", "text": "\n".join([WIRE_TITLE, *WIRE])},
    ]
    path = _jsonl(tmp_path / "k.jsonl", records)
    (tmp_path / "lintnews.toml").write_text(
        f'[corpus]\nkeep = "{keep}"\ndate-field = "published"\n', encoding="utf-8"
    )
    result = CliRunner().invoke(
        main,
        ["check", "--no-cache", "--format", "json", "--config", str(tmp_path / "lintnews.toml"), str(path)],
    )
    found = json.loads(result.stdout[result.stdout.index("[") :])
    corpus = [d for d in found if d["code"] in ("N001", "N002")]
    assert [d["record"] for d in corpus] == reported
    assert {d["related"][0]["record"] for d in corpus} == {kept}


def test_hard_negatives_different_articles_sharing_site_chrome(tmp_path: Path) -> None:
    """Six different stories of one site share a five-line footer (longer than the stories) and
    a stock sentence: no N001, the footer is N003 (its copyright line B020), the stock sentence
    is not."""
    records = [{"id": f"vc-{i}", "text": site_article(i)} for i in range(len(SITE_STORIES))]
    records.append({"id": "wire", "text": "\n".join([WIRE_TITLE, *WIRE])})
    path = _jsonl(tmp_path / "site.jsonl", records)
    _, found, _ = _run(str(path))
    assert [d for d in found if d["code"] in ("N001", "N002")] == []
    templates = [d for d in found if d["code"] == "N003"]
    lines_per_record: dict[str, list[int]] = {}
    for d in templates:
        lines_per_record.setdefault(d["record"], []).append(d["line"])
    n_lines = {f"vc-{i}": len(site_article(i).split("\n")) for i in range(len(SITE_STORIES))}
    # the footer's last line, its copyright notice, is B020's (a line a chrome rule reports is no
    # template candidate); the four lines before it are N003's
    assert lines_per_record == {rec: list(range(n - 4, n)) for rec, n in n_lines.items()}
    assert sorted((d["record"], d["line"]) for d in found if d["code"] == "B020") == sorted(n_lines.items())
    assert {d["message"] for d in templates} == {
        "Line recurs in 6 of 7 documents at the same place (site template)"
    }


def test_footer_alone_would_make_site_stories_look_alike(tmp_path: Path) -> None:
    """The same corpus with the template threshold above the site's size: the footer is no longer
    removed, and the shared chrome makes the short stories near-duplicates. This is the failure
    the template stripping exists to prevent (and shows the negative test above can fail)."""
    records = [{"id": f"vc-{i}", "text": site_article(i)} for i in range(len(SITE_STORIES))]
    path = _jsonl(tmp_path / "site.jsonl", records)
    (tmp_path / "lintnews.toml").write_text("[corpus]\ntemplate-min-docs = 50\n", encoding="utf-8")
    result = CliRunner().invoke(
        main,
        ["check", "--no-cache", "--format", "json", "--config", str(tmp_path / "lintnews.toml"), str(path)],
    )
    found = json.loads(result.stdout[result.stdout.index("[") :])
    assert any(d["code"] == "N001" for d in found)
    assert not any(d["code"] == "N003" for d in found)


def test_template_line_needs_five_documents(tmp_path: Path) -> None:
    for i in range(4):
        (tmp_path / f"s{i}.txt").write_text(site_article(i) + "\n", encoding="utf-8")
    _, found, _ = _run("--select", "N003", str(tmp_path))
    assert found == []
    (tmp_path / "s4.txt").write_text(site_article(4) + "\n", encoding="utf-8")
    _, found, _ = _run("--select", "N003", str(tmp_path))
    assert sorted((Path(d["path"]).name, d["line"]) for d in found) == sorted(
        (f"s{i}.txt", len(site_article(i).split("\n")) - k) for i in range(5) for k in range(5)
    )
    assert all(d["message"].startswith("Line recurs in 5 of 5 documents") for d in found)


def test_short_lines_are_not_template_candidates(tmp_path: Path) -> None:
    for i in range(6):
        title, body = SITE_STORIES[i]
        (tmp_path / f"s{i}.txt").write_text(
            "\n".join([title, *body, "Share this story"]) + "\n", encoding="utf-8"
        )
    _, found, _ = _run("--select", "N003", str(tmp_path))
    assert found == []


# --- running the phase ------------------------------------------------------------------------


def test_no_corpus_turns_the_phase_off(tmp_path: Path) -> None:
    path = wire_corpus(tmp_path)
    code, found, _ = _run("--no-corpus", "--select", "N", str(path))
    assert (code, found) == (0, [])
    code, found, _ = _run("--select", "N", str(path))
    assert code == 1 and len(found) == 5


def test_unselected_corpus_rules_are_not_reported(tmp_path: Path) -> None:
    path = wire_corpus(tmp_path)
    _, found, _ = _run("--select", "N002", str(path))
    assert [(d["code"], d["record"]) for d in found] == [("N002", "exact")]
    _, found, _ = _run("--ignore", "N001,N002", str(path))
    assert not any(d["code"].startswith("N") for d in found)


def test_per_file_ignores_apply_to_corpus_rules(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("\n".join([WIRE_TITLE, *WIRE]) + "\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("\n".join([WIRE_TITLE, *WIRE[:6]]) + "\n", encoding="utf-8")
    (tmp_path / "lintnews.toml").write_text('[per-file-ignores]\n"b.txt" = ["N001"]\n', encoding="utf-8")
    result = CliRunner().invoke(
        main,
        ["check", "--no-cache", "--select", "N", "--config", str(tmp_path / "lintnews.toml"), str(tmp_path)],
    )
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ("shingle-szie = 4", "unknown configuration key `corpus.shingle-szie`"),
        ("num-perm = 0", "`corpus.num-perm` must be from 8 to 1024; got 0"),
        ("min-jaccard = 1.5", "`corpus.min-jaccard` must be from 0 to 1; got 1.5"),
        ('keep = "newest"', "`corpus.keep` must be one of first, longest, oldest"),
        ('keep = "oldest"', "needs `corpus.date-field`"),
        ("template-min-docs = true", "`corpus.template-min-docs` must be an integer, not a boolean (True)"),
    ],
)
def test_config_errors(tmp_path: Path, table: str, message: str) -> None:
    (tmp_path / "a.txt").write_text("\n".join([WIRE_TITLE, *WIRE]) + "\n", encoding="utf-8")
    (tmp_path / "lintnews.toml").write_text(f"[corpus]\n{table}\n", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["check", "--no-cache", "--config", str(tmp_path / "lintnews.toml"), str(tmp_path / "a.txt")]
    )
    assert result.exit_code == 2
    assert message in result.stderr


def test_pyproject_corpus_table(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        "[tool.lintnews.corpus]\nmin-jaccard = 0.95\nmin-containment = 1.0\n", encoding="utf-8"
    )
    (tmp_path / "a.txt").write_text("\n".join([WIRE_TITLE, *WIRE]) + "\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("\n".join([WIRE_TITLE, *TYPOS]) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--no-cache", "--select", "N", str(tmp_path)])
    assert result.exit_code == 0, result.output  # typos put the copy under the stricter bar


# --- the library API --------------------------------------------------------------------------


def test_options_defaults_and_bands() -> None:
    opts = CorpusOptions.from_settings(Settings())
    assert (opts.shingle_size, opts.num_perm, opts.template_min_docs, opts.template_min_share) == (
        5,
        128,
        5,
        0.01,
    )
    bands, rows = lsh_bands(opts.threshold, opts.num_perm)
    assert bands * rows <= 128
    assert 1 - (1 - 0.5**rows) ** bands >= 0.95
    with pytest.raises(ConfigError, match="corpus.colour"):
        CorpusOptions.from_settings(Settings(corpus={"colour": 1}))


def test_signature_minhash_is_datasketch_over_line_shingles() -> None:
    from lintnews.hashing import hash32

    doc = Document("a.txt", "\n".join([WIRE_TITLE, *WIRE]))
    sig = CorpusSigner(Settings())(doc, [])
    shingles: list[bytes] = []
    for line in doc.lines:
        words = normalize(line).split()
        shingles += [" ".join(words[i : i + 5]).encode() for i in range(max(len(words) - 4, 1))]
    ref = MinHash(num_perm=128, hashfunc=hash32)  # datasketch, with lintnews's shingle hash
    ref.update_batch(shingles)
    assert sig.minhash is not None and np.array_equal(sig.minhash, ref.hashvalues)
    assert sig.shingles is not None and sig.shingles.tolist() == [hash32(s) for s in shingles]
    assert sig.shingles is not None and len(sig.shingles) == len(shingles)
    assert sig.text_hash is not None and len(sig.text_hash) == 16


def test_batch_signing_equals_one_by_one() -> None:
    signer = CorpusSigner(Settings())
    docs = [Document(f"{i}.txt", "\n".join([t, *b])) for i, (t, b) in enumerate(SITE_STORIES)]
    batch = signer.sign_batch([(d, []) for d in docs])
    for doc, sig in zip(docs, batch):
        one = signer(doc, [])
        assert np.array_equal(one.minhash, sig.minhash) and np.array_equal(one.shingles, sig.shingles)
        assert np.array_equal(one.lines, sig.lines)


def test_signature_rows_and_shingled_lines_are_those_of_the_straightforward_walk() -> None:
    """The signer walks only the edge lines in Python: its template rows and shingled lines
    equal those of a walk over every line, on a long text with blank, whitespace-only and
    punctuation-only lines, long lines, short ones and lines a chrome rule flagged."""
    from lintnews.corpus.signature import EDGE_LINES, MAX_TEMPLATE_CHARS
    from lintnews.diagnostics import Diagnostic, Severity
    from lintnews.hashing import shingle_hashes

    body = [
        *WIRE,
        "",
        "   ",
        "* * *",
        "Share this story on Facebook",
        "Short line",
        "x " * 200,
        *[f"Paragraph {n} of the story goes on with more words here" for n in range(60)],
        "\t",
        "Read more stories from our newsroom today",
        "Copyright 2024 The Harbour Times all rights",
    ]
    doc = Document("a.txt", "\n".join([WIRE_TITLE, "", *body, ""]))
    flagged = doc.lines.index("Share this story on Facebook")
    chrome = Diagnostic(
        "a.txt", None, flagged + 1, 1, flagged + 1, 10, "B002", "social-share", Severity.WARNING, "share"
    )
    options = CorpusOptions.from_settings(Settings())
    content = [i for i, line in enumerate(doc.lines) if line.strip()]
    n = len(content)
    norms = [normalize(line) for line in doc.lines]
    rows, shingled = [], []
    for rank, i in enumerate(content):
        if i == flagged or not norms[i]:
            continue
        words = norms[i].count(" ") + 1
        edge = rank < EDGE_LINES or n - 1 - rank < EDGE_LINES
        if edge and len(doc.lines[i]) <= MAX_TEMPLATE_CHARS and words >= options.template_min_words:
            rows.append((i + 1, min(rank, 255), min(n - 1 - rank, 255), words, len(shingled)))
        shingled.append(norms[i])
    _, per_line = shingle_hashes(shingled, options.shingle_size)
    bounds = np.concatenate(([0], np.cumsum(per_line)))
    sig = CorpusSigner(Settings()).sign_batch([(doc, [chrome])])[0]
    got = [(int(r["line"]), int(r["from_start"]), int(r["from_end"]), int(r["words"])) for r in sig.lines]
    assert got == [row[:4] for row in rows]
    assert [(int(r["lo"]), int(r["hi"])) for r in sig.lines] == [
        (bounds[r[4]], bounds[r[4] + 1]) for r in rows
    ]
    assert sig.shingles is not None and len(sig.shingles) == bounds[-1]
    assert 0 < len(rows) < n and flagged in content  # (the walk has rows to find, and a flagged line)


@pytest.mark.parametrize("seed", range(20))
def test_distinct_counts_of_the_kernel_equal_numpy(seed: int) -> None:
    import array

    from lintnews import native
    from lintnews.corpus.signature import _distinct_counts, py_distinct_counts

    rng = np.random.default_rng(seed)
    counts = rng.integers(0, 300, rng.integers(0, 9)).astype(np.int64)
    values = rng.integers(0, [3, 60, 2**32][seed % 3], int(counts.sum()), dtype=np.uint64).astype(np.uint32)
    expected = (
        [len(set(part.tolist())) for part in np.split(values, np.cumsum(counts)[:-1])] if len(counts) else []
    )
    assert py_distinct_counts(values, counts).tolist() == expected
    assert _distinct_counts(values, counts).tolist() == expected
    if native.compiled is not None:
        with pytest.raises(ValueError, match="add up"):
            native.compiled.distinct_counts(values, np.append(counts, 1))
        with pytest.raises(ValueError):
            native.compiled.distinct_counts(values.tobytes() + b"x", counts)
        # empty buffers may point anywhere (array.array's at a static byte): no alignment to check
        assert native.compiled.distinct_counts(array.array("I"), array.array("q", [0, 0])) == bytes(16)
        assert native.compiled.distinct_counts(array.array("I"), array.array("q")) == b""


@pytest.mark.parametrize("seed", range(30))
def test_comparable_sets_of_the_kernel_equal_numpy(seed: int) -> None:
    """The compiled comparable set (drop the template lines' ranges, sort, keep distinct values)
    equals numpy's and a set's, with ranges that overlap, are empty or run past the end."""
    import array

    from lintnews import native
    from lintnews.corpus.comparable import py_comparable_set

    rng = np.random.default_rng(seed)
    n = int(rng.integers(0, [40, 400, 3000][seed % 3]))
    values = rng.integers(0, [4, 500, 2**32][seed % 3], n, dtype=np.uint64).astype(np.uint32)
    drop = [int(x) for x in rng.integers(0, n + 10, 2 * int(rng.integers(0, 4)))]
    kept = [
        v
        for i, v in enumerate(values.tolist())
        if not any(lo <= i < hi for lo, hi in zip(drop[::2], drop[1::2]))
    ]
    assert py_comparable_set(values, drop).tolist() == sorted(set(kept))
    if native.compiled is not None:
        found = np.frombuffer(native.compiled.sorted_distinct(values, array.array("q", drop)), np.uint32)
        assert found.tolist() == sorted(set(kept))
        with pytest.raises(ValueError):
            native.compiled.sorted_distinct(values, array.array("q", [-1, 2]))
        with pytest.raises(ValueError):
            native.compiled.sorted_distinct(values, array.array("q", [1]))


def test_check_corpus_library_entry_point() -> None:
    docs = [
        Document("a.txt", "\n".join([WIRE_TITLE, *WIRE])),
        Document("b.txt", "\n".join([WIRE_TITLE, *TYPOS])),
    ]
    found = list(check_corpus(docs, Settings(select=["N"])))
    assert [(d.code, d.path, [r.path for r in d.related]) for d in found] == [("N001", "b.txt", ["a.txt"])]


def test_index_keeps_no_text() -> None:
    index = CorpusIndex(Settings())
    signer = CorpusSigner(Settings())
    index.add(signer(Document("a.txt", "\n".join([WIRE_TITLE, *WIRE])), []))
    kept = index.docs[0]
    assert index._title(0) == WIRE_TITLE  # kept on disk, not in memory
    values = [getattr(kept, f.name) for f in dataclasses.fields(kept)]
    assert not any(isinstance(v, (str, bytes)) and len(v) > 100 for v in values)
    assert list(index.finish()) == []


# --- the package's layout ----------------------------------------------------------------------


def _code_strings(path: Path) -> list[str]:
    """String constants of a module that are not docstrings."""
    import ast

    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        n.value
        for n in ast.walk(tree)
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docstrings
    ]


def test_corpus_codes_come_from_rule_metadata_only() -> None:
    import re

    import lintnews
    from lintnews.corpus.options import chrome_families, corpus_rules, droppable_codes

    root = Path(lintnews.__file__).parent
    modules = [*sorted((root / "corpus").glob("*.py")), *sorted((root / "run").glob("*.py"))]
    for module in modules:
        assert [s for s in _code_strings(module) if re.search(r"\bN\d{3}\b", s)] == [], module
        # selection and severities come from the rule selection, not from a Linter built for them
        # (`check_corpus` in index.py lints documents: it alone builds one)
        text = module.read_text(encoding="utf-8")
        if module.parent.name == "corpus":
            assert text.count("Linter(") == (1 if module.name == "index.py" else 0), module
        assert len(module.read_text(encoding="utf-8").splitlines()) <= 400, module
    assert {role: rule.code for role, rule in corpus_rules().items()} == {
        "near-duplicate": "N001",
        "exact-duplicate": "N002",
        "template": "N003",
    }
    assert droppable_codes() == {"N001", "N002"}
    assert chrome_families() == ("S", "B")


def test_severity_of_corpus_rules_follows_the_configuration(tmp_path: Path) -> None:
    story = "\n".join([WIRE_TITLE, *WIRE]) + "\n"
    (tmp_path / "a.txt").write_text(story, encoding="utf-8")
    (tmp_path / "b.txt").write_text(story, encoding="utf-8")
    (tmp_path / "lintnews.toml").write_text('[severity]\nN002 = "info"\n', encoding="utf-8")
    result = CliRunner().invoke(
        main,
        [
            "check",
            "--no-cache",
            "--select",
            "N",
            "--output-format",
            "json",
            "--config",
            str(tmp_path / "lintnews.toml"),
            str(tmp_path),
        ],
    )
    found = [(Path(d["path"]).name, d["code"], d["severity"]) for d in json.loads(result.stdout)]
    assert found == [("b.txt", "N002", "info")]


def test_a_cached_signature_of_another_hashing_scheme_is_a_miss() -> None:
    """A result-cache entry records the hashing scheme of its signatures: one written with
    another scheme (an older lintnews hashed shingles with SHA-1) is a miss, never compared
    (the run then signs the document again: `tests/test_cache_untrusted.py`)."""
    import msgpack

    from lintnews import cache
    from lintnews.hashing import SCHEME
    from lintnews.parallel import Analysis

    settings = Settings()
    doc = Document("a.txt", "\n".join([WIRE_TITLE, *WIRE]) + "\n")
    sig = CorpusSigner(settings)(doc)
    results, signatures = cache.unpair(
        cache.dump_unit([Analysis("a.txt", None, None, [], 100)], [sig]) or b""
    )
    spec = cache.signature_spec(settings)
    assert signatures is not None and cache.load_unit(results, "a.txt", None, spec) is not None
    (loaded,) = cache.load_signatures(signatures, spec, ("a.txt", None, None)) or [None]
    assert loaded is not None and loaded.scheme == SCHEME and np.array_equal(loaded.minhash, sig.minhash)
    assert cache.load_signatures(signatures, spec, ("b.txt", None, None)) is None  # (another document's)
    magic, fmt, kind, sigs = msgpack.unpackb(signatures, raw=False)
    assert sigs[0][-1] == SCHEME
    sigs[0][-1] = "sha1-32/affine32/0"
    old = msgpack.packb([magic, fmt, kind, sigs], use_bin_type=True)
    assert cache.load_signatures(old, spec) is None
    index = CorpusIndex(settings)
    with pytest.raises(ValueError, match="hashing scheme"):
        index.add(dataclasses.replace(sig, scheme="sha1-32/affine32/0"))
