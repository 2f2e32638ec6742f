#!/usr/bin/env python3
"""Daily updates, many times over: does an index that is updated run after run stay as good as a fresh one?

    /usr/bin/python3 Benchmarks/Scripts/update-runs.py CORPUS WORKDIR [RUNS] [CHANGED] [REMOVED] [ADDED] [NEWSEARCH]

Copies CORPUS (the shared corpus, ../shared/corpus) into WORKDIR/articles, leaving RUNS x ADDED articles aside,
indexes it, then applies RUNS update runs (defaults: 8 runs of 1,200 changed, 150 removed and 150 added articles;
a fixed seed). A changed article gets a paragraph appended (补充报道 and the run's number); removed ones are deleted;
added ones are moved in from the set left aside. After each run it prints the exit status, the time, the time of
the final merge (from the summary), the FTS5 segment count (read from the index's structure record), the file's
size and the typical queries' median search time. Then it times a small update (10 changed articles) and a run with
nothing changed. Then it builds a fresh index of the same files and compares: the article count, the totals of the typical queries and of the appended words, the size,
and the typical queries' median search time (`took_ms`, warm; three interleaved rounds). It exits 1 when a run
fails or a total differs. NEWSEARCH defaults to the release build of this checkout. WORKDIR is emptied first.
"""
import json
import os
import random
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys

from typical_queries import typical_queries
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def varint(data: bytes, at: int):
    """SQLite's (and FTS5's) variable-length integer at `at`: its value and the offset after it."""
    value = 0
    for i in range(8):
        byte = data[at + i]
        value = (value << 7) | (byte & 0x7F)
        if byte < 0x80:
            return value, at + i + 1
    return (value << 8) | data[at + 8], at + 9


def segments(index: str) -> int:
    """The number of segments in the FTS5 index: the second varint of its structure record (rowid 10)."""
    with sqlite3.connect(f"file:{index}?mode=ro", uri=True) as db:
        row = db.execute("SELECT block FROM newsearch_fts_data WHERE id = 10").fetchone()
    _, at = varint(row[0], 4)  # 4 bytes of cookie, then the level count
    count, _ = varint(row[0], at)
    return count


def size_mb(index: str) -> float:
    return sum(os.path.getsize(f) for f in (index, index + "-wal") if os.path.exists(f)) / 1e6


def run_index(newsearch: str, index: str, folder: str):
    started = time.monotonic()
    done = subprocess.run([newsearch, "index", "--quiet", "--index", index, folder], capture_output=True, text=True)
    seconds = time.monotonic() - started
    return done.returncode, seconds, " ".join(done.stdout.split()), done.stderr.strip()


def merge_seconds(summary: str) -> str:
    """The seconds of the run's final merge, as its summary says them, or '-' for a run that merged nothing."""
    merged = re.search(r"index merged in ([0-9.]+) s", summary)
    return merged.group(1) if merged else "-"


def answers(newsearch: str, index: str, queries: list) -> list:
    done = subprocess.run([newsearch, "query", "--index", index, "--stdin", "--json", "--limit", "10"],
                          input="\n".join(queries) + "\n", capture_output=True, text=True, check=True)
    return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]


def typical_median(newsearch: str, index: str, queries: list, runs: int = 12) -> float:
    lines = [query for query in queries for _ in range(runs)]
    took = [answer["took_ms"] for answer in answers(newsearch, index, lines)]
    return statistics.median(statistics.median(took[i * runs + 2:(i + 1) * runs]) for i in range(len(queries)))


def prepare(corpus: str, workdir: str, aside_count: int, rng: random.Random):
    shutil.rmtree(workdir, ignore_errors=True)
    articles, aside = os.path.join(workdir, "articles"), os.path.join(workdir, "aside")
    os.makedirs(articles)
    os.makedirs(aside)
    names = sorted(name for name in os.listdir(corpus) if name.endswith(".md"))
    set_aside = set(rng.sample(names, aside_count))
    for name in names:
        shutil.copyfile(os.path.join(corpus, name), os.path.join(aside if name in set_aside else articles, name))
    return articles, aside


