"""The plain datasketch near-duplicate pipeline the speed and quality benchmarks compare against.

MinHash over word 5-grams with ``update_batch`` (128 permutations), ``MinHashLSH`` at threshold
0.8, union-find over the candidate pairs. Usage: ``python bench/baseline_datasketch.py CORPUS.jsonl``
(prints the number of documents and of clustered documents).
"""

from __future__ import annotations

import json
import re
import sys

from datasketch import MinHash, MinHashLSH

WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, n: int = 5) -> list[bytes]:
    words = WORD.findall(text.lower())
    if len(words) < n:
        return [" ".join(words).encode("utf-8")] if words else []
    return [" ".join(words[i : i + n]).encode("utf-8") for i in range(len(words) - n + 1)]


def clusters(texts: list[str], num_perm: int = 128, threshold: float = 0.8) -> list[int]:
    """Cluster label (index of the cluster's first document) for every text."""
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    parent = list(range(len(texts)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, text in enumerate(texts):
        m = MinHash(num_perm=num_perm)
        m.update_batch(shingles(text))
        for j in lsh.query(m):
            a, b = find(i), find(int(j))
            if a != b:
                parent[max(a, b)] = min(a, b)
        lsh.insert(str(i), m)
    return [find(i) for i in range(len(texts))]


def main(path: str) -> None:
    texts = []
    with open(path, "rb") as fh:
        for line in fh:
            texts.append(json.loads(line).get("text", ""))
    labels = clusters(texts)
    clustered = sum(1 for i, c in enumerate(labels) if c != i)
    print(f"{len(texts)} documents, {clustered} near-duplicates")


if __name__ == "__main__":
    main(sys.argv[1])
