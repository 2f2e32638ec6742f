#!/usr/bin/env python3
"""The typical queries' warm median for several builds at once, interleaved, as ratios to the first: what
`typical-took.py` measures, for comparing builds on a noisy machine.

    /usr/bin/python3 Benchmarks/Scripts/typical-took-interleaved.py ROUNDS NEWSEARCH:INDEX NEWSEARCH:INDEX...

Each round runs every build once in turn: one `newsearch query --index INDEX --stdin --json` process answering
each of the 65 typical queries 12 times in a row (the first two answers of each are warm-ups). A query's figure for
a build is the least, over the rounds, of its median `took_ms`; the build's figure is the median over the queries.
Prints each build's median, its ratio to the first build's, and the geometric mean of the per-query ratios. Give
each build an index it made itself: ranked heads are kept for the model that ranked them.
"""
import json
import math
import statistics
import subprocess
import sys

from typical_queries import typical_queries

RUNS = 12


def main() -> None:
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    rounds = int(sys.argv[1])
    builds = [argument.rsplit(":", 1) for argument in sys.argv[2:]]
    queries = typical_queries()
    lines = "\n".join(query for query in queries for _ in range(RUNS)) + "\n"
    best: dict[tuple[str, str], float] = {}
    for _ in range(rounds):
        for newsearch, index in builds:
            answer = subprocess.run([newsearch, "query", "--index", index, "--stdin", "--json"], input=lines,
                                    capture_output=True, text=True, check=True)
            took = [json.loads(line)["took_ms"] for line in answer.stdout.splitlines() if line.strip()]
            for number, query in enumerate(queries):
                median = statistics.median(took[number * RUNS + 2:(number + 1) * RUNS])
                best[(newsearch, query)] = min(best.get((newsearch, query), math.inf), median)
    first = builds[0][0]
    medians = {newsearch: statistics.median(best[(newsearch, query)] for query in queries) for newsearch, _ in builds}
    for newsearch, _ in builds:
        ratios = [best[(newsearch, query)] / best[(first, query)] for query in queries]
        geometric = math.exp(sum(math.log(ratio) for ratio in ratios) / len(ratios))
        print(f"{newsearch}: median {medians[newsearch]:.3f} ms, ×{medians[newsearch] / medians[first]:.3f} the "
              f"first's; geometric mean of the per-query ratios ×{geometric:.3f}")


if __name__ == "__main__":
    main()
