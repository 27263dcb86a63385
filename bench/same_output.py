"""Same output before and after: lint the same inputs with two revisions of lintnews and compare.

    python bench/same_output.py OLD NEW INPUT...

OLD and NEW are git revisions of the repository (``--repo``, default: the one holding this
script), each checked out as a detached worktree under a temporary folder and installed there with
``pip install --no-deps --target`` (the C extension built as a user's install builds it; the
dependencies are the running environment's). Either may instead be a folder: a source tree (with
``pyproject.toml``: installed the same way, uncommitted changes included) or an installed
environment (with ``bin/python``: used as it is).

Each revision runs ``lintnews check --no-cache --isolated --select ALL --output-format json
--exit-zero INPUT...`` from the current folder, so the paths in both reports are the same.
Exit 0 when both print the same bytes and exit alike; 1 with the first differing diagnostics
otherwise; 2 when a revision cannot be checked out, installed or run.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent.parent
CHECK = ["check", "--no-cache", "--isolated", "--select", "ALL", "--output-format", "json", "--exit-zero"]


class Failed(Exception):
    """A revision that cannot be checked out, installed or run."""


@dataclass
class Result:
    label: str
    returncode: int
    stdout: bytes
    stderr: bytes


def _run(cmd: list[str], **kwargs: Any) -> subprocess.CompletedProcess[bytes]:
    done = subprocess.run(cmd, capture_output=True, **kwargs)
    if done.returncode != 0:
        tail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-5:]
        raise Failed(f"{' '.join(cmd[:4])} ...: exit {done.returncode}: " + " | ".join(tail))
    return done


class Revisions:
    """Installs revisions under one temporary folder; each commit once."""

    def __init__(self, repo: Path, work: Path) -> None:
        self.repo = repo
        self.work = work
        self.installed: dict[str, list[str]] = {}
        self.worktrees: list[Path] = []

    def command(self, rev: str) -> list[str]:
        """The command line that runs ``lintnews`` of ``rev``."""
        folder = Path(rev)
        if folder.is_dir() and (folder / "bin" / "python").exists():
            return [str(folder.resolve() / "bin" / "python"), "-m", "lintnews"]
        if folder.is_dir() and (folder / "pyproject.toml").exists():
            key = str(folder.resolve())
            source = folder.resolve()
        else:
            try:
                key = (
                    _run(["git", "-C", str(self.repo), "rev-parse", "--verify", f"{rev}^{{commit}}"])
                    .stdout.decode()
                    .strip()
                )
            except Failed:
                raise Failed(
                    f"{rev}: not a revision of {self.repo}, nor a source tree or an environment"
                ) from None
            source = self.work / f"src-{key[:12]}"
            if key not in self.installed:
                _run(
                    ["git", "-C", str(self.repo), "worktree", "add", "--detach", "--quiet", str(source), key]
                )
                self.worktrees.append(source)
        if key not in self.installed:
            site = self.work / f"site-{len(self.installed)}"
            _run(
                [
                    sys.executable,
                    "-m",
                    "pip",
                    "install",
                    "--quiet",
                    "--no-deps",
                    "--target",
                    str(site),
                    str(source),
                ]
            )
            # A runner that puts the installed copy first on the path, whatever else is installed.
            self.installed[key] = [sys.executable, "-c", _RUNNER, str(site)]
        return self.installed[key]

    def close(self) -> None:
        for tree in self.worktrees:
            subprocess.run(
                ["git", "-C", str(self.repo), "worktree", "remove", "--force", str(tree)], capture_output=True
            )


#: Runs lintnews from the folder in argv[1], and refuses any other copy.
_RUNNER = """\
import os, runpy, sys
site = sys.argv.pop(1)
sys.path.insert(0, site)
os.environ["PYTHONPATH"] = site + os.pathsep + os.environ.get("PYTHONPATH", "")  # worker processes too
import lintnews
if not os.path.abspath(lintnews.__file__).startswith(os.path.abspath(site) + os.sep):
    sys.exit(f"same_output: imported {lintnews.__file__}, not the copy in {site}")
