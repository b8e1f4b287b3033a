"""Helpers shared by the benchmarks: sample data, timing, percentiles, output."""

from __future__ import annotations

import json
import random
import statistics
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"


def narratives() -> list[dict[str, str]]:
    with (FIXTURES / "narratives.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def names() -> list[list[str]]:
    """Each entry: the Cyrillic name followed by its Latin spellings."""
    rows = []
    for line in (FIXTURES / "names-translit.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith(("#", "cyrillic")):
            continue
        cyrillic, latin = line.split("\t")
        rows.append([cyrillic, *latin.split("|")])
    return rows


def sample_records(count: int, seed: int = 1) -> Iterator[tuple[str, dict[str, Any]]]:
    """``count`` (template, body) pairs recombined from the samples: never a real person."""
    rng = random.Random(seed)
    texts = narratives()
    people = names()
    sentences = [s.strip() for t in texts for s in t["narrative"].split(".") if s.strip()]
    for index in range(count):
        base = texts[index % len(texts)]
        person = rng.choice(people)
        spelled = rng.choice(person)
        extra = " ".join(rng.sample(sentences, 3))
        narrative = f"{base['narrative']} {spelled} {extra} №{index}"
        if index % 5 == 4:
            yield "person", {"name": f"{spelled} {rng.choice(people)[0]}"}
        else:
            yield base["kind"], {"title": f"{base['title']} {index}", "narrative": narrative}


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def median(values: list[float]) -> float:
    return statistics.median(values)


def row(label: str, ours: float, theirs: float, unit: str, *, lower_is_better: bool = True) -> str:
    ratio = ours / theirs if theirs else float("inf")
    better = "lower" if lower_is_better else "higher"
    return (
        f"  {label:<44} fielddoc {ours:10.3f} {unit:<6} baseline {theirs:10.3f} {unit:<6} "
        f"ratio {ratio:6.2f} ({better} is better)"
    )


def heading(text: str) -> None:
    print()
    print(text)
    print("-" * len(text))