def apply_run(number: int, articles: str, aside: str, counts: tuple, rng: random.Random) -> None:
    changed_count, removed_count, added_count = counts
    present = sorted(os.listdir(articles))
    picked = rng.sample(present, changed_count + removed_count)
    for name in picked[:changed_count]:
        with open(os.path.join(articles, name), "a", encoding="utf-8") as file:
            file.write(f"\n<p>补充报道第{number}次更新：本文于第{number}轮更新时补充了内容。</p>\n")
    for name in picked[changed_count:]:
        os.remove(os.path.join(articles, name))
    for name in sorted(os.listdir(aside))[:added_count]:
        shutil.move(os.path.join(aside, name), os.path.join(articles, name))


def main() -> None:
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    corpus, workdir = sys.argv[1], os.path.abspath(sys.argv[2])
    runs, changed, removed, added = (int(sys.argv[i]) if len(sys.argv) > i else default
                                     for i, default in ((3, 8), (4, 1200), (5, 150), (6, 150)))
    newsearch = os.path.abspath(sys.argv[7] if len(sys.argv) > 7
                                else os.path.join(HERE, "..", "..", ".build", "release", "newsearch"))
    rng = random.Random(22)
    articles, aside = prepare(corpus, workdir, runs * added, rng)
    updated, fresh = os.path.join(workdir, "updated.db"), os.path.join(workdir, "fresh.db")
    status, seconds, summary, _ = run_index(newsearch, updated, articles)
    print(f"initial index: exit {status}, {seconds:.1f} s, {segments(updated)} segments, {size_mb(updated):.1f} MB")
    failed = status not in (0, 1)
    typical = typical_queries()
    print("run | exit | seconds | merge seconds | segments | MB | typical median ms | summary")
    for number in range(1, runs + 1):
        apply_run(number, articles, aside, (changed, removed, added), rng)
        status, seconds, summary, errors = run_index(newsearch, updated, articles)
        failed = failed or status not in (0, 1)
        print(f"{number} | {status} | {seconds:.2f} | {merge_seconds(summary)} | {segments(updated)} | "
              f"{size_mb(updated):.1f} | {typical_median(newsearch, updated, typical, 7):.3f} | {summary[:110]}"
              + (f" | {errors}" if status not in (0, 1) else ""), flush=True)
    small = sorted(os.listdir(articles))[:10]
    apply_small = [(name, open(os.path.join(articles, name), encoding="utf-8").read()) for name in small]
    for name, text in apply_small:
        with open(os.path.join(articles, name), "w", encoding="utf-8") as file:
            file.write(text + "\n<p>小幅更正。</p>\n")
    _, small_seconds, small_summary, _ = run_index(newsearch, updated, articles)
    _, idle_seconds, _, _ = run_index(newsearch, updated, articles)
    print(f"a small update (10 changed): {small_seconds:.2f} s (merge {merge_seconds(small_summary)} s, "
          f"{segments(updated)} segments); a run with nothing changed: {idle_seconds:.2f} s")
    status, seconds, _, _ = run_index(newsearch, fresh, articles)
    print(f"fresh index of the same files: exit {status}, {seconds:.1f} s, {segments(fresh)} segments, "
          f"{size_mb(fresh):.1f} MB (updated: {size_mb(updated):.1f} MB, "
          f"{size_mb(updated) / size_mb(fresh):.2f}x)")
    queries = typical + ["补充报道", "小幅更正"] + [f"补充报道第{number}次" for number in range(1, runs + 1)]
    mine, theirs = answers(newsearch, updated, queries), answers(newsearch, fresh, queries)
    differing = [(q, a["total"], b["total"]) for q, a, b in zip(queries, mine, theirs) if a["total"] != b["total"]]
    articles_count = len(os.listdir(articles))
    counts = [json.loads(subprocess.run([newsearch, "stats", "--json", "--index", index], capture_output=True,
                                        text=True, check=True).stdout)["articles"] for index in (updated, fresh)]
    print(f"articles: {articles_count} files, updated index {counts[0]}, fresh index {counts[1]}")
    print(f"{len(queries)} queries: {len(queries) - len(differing)} with the same total"
          + "".join(f"; {q}: {a} against {b}" for q, a, b in differing))
    rounds = [(typical_median(newsearch, updated, typical), typical_median(newsearch, fresh, typical))
              for _ in range(3)]
    ratios = [a / b for a, b in rounds]
    print("typical median took_ms, updated / fresh: "
          + ", ".join(f"{a:.3f} / {b:.3f}" for a, b in rounds) + f" (ratios {min(ratios):.2f}-{max(ratios):.2f})")
    if failed or differing or counts[0] != counts[1] or counts[0] != articles_count:
        sys.exit(1)


if __name__ == "__main__":
    main()
