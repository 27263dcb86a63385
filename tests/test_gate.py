"""Gating: severities and --fail-on, baselines, document scores, statistics, JSONL splitting."""

from __future__ import annotations

import json
import os
from pathlib import Path

from click.testing import CliRunner

from lintnews.cli import main
from lintnews.config import Settings
from lintnews.document import Document
from lintnews.engine import Linter
from lintnews.gate import score

LEDE = "Talks resumed in Geneva on Monday after a two-week pause, officials from both delegations said."
SECOND = "Both sides said they expected a long week of negotiations over the prisoner exchange."
THIRD = "The mediators declined to say when a joint statement might be published."
DUPLICATED = f"{LEDE}\n\n{SECOND}\n\n{LEDE}\n"
CLEAN = f"{LEDE}\n\n{SECOND}\n\n{THIRD}\n"


def run(args: list[str], cwd: Path) -> tuple[int, str, str]:
    old = os.getcwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(main, ["check", *args])
    finally:
        os.chdir(old)
    return result.exit_code, result.stdout, result.stderr


def test_score_weighs_severity_and_coverage() -> None:
    linter = Linter(Settings())
    clean = Document(path="c.txt", text=CLEAN)
    assert score(clean, linter.lint(clean).diagnostics) == 100
    dup = Document(path="d.txt", text=DUPLICATED)
    diags = linter.lint(dup).diagnostics
    assert [d.code for d in diags] == ["D001"]
    # One error covering a third of the text: 100 * (1 - (0.03 + 97/282)).
    covered = (len(LEDE) + 1) / len(DUPLICATED)
    assert score(dup, diags) == round(100 * (1 - (0.03 + covered)))


def test_score_counts_the_characters_of_the_lines_a_diagnostic_spans() -> None:
    from lintnews.diagnostics import Diagnostic, Severity

    text = "Headline\nFirst paragraph of the story.\n\nSecond one.\nLast"
    doc = Document(path="s.txt", text=text)

    def warning(line: int, end_line: int) -> Diagnostic:
        return Diagnostic("s.txt", None, line, 1, end_line, 1, "B001", "x", Severity.WARNING, "m")

    # lines 2-4 (1-based) with their line breaks: "First paragraph of the story.\n\nSecond one.\n"
    middle = len("First paragraph of the story.\n\nSecond one.\n")
    assert score(doc, [warning(2, 4)]) == round(100 * (1 - 0.5 * (0.03 + middle / len(text))))
    # the last line counts one character past the text (as each line does its line break); an
    # end past the last line stops there
    last = len("Second one.\nLast") + 1
    assert score(doc, [warning(4, 9)]) == round(100 * (1 - 0.5 * (0.03 + last / len(text))))
    both = 0.5 * (0.03 + middle / len(text)) + 0.5 * (0.03 + last / len(text))
    assert score(doc, [warning(2, 4), warning(4, 9)]) == round(100 * (1 - both))
    # an end before the start covers nothing
    assert score(doc, [warning(5, 3)]) == round(100 * (1 - 0.5 * 0.03))


def test_severity_override_and_fail_on(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(DUPLICATED)
    assert run(["a.txt"], tmp_path)[0] == 1
    (tmp_path / "lintnews.toml").write_text('[severity]\nD = "warning"\n')
    code, out, _ = run(["a.txt"], tmp_path)
    assert code == 0 and "D001" in out  # reported, but below the failing severity
    assert run(["--fail-on", "warning", "a.txt"], tmp_path)[0] == 1
    code, out, _ = run(["--format", "json", "a.txt"], tmp_path)
    assert json.loads(out)[0]["severity"] == "warning"


def test_baseline_hides_known_findings_and_counts_gone_ones(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(DUPLICATED)
    code, _, _ = run(["--write-baseline", "base.json", "a.txt"], tmp_path)
    assert code == 1
    entries = json.loads((tmp_path / "base.json").read_text())["entries"]
    assert [(e["path"], e["code"], e["count"]) for e in entries] == [("a.txt", "D001", 1)]
    # Edits elsewhere in the file move the finding but do not invalidate the baseline.
    article.write_text(f"{THIRD}\n\n{DUPLICATED}")
    code, out, err = run(["--baseline", "base.json", "a.txt"], tmp_path)
    assert code == 0, out
    assert "1 known findings hidden; 0 baseline entries no longer occur" in out + err
    # A new finding fails; the fixed old one is counted as gone.
    article.write_text(f"{SECOND}\n\n{THIRD}\n\n{THIRD}\n")
    code, out, err = run(["--baseline", "base.json", "a.txt"], tmp_path)
    assert code == 1
    assert "0 known findings hidden; 1 baseline entries no longer occur" in out + err


def test_bad_baseline_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(CLEAN)
    (tmp_path / "base.json").write_text("{not json")
    code, _, err = run(["--baseline", "base.json", "a.txt"], tmp_path)
    assert code == 2 and "base.json" in err


def test_min_score_fails_low_documents(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(DUPLICATED)
    (tmp_path / "lintnews.toml").write_text('[severity]\nD = "info"\n')
    assert run(["a.txt"], tmp_path)[0] == 0
    code, out, _ = run(["--min-score", "99", "a.txt"], tmp_path)
    assert code == 1 and "1 documents scored below 99" in out
    assert run(["--min-score", "50", "a.txt"], tmp_path)[0] == 0


def test_statistics_in_text_and_json(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(DUPLICATED)
    (tmp_path / "b.txt").write_text(CLEAN)
    code, out, _ = run(["--no-corpus", "--statistics", "a.txt", "b.txt"], tmp_path)
    assert "1  D001  duplicate-paragraph" in out
    assert "1 of 2 documents has diagnostics" in out
    code, out, _ = run(["--no-corpus", "--statistics", "--format", "json", "a.txt", "b.txt"], tmp_path)
    data = json.loads(out)
    assert [d["code"] for d in data["diagnostics"]] == ["D001"]
    assert [(d["path"], d["score"] == 100) for d in data["documents"]] == [("a.txt", False), ("b.txt", True)]
    assert data["statistics"]["rules"][0]["code"] == "D001"
    assert data["statistics"]["scores"]["histogram"]["100"] == 1


def test_accepted_and_rejected_outputs_copy_records_untouched(tmp_path: Path) -> None:
    good = json.dumps({"id": "g", "text": CLEAN, "extra": [1, 2]}, indent=None)
    bad = json.dumps({"id": "b", "text": DUPLICATED})
    broken = '{"id": "x", '
    (tmp_path / "c.jsonl").write_text(f"{good}\n{bad}\n{broken}\n")
    code, _, _ = run(["--accepted-output", "ok.jsonl", "--rejected-output", "no.jsonl", "c.jsonl"], tmp_path)
    assert code == 2  # the broken record is an input error
    assert (tmp_path / "ok.jsonl").read_text() == f"{good}\n"
    assert (tmp_path / "no.jsonl").read_text() == f"{bad}\n{broken}\n"
