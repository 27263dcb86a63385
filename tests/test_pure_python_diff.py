"""Differential test of the whole CLI: with the compiled kernels and with
``LINTNEWS_PURE_PYTHON=1``, on hostile Unicode in every input kind, lintnews prints the same
bytes (JSON with statistics, and the diff of what --fix would change) and exits the same.

The kernels (word splitting, normalised lines, line keys, shingle hashes) must equal their
Python definitions on every string; tests/test_native.py compares them one by one, this test
compares what a user sees."""

from __future__ import annotations

import gzip
import json
import os
import random
import subprocess
import sys
from pathlib import Path

from lintnews import native

#: Characters where Unicode's rules differ from ASCII habits: case folding that changes length
#: or script, NFKC that composes or decomposes, line separators `str.splitlines` knows and
#: `split("\n")` does not, spaces and joiners, digits of other scripts, astral characters.
HOSTILE = [
    "Straße STRASSE ẞ",
    "İstanbul ıi",
    "ΣΊΣΥΦΟΣ σίσυφος ς",
    "Ꭰꭰ Cherokee",
    "ﬁnancial ﬂow ﬀ",
    "ＦＵＬＬ ｗｉｄｔｈ",
    "e\u0301te\u0301 café",
    "ḱ\u0323 q\u0307\u0323",
    "한국어 ᄒ\u1161\u11ab",
    "𝐁𝐨𝐥𝐝 𝟙𝟚𝟛",
    "Ⅻ ½ ² ٣٤ ߁",
    "ʼapostrophe’s",
    "line\u2028sep",
    "para\u2029sep",
    "next\x85line",
    "vt\x0bff\x0cfs\x1cgs\x1drs\x1e",
    "nb\u00a0sp thin\u2009sp",
    "ideo\u3000space",
    "zero\u200bwidth jo\u200dined non\u200cjoined",
    "soft\u00adhyphen",
    "bidi \u202ertl\u202c \u2067iso\u2069",
    "emoji 👩\u200d👩\u200d👧 🏳️\u200d🌈 ✌🏽",
    "variation ︎️",
    "العربية والفارسی",
    "עברית",
    "中文。日本語、カタカナ",
    "देवनागरी क्ष",
    "snake_case words-with-hyphens it's",
    "„Zitat“ «citation» “quote”",
    "— – ‐ -",
    "\ufffd\ufeff",
]
LEDE = "Talks resumed in Geneva on Monday after a two-week pause, officials from both delegations said."
SECOND = "Both sides said they expected a long week of negotiations over the prisoner exchange."


def article(rng: random.Random, i: int) -> str:
    lines = [f"Harbour Talks Resume {HOSTILE[i % len(HOSTILE)]}", ""]
    for _ in range(8):
        pick = rng.sample(HOSTILE, 3)
        lines.append(f"{LEDE} {pick[0]} {SECOND} {pick[1]}.{pick[2]}")
        lines.append("")
    lines += [
        f"{LEDE} {HOSTILE[i % len(HOSTILE)]}",
        "",
        "Read more:",
        "",
        f"> {LEDE}",
        "",
        "Share on Facebook",
        "",
    ]
    ending = "the STRASSE and straße délégations said they would meet again on" if i % 2 else "The end."
    return "\n".join(lines) + f"{SECOND} {ending}\n"


def make_inputs(root: Path) -> None:
    rng = random.Random(21)
    for i in range(6):
        text = article(rng, i)
        (root / f"a{i}.txt").write_text(text, encoding="utf-8")
        (root / f"m{i}.md").write_text("<!-- lintnews: disable-next-line=S001 -->\n" + text, encoding="utf-8")
        body = "".join(f"<p>{line}</p>\n" for line in text.split("\n") if line)
        (root / f"h{i}.html").write_text(
            f"<html><head><meta charset='utf-8'></head><body>{body}</body></html>", encoding="utf-8"
        )
    # four stories, each also as a near copy (a line added: N001) and an exact copy (N002)
    stories = [article(rng, k) for k in range(4)]
    texts = stories + [t + f"Updated {HOSTILE[k]} at noon.\n" for k, t in enumerate(stories)] + stories
    records = [json.dumps({"id": f"r{i}", "text": t}, ensure_ascii=i % 2 == 0) for i, t in enumerate(texts)]
    (root / "c.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    with gzip.open(root / "d.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write("\n".join(records[:5]) + "\n")


def run(root: Path, pure: bool, *args: str) -> tuple[int, str, str]:
    env = {k: v for k, v in os.environ.items() if k != "LINTNEWS_PURE_PYTHON"}
    if pure:
        env["LINTNEWS_PURE_PYTHON"] = "1"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "lintnews",
            "check",
            "--isolated",
            "--no-cache",
            "--extend-select",
            "ALL",
            *args,
            ".",
        ],
        cwd=root,
        env=env,
        capture_output=True,
        timeout=600,
    )
    return (
        proc.returncode,
        proc.stdout.decode("utf-8", "surrogateescape"),
        proc.stderr.decode("utf-8", "surrogateescape"),
    )


def test_compiled_kernels_and_pure_python_print_the_same(tmp_path: Path) -> None:
    assert native.compiled is not None  # the editable install builds them: the comparison is real
    make_inputs(tmp_path)
    for args in (("--format", "json", "--statistics"), ("--diff", "--unsafe-fixes")):
        compiled = run(tmp_path, False, *args)
        pure = run(tmp_path, True, *args)
        assert compiled == pure, args
        assert compiled[0] == 1, compiled[2]
    found = json.loads(run(tmp_path, False, "--format", "json")[1])
    # the inputs exercise the kernels: duplicates, phrase lines, truncation, corpus copies
    assert {"D001", "S001", "N001", "N002", "T002"} <= {d["code"] for d in found}
