#!/usr/bin/env python3
"""The engine-speed issue's own figure: the median over the typical queries of newsearch's library-level search
time, warm, as `newsearch query --stdin --json` reports it in `took_ms`.

    /usr/bin/python3 Benchmarks/Scripts/typical-took.py INDEX [RUNS] [NEWSEARCH]

Each of the 65 typical queries (read from Benchmarks/Sources/BenchmarkSupport/TypicalQueries.swift) is written
RUNS times in a row (default 22) to one `newsearch query --index INDEX --stdin --json` process; the first two
answers of each query are warm-ups. Prints the median and p99 (nearest rank) of the per-query medians, how many
queries have a median of at most 0.5 ms, and the queries around the median. NEWSEARCH defaults to the release
build of this checkout. Unlike `compare`, no other engine runs between two searches, so caches stay warm.
"""
import json
import math
import os
import statistics
import subprocess
import sys

from typical_queries import typical_queries

HERE = os.path.dirname(os.path.abspath(__file__))


def main() -> None:
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    index = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 22
    newsearch = sys.argv[3] if len(sys.argv) > 3 else os.path.join(HERE, "..", "..", ".build", "release", "newsearch")
    queries = typical_queries()
    lines = [query for query in queries for _ in range(runs)]
    answer = subprocess.run([newsearch, "query", "--index", index, "--stdin", "--json"],
                            input="\n".join(lines) + "\n", capture_output=True, text=True, check=True)
    took = [json.loads(line)["took_ms"] for line in answer.stdout.splitlines() if line.strip()]
    if len(took) != len(lines):
        sys.exit(f"{len(took)} answers for {len(lines)} lines")
    medians = sorted((statistics.median(took[i * runs + 2:(i + 1) * runs]), query) for i, query in enumerate(queries))
    values = [value for value, _ in medians]
    p99 = values[min(len(values) - 1, math.ceil(0.99 * len(values)) - 1)]
    under = sum(1 for value in values if value <= 0.5)
    middle = len(medians) // 2
    print(f"{len(queries)} typical queries, {runs - 2} warm runs each: median of the per-query medians "
          f"{statistics.median(values):.3f} ms, p99 {p99:.3f} ms, {under} of {len(queries)} at most 0.5 ms")
    print("around the median: " + "; ".join(f"{query} {value:.3f}" for value, query in medians[middle - 4:middle + 5]))


if __name__ == "__main__":
    main()
