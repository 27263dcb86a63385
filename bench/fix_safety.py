"""Does ``--fix`` ever delete main text? Counted on trafilatura's annotated pages.

For every extracted page text (the cache `bench/quality.py` writes), apply lintnews's fixes
(safe ones, then safe + unsafe) and count the ``with`` snippets (annotated main text) that were in
the text before and are gone after. Also counts how many ``without`` snippets (boilerplate) the
fixes removed. Usage::

    python bench/quality.py /path/to/eval/trafilatura --limit 1   # once, to fill the text cache
    python bench/fix_safety.py /path/to/eval/trafilatura [--extractor all]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import quality  # noqa: E402

from lintnews.config import Settings  # noqa: E402
from lintnews.document import Document  # noqa: E402
from lintnews.engine import Linter  # noqa: E402
from lintnews.fixes import FixPolicy, fix_document  # noqa: E402


def present(text: str, snippets: list[str]) -> set[int]:
    toks = " " + " ".join(quality.tokens(text)) + " "
    out = set()
    for i, s in enumerate(snippets):
        st = quality.tokens(s)
        if len(st) >= 2 and " " + " ".join(st) + " " in toks:
            out.add(i)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("eval_dir", type=Path)
    ap.add_argument("--extractor", default="all", choices=[*quality.EXTRACTORS, "all"])
    ap.add_argument("--cache", type=Path, default=Path(__file__).resolve().parent / "out" / "extracted")
    ap.add_argument("--show", type=int, default=10, help="print up to N lost `with` snippets")
    args = ap.parse_args()
    annotations = json.loads((args.eval_dir / "annotations.json").read_text(encoding="utf-8"))
    extractors = quality.EXTRACTORS if args.extractor == "all" else (args.extractor,)
    linter = Linter(Settings())
    lint = lambda d: linter.lint(d).diagnostics  # noqa: E731
    print(
        "| extractor | fixes | pages changed | `with` snippets present | `with` lost | `without` present | `without` removed |"
    )
    print("|---|---|--:|--:|--:|--:|--:|")
    shown = 0
    for extractor in extractors:
        for label, policy in (("safe", FixPolicy()), ("safe+unsafe", FixPolicy(unsafe=True))):
            counts: Counter[str] = Counter()
            for doc_id, ann in sorted(annotations.items()):
                path = args.cache / extractor / f"{doc_id}.txt"
                if not path.exists():
                    continue
                text = path.read_text(encoding="utf-8")
                outcome = fix_document(Document(path=doc_id, text=text), lint, policy)
                after = outcome.document.text
                counts["changed"] += after != text
                with_before = present(text, ann.get("with", []))
                with_after = present(after, ann.get("with", []))
                lost = with_before - with_after
                counts["with"] += len(with_before)
                counts["with_lost"] += len(lost)
                wo_before = present(text, ann.get("without", []))
                counts["without"] += len(wo_before)
                counts["without_removed"] += len(wo_before - present(after, ann.get("without", [])))
                for i in sorted(lost):
                    if shown < args.show:
                        shown += 1
                        print(
                            f"  lost ({extractor}, {label}) {doc_id}: {ann['with'][i][:100]!r}",
                            file=sys.stderr,
                        )
            print(
                f"| {extractor} | {label} | {counts['changed']} | {counts['with']} | {counts['with_lost']} | "
                f"{counts['without']} | {counts['without_removed']} |"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
