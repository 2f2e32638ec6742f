#!/usr/bin/env python3
"""Checks that the frequent terms' ranked heads answer as ranking every hit does, and what they save.

    /usr/bin/python3 Benchmarks/Scripts/heads-equivalence.py INDEX [NEWSEARCH]

Copies INDEX (made by `newsearch index`, with its heads) to a temporary file and empties the copy's heads
(`newsearch_heads`, which newsearch then ranks without); asks both, in one `newsearch query --stdin --json` process
each, three searches of every term that has a head: the first page of 10, a page of 20 at a random offset within
the head (fixed seed), and a page of 3; and compares each answer's total, total_exact and hits (path, score,
snippet). Prints the number of searches, how many differ (the first few), and the sum of `took_ms` on each side.
NEWSEARCH defaults to the release build of this checkout.
"""
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def answers(newsearch: str, index: str, lines: list) -> list:
    done = subprocess.run([newsearch, "query", "--index", index, "--stdin", "--json"],
                          input="\n".join(lines) + "\n", capture_output=True, text=True, check=True)
    return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]


def main() -> None:
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    index = sys.argv[1]
    newsearch = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, "..", "..", ".build", "release", "newsearch")
    terms = [row[0].strip('"') for row in sqlite3.connect(index).execute(
        "SELECT expression FROM newsearch_heads WHERE expression LIKE '\"%' ORDER BY expression")]
    if not terms:
        sys.exit(f"{index} holds no ranked heads (fewer than 8,192 articles, or changed since the last index run)")
    random.seed(7)
    lines = []
    for term in terms:
        lines += [json.dumps({"q": term}), json.dumps({"q": term, "limit": 20, "offset": random.randint(0, 236)}),
                  json.dumps({"q": term, "limit": 3})]
    with tempfile.TemporaryDirectory() as folder:
        bare = os.path.join(folder, "without-heads.db")
        shutil.copyfile(index, bare)
        with sqlite3.connect(bare) as db:
            db.execute("DELETE FROM newsearch_heads")
        with_heads, without = answers(newsearch, index, lines), answers(newsearch, bare, lines)
    differ = 0
    for line, a, b in zip(lines, with_heads, without):
        pages = [[(hit["path"], hit["score"], hit.get("snippet")) for hit in x["hits"]] for x in (a, b)]
        if pages[0] != pages[1] or (a["total"], a.get("total_exact")) != (b["total"], b.get("total_exact")):
            differ += 1
            if differ <= 5:
                print("differs:", line, a["total"], b["total"], pages[0][:2], pages[1][:2])
    took = [sum(x["took_ms"] for x in side) for side in (with_heads, without)]
    print(f"{len(terms)} terms with a head, {len(lines)} searches: {differ} differ; "
          f"took_ms summed {took[0]:.1f} with the heads, {took[1]:.1f} without")


if __name__ == "__main__":
    main()
