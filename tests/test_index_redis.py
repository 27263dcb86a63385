"""The shared index on Redis (issue 18): a real `redis-server` (Debian's package `redis-server`;
`.ci/run` installs it) on a free loopback port, with its own folder and persistence on."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from index_helpers import corpora, findings, lintnews, records, write_jsonl

CHECK = ("check", "--isolated", "--no-cache", "--format", "json", "-q", "--select", "N001,N002")


class Server:
    def __init__(self, folder: Path) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            pytest.fail("redis-server is not installed: `apt-get install redis-server` (as .ci/run does)")
        self.binary = binary
        self.folder = folder
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [
                self.binary,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--dir",
                str(self.folder),
                "--appendonly",
                "yes",
                "--appendfsync",
                "always",
                "--save",
                "",
                "--protected-mode",
                "no",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1) as c:
                    c.sendall(b"PING\r\n")
                    if c.recv(64).startswith(b"+PONG"):
                        return
            except OSError:
                time.sleep(0.05)
        pytest.fail(f"redis-server did not start on port {self.port}")

    def kill(self) -> None:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    folder = tmp_path / "redis"
    folder.mkdir()
    srv = Server(folder)
    srv.start()
    try:
        yield srv
    finally:
        if srv.proc is not None and srv.proc.poll() is None:
            srv.kill()


def test_redis_index_equals_one_run_and_updates(tmp_path: Path, server: Server) -> None:
    corpora(tmp_path)
    both = lintnews(*CHECK, "a.jsonl", "b.jsonl", cwd=tmp_path)
    expected = [f for f in findings(both.stdout) if f[0].startswith("b-")]
    assert len(expected) == 4
    added = lintnews("index", "add", "--isolated", "--index", server.url, "a.jsonl", cwd=tmp_path)
    assert added.returncode == 0, added.stderr
    got = lintnews(*CHECK, "--index", server.url, "--index-update", "b.jsonl", cwd=tmp_path)
    assert got.returncode == 1, got.stderr
    assert findings(got.stdout) == expected
    stats = json.loads(
        lintnews("index", "stats", "--index", server.url, "--format", "json", cwd=tmp_path).stdout
    )
    assert stats["documents"] == 60 + 29  # b-3, an exact copy (an error), failed the gate
    assert stats["scheme"]["bands"] == 42


def test_two_workers_adding_at_once_see_each_other(tmp_path: Path, server: Server) -> None:
    write_jsonl(tmp_path / "p.jsonl", records("p", 200, 11))
    write_jsonl(tmp_path / "q.jsonl", records("q", 200, 12))
    exe = os.path.join(os.path.dirname(sys.executable), "lintnews")
    procs = [
        subprocess.Popen(
            [exe, "index", "add", "--isolated", "-j", "1", "--index", server.url, name],
            cwd=tmp_path,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("p.jsonl", "q.jsonl")
    ]
    outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    p = json.loads((tmp_path / "p.jsonl").read_text().splitlines()[199])["text"]
    q = json.loads((tmp_path / "q.jsonl").read_text().splitlines()[0])["text"]
    write_jsonl(
        tmp_path / "new.jsonl",
        [{"id": "x", "text": p + "\nAnd one more line at the end of it all."}, {"id": "y", "text": q}],
    )
    got = lintnews(*CHECK, "--index", server.url, "new.jsonl", cwd=tmp_path)
    assert [(f[0], f[1], f[4]) for f in findings(got.stdout)] == [
        ("x", "N001", "p.jsonl#p-199"),
        ("y", "N002", "q.jsonl#q-0"),
    ]
    stats = json.loads(
        lintnews("index", "stats", "--index", server.url, "--format", "json", cwd=tmp_path).stdout
    )
    assert stats["documents"] == 400


def test_a_server_restart_loses_nothing_acknowledged(tmp_path: Path, server: Server) -> None:
    corpora(tmp_path)
    assert (
        lintnews("index", "add", "--isolated", "--index", server.url, "a.jsonl", cwd=tmp_path).returncode == 0
    )
    server.kill()  # no clean shutdown: only what the append-only file holds survives
    server.start()
    stats = json.loads(
        lintnews("index", "stats", "--index", server.url, "--format", "json", cwd=tmp_path).stdout
    )
    assert stats["documents"] == 60
    got = lintnews(*CHECK, "--index", server.url, "b.jsonl", cwd=tmp_path)
    assert [(f[0], f[1]) for f in findings(got.stdout)] == [
        ("b-12", "N001"),
        ("b-21", "N001"),
        ("b-3", "N002"),
        ("b-7", "N001"),
    ]


def test_redis_remove_prune_scheme_and_unreachable(tmp_path: Path, server: Server) -> None:
    corpora(tmp_path)
    assert (
        lintnews("index", "add", "--isolated", "--index", server.url, "a.jsonl", cwd=tmp_path).returncode == 0
    )
    got = lintnews("index", "remove", "--index", server.url, "a.jsonl#a-5", cwd=tmp_path)
    assert got.returncode == 0, got.stderr
    check = lintnews(*CHECK, "--index", server.url, "b.jsonl", cwd=tmp_path)
    assert [(f[0], f[1]) for f in findings(check.stdout)] == [
        ("b-12", "N001"),
        ("b-21", "N001"),
        ("b-7", "N001"),
    ]
    got = lintnews("index", "prune", "--index", server.url, "--before", "2026-03-01", cwd=tmp_path)
    removed = sum(1 for i in range(60) if i != 5 and 1 + i % 9 < 3)
    assert got.stderr == f"Pruned {removed} document(s) dated before 2026-03-01 from {server.url}.\n"
    stats = json.loads(
        lintnews("index", "stats", "--index", server.url, "--format", "json", cwd=tmp_path).stdout
    )
    assert stats["documents"] == 59 - removed
    (tmp_path / "lintnews.toml").write_text("[corpus]\nnum-perm = 64\n")
    got = lintnews("check", "--no-cache", "--index", server.url, "b.jsonl", cwd=tmp_path)
    assert got.returncode == 2 and got.stderr.count("\n") == 1
    assert got.stderr.startswith(
        f"lintnews: error: {server.url}: the index was built with another scheme: num-perm 128"
    )
    server.kill()
    got = lintnews(*CHECK, "--index", server.url, "b.jsonl", cwd=tmp_path)
    assert got.returncode == 2 and got.stderr.count("\n") == 1, got.stderr
    assert got.stderr.startswith(f"lintnews: error: {server.url}: ") and "Traceback" not in got.stderr


#: `lintnews index add` with redis-py's pipelines watched: the process dies (as by `kill -9`) at
#: the first pipeline that does not write the documents' records (``lintnews:doc:NAME``), that
#: is, while the band keys are being written (datasketch's insertion session).
_DIES_WRITING_BAND_KEYS = """
import os, sys
import redis.client
execute = redis.client.Pipeline.execute
def watched(self, *args, **kwargs):
    if not any(len(cmd[0]) > 1 and bytes(cmd[0][1]).startswith(b"lintnews:doc:") for cmd in self.command_stack):
        os._exit(9)
    return execute(self, *args, **kwargs)
