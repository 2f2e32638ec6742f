"""The 65 typical queries of Benchmarks/Sources/BenchmarkSupport/TypicalQueries.swift, for the scripts beside it:

    from typical_queries import typical_queries
"""
import os
import re

QUERIES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Sources", "BenchmarkSupport",
                       "TypicalQueries.swift")


def typical_queries() -> list:
    """The queries of the Swift list, in order, without its comment lines."""
    source = open(QUERIES, encoding="utf-8").read()
    body = source[source.index("typicalQueries: [String] = ["):]
    body = body[: body.index("\n]")]
    body = "\n".join(line for line in body.splitlines() if not line.strip().startswith("//"))
    return re.findall(r'"([^"]+)"', body)