sys.argv[0] = "lintnews"
runpy.run_module("lintnews", run_name="__main__")
"""


def run(revisions: Revisions, rev: str, inputs: list[str]) -> Result:
    command = revisions.command(rev)
    done = subprocess.run([*command, *CHECK, *inputs], capture_output=True)
    if done.returncode not in (0, 1, 2) or not done.stdout.lstrip().startswith(b"["):
        tail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-5:]
        raise Failed(f"{rev}: lintnews exited {done.returncode}: " + " | ".join(tail))
    return Result(rev, done.returncode, done.stdout, done.stderr)


def unread_inputs(revisions: Revisions, rev: str, inputs: list[str]) -> list[str]:
    """The inputs of which ``rev``'s lintnews would read no file (``check --show-files``): a
    folder it ignores would make both reports empty, and "byte-identical" would say nothing."""
    command = revisions.command(rev)
    done = _run([*command, "check", "--isolated", "--show-files", *inputs])
    listed = done.stdout.decode("utf-8", "replace").splitlines()
    unread = []
    for name in inputs:
        if name == "-":
            continue
        prefix = os.path.normpath(name)
        if not any(line == prefix or line.startswith(prefix.rstrip("/") + "/") for line in listed):
            unread.append(name)
    return unread


def _key(diagnostic: dict[str, Any]) -> str:
    where = diagnostic.get("path", "?") + (f"#{diagnostic['record']}" if diagnostic.get("record") else "")
    return f"{where}:{diagnostic.get('line')}:{diagnostic.get('column')}: {diagnostic.get('code')}"


def compare(old: Result, new: Result, out: Any = sys.stdout) -> bool:
    """Print the verdict; True when both runs printed the same bytes and exited alike."""
    same = old.stdout == new.stdout and old.returncode == new.returncode
    if same:
        count = len(json.loads(old.stdout))
        print(
            f"byte-identical: {count} diagnostics, {len(old.stdout)} bytes, exit {old.returncode}", file=out
        )
        if old.stderr != new.stderr:
            print("(stderr differs:)", file=out)
            print(f"  {old.label}: {old.stderr.decode('utf-8', 'replace').strip()[:500]}", file=out)
            print(f"  {new.label}: {new.stderr.decode('utf-8', 'replace').strip()[:500]}", file=out)
        return True
    if old.returncode != new.returncode:
        print(f"exit status differs: {old.label} {old.returncode}, {new.label} {new.returncode}", file=out)
    first: list[dict[str, Any]] = json.loads(old.stdout)
    second: list[dict[str, Any]] = json.loads(new.stdout)
    print(
        f"different: {old.label} {len(first)} diagnostics ({len(old.stdout)} bytes), "
        f"{new.label} {len(second)} ({len(new.stdout)} bytes)",
        file=out,
    )
    for index, (a, b) in enumerate(zip(first, second)):
        if a != b:
            print(f"first difference at diagnostic {index}:", file=out)
            print(f"- {old.label}: {_key(a)}", file=out)
            print(f"+ {new.label}: {_key(b)}", file=out)
            for field in sorted(set(a) | set(b)):
                if a.get(field) != b.get(field):
                    print(
                        f"  {field}: {json.dumps(a.get(field), ensure_ascii=False)[:300]}"
                        f" -> {json.dumps(b.get(field), ensure_ascii=False)[:300]}",
                        file=out,
                    )
            return False
    if len(first) != len(second):
        longer, label = (first, old.label) if len(first) > len(second) else (second, new.label)
        print(
            f"only in {label}, from diagnostic {min(len(first), len(second))}: {_key(longer[min(len(first), len(second))])}",
            file=out,
        )
    elif first == second:
        print("the same diagnostics, serialised differently", file=out)
    return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("old", help="git revision, source tree or installed environment")
    parser.add_argument("new", help="git revision, source tree or installed environment")
    parser.add_argument("inputs", nargs="+", help="files or folders to lint")
    parser.add_argument("--repo", type=Path, default=HERE, help="the git repository of the revisions")
    parser.add_argument("--keep", action="store_true", help="keep the temporary worktrees and installs")
    parser.add_argument(
        "--save", type=Path, metavar="DIR", help="write both reports to DIR/old.json and DIR/new.json"
    )
    args = parser.parse_args(argv)
    for name in args.inputs:
        if name != "-" and not os.path.exists(name):
            print(f"same_output: {name}: no such file or folder", file=sys.stderr)
            return 2
    work = Path(tempfile.mkdtemp(prefix="lintnews-same-"))
    revisions = Revisions(args.repo.resolve(), work)
    try:
        unread = unread_inputs(revisions, args.old, args.inputs)
        if unread:
            print(
                f"same_output: lintnews reads no file of {', '.join(unread)} (ignored: a .gitignore or "
                "the default excludes); name files it reads, or copy them elsewhere",
                file=sys.stderr,
            )
            return 2
        old = run(revisions, args.old, args.inputs)
        new = run(revisions, args.new, args.inputs)
        if args.save:
            args.save.mkdir(parents=True, exist_ok=True)
            (args.save / "old.json").write_bytes(old.stdout)
            (args.save / "new.json").write_bytes(new.stdout)
        return 0 if compare(old, new) else 1
    except Failed as error:
        print(f"same_output: {error}", file=sys.stderr)
        return 2
    finally:
        if args.keep:
            print(f"kept: {work}", file=sys.stderr)
        else:
            revisions.close()
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