redis.client.Pipeline.execute = watched
from lintnews.cli import main
sys.argv = ["lintnews", *sys.argv[1:]]
main()
"""


def test_an_add_killed_while_writing_band_keys_adds_nothing(tmp_path: Path, server: Server) -> None:
    """The documents' records are written last, in one MULTI/EXEC: an add killed before it
    leaves the index as it was (no document findable by its exact text but not by its band
    keys), and the next add of the same documents works."""
    corpora(tmp_path)
    assert (
        lintnews("index", "add", "--isolated", "--index", server.url, "a.jsonl", cwd=tmp_path).returncode == 0
    )
    before = lintnews(*CHECK, "--index", server.url, "b.jsonl", cwd=tmp_path)
    died = subprocess.run(
        [
            sys.executable,
            "-c",
            _DIES_WRITING_BAND_KEYS,
            "index",
            "add",
            "--isolated",
            "-j",
            "1",
            "--index",
            server.url,
            "b.jsonl",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert died.returncode == 9, died.stderr
    stats = json.loads(
        lintnews("index", "stats", "--index", server.url, "--format", "json", cwd=tmp_path).stdout
    )
    assert stats["documents"] == 60
    after = lintnews(*CHECK, "--index", server.url, "b.jsonl", cwd=tmp_path)
    assert findings(after.stdout) == findings(before.stdout)
    assert (
        lintnews("index", "add", "--isolated", "--index", server.url, "b.jsonl", cwd=tmp_path).returncode == 0
    )
    copy = json.loads((tmp_path / "b.jsonl").read_text().splitlines()[0])
    write_jsonl(tmp_path / "new.jsonl", [{"id": "x", "text": copy["text"]}])
    got = lintnews(*CHECK, "--index", server.url, "new.jsonl", cwd=tmp_path)
    assert [(f[0], f[4]) for f in findings(got.stdout)] == [("x", "b.jsonl#b-0")]


def _calls(port: int, command: str) -> int:
    info = subprocess.run(
        ["redis-cli", "-p", str(port), "info", "commandstats"], capture_output=True, text=True, check=True
    ).stdout
    for line in info.splitlines():
        if line.startswith(f"cmdstat_{command}:"):
            return int(line.split("calls=")[1].split(",")[0])
    return 0


def test_a_large_cluster_is_read_once_per_run(tmp_path: Path, server: Server) -> None:
    """A syndicated story with many indexed copies fills band buckets past the peers a run
    compares: each bucket and each member's order are read once per run, however many batch
    documents (and candidates of candidates) share them. (A real crawl's clusters made one check
    read them again for every document and round: 9 GB and a quarter of an hour.)"""
    story = records("s", 1, 5)[0]["text"]
    copies = [{"id": f"c-{i}", "text": f"Syndicated by desk {i}.\n{story}"} for i in range(80)]
    write_jsonl(tmp_path / "archive.jsonl", copies)
    assert (
        lintnews(
            "index", "add", "--isolated", "--index", server.url, "archive.jsonl", cwd=tmp_path
        ).returncode
        == 0
    )
    batch = [{"id": f"n-{i}", "text": f"Syndicated by another desk {i}.\n{story}"} for i in range(40)]
    write_jsonl(tmp_path / "batch.jsonl", batch)
    before = {c: _calls(server.port, c) for c in ("smembers", "zscore")}
    got = lintnews(*CHECK, "--index", server.url, "batch.jsonl", cwd=tmp_path)
    assert got.returncode == 0, got.stderr  # (near copies: N001 warnings)
    assert {f[0] for f in findings(got.stdout)} == {f"n-{i}" for i in range(40)}
    zscore = _calls(server.port, "zscore") - before["zscore"]
    smembers = _calls(server.port, "smembers") - before["smembers"]
    assert zscore <= 80  # each indexed name's order once
    assert smembers <= 42 * 41  # each (band, key) once: 42 bands, at most 41 distinct keys per band


def _stat(port: int, field: str) -> int:
    info = subprocess.run(
        ["redis-cli", "-p", str(port), "info", "stats"], capture_output=True, text=True, check=True
    ).stdout
    return int(next(line for line in info.splitlines() if line.startswith(f"{field}:")).split(":")[1])


def test_a_syndicated_batch_is_looked_up_in_a_few_round_trips(tmp_path: Path, server: Server) -> None:
    """The candidate search asks the server for all of a round's band buckets in one pipeline
    of a few script calls (`_BUCKETS_LUA`: 200 buckets each), and the order of the names of
    large buckets in one ZMSCORE per 10,000 names: a few round trips and commands per round,
    not a pipeline per band table and a command per bucket and name (on a real crawl, 250,000
    commands and most of a check's time in the client)."""
    story = records("s", 1, 5)[0]["text"]
    copies = [{"id": f"c-{i}", "text": f"Syndicated by desk {i}.\n{story}"} for i in range(80)]
    write_jsonl(tmp_path / "archive.jsonl", [*copies, *records("a", 40, 1)])
    added = lintnews("index", "add", "--isolated", "--index", server.url, "archive.jsonl", cwd=tmp_path)
    assert added.returncode == 0, added.stderr
    batch = [
        *({"id": f"n-{i}", "text": f"Syndicated by another desk {i}.\n{story}"} for i in range(40)),
        *records("b", 20, 2),
    ]
    write_jsonl(tmp_path / "batch.jsonl", batch)
    reads, commands = (
        _stat(server.port, "total_reads_processed"),
        _stat(server.port, "total_commands_processed"),
    )
    smembers = _calls(server.port, "smembers")
    got = lintnews(*CHECK, "--index", server.url, "batch.jsonl", cwd=tmp_path)
    assert got.returncode == 0, got.stderr
    assert {f[0] for f in findings(got.stdout)} == {f"n-{i}" for i in range(40)}
    smembers = _calls(server.port, "smembers") - smembers
    # (less the INFO commands of this test: one read and one command each)
    reads = _stat(server.port, "total_reads_processed") - reads - 2
    commands = _stat(server.port, "total_commands_processed") - commands - 2 - smembers
    # per round (the batch; the 19 copies it found, which find nothing new) the scheme, a
    # pipeline of the text hashes, one of the buckets, the order; the documents; the
    # connection (one, not one per band table): 11 round trips, a large pipeline read in a few
    # parts. Before: 280 (a pipeline per band table, each on its own connection).
    assert reads <= 30, reads
    # the commands the client sent (a bucket's SMEMBERS runs in the script): the text hashes
    # and the documents, a ZRANGE and an HMGET each, and a few per round. Before: 335.
    assert commands <= 130, commands
    assert smembers <= 42 * 41  # each (band, key) once
