"""``make bench``: run every benchmark and print fielddoc next to its baseline.

``python -m bench [NAME ...]`` runs only the named benchmarks (records, ...).
"""

from __future__ import annotations

import sys

from bench import (
    bench_age,
    bench_evidence,
    bench_exchange,
    bench_gui,
    bench_package,
    bench_records,
)

BENCHMARKS = {
    "records": bench_records.main,
    "evidence": bench_evidence.main,
    "exchange": bench_exchange.main,
    "gui": bench_gui.main,
    "age": bench_age.main,
    "package": bench_package.main,
}


def main(argv: list[str]) -> int:
    chosen = argv or list(BENCHMARKS)
    for name in chosen:
        if name not in BENCHMARKS:
            print(f"unknown benchmark {name!r}; choose from {', '.join(BENCHMARKS)}")
            return 2
        BENCHMARKS[name]()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
