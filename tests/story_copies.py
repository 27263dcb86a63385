"""Stories in lightly edited copies, for the corpus phase's tests: each copy of a story has one
word of every paragraph changed (as syndicated wire stories are edited)."""

from __future__ import annotations

import random

WORDS = [f"w{i}" for i in range(3000)]


def story(rng: random.Random, paragraphs: int) -> list[str]:
    """A story of ``paragraphs`` paragraphs of 40 random words."""
    return [" ".join(rng.choice(WORDS) for _ in range(40)) + "." for _ in range(paragraphs)]


def edited_copy(rng: random.Random, paragraphs: list[str]) -> str:
    """A copy of the story ``paragraphs`` with one word of every paragraph changed."""
    out = []
    for p in paragraphs:
        words = p.split()
        words[rng.randrange(len(words))] = rng.choice(WORDS)
        out.append(" ".join(words))
    return "\n\n".join(out) + "\n"
