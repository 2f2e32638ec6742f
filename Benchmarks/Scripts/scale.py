#!/usr/bin/env python3
"""How newsearch's costs grow with the archive: the shared corpus copied K times by hard links, beside FTS5 trigram.

    /usr/bin/python3 Benchmarks/Scripts/scale.py CORPUS WORKDIR [K ...] [--newsearch PATH] [--runs N] [--no-peer]

For each K (default 1 10) it makes WORKDIR/xK/copy-1 … copy-K, each a folder of hard links to the corpus's articles
(no bytes copied), indexes them into WORKDIR/xK.db and measures:
- indexing: wall time, MB of extracted text per second (from the summary), the file's size;
- warm search: each typical query and each query class answered RUNS times (default 12) in one
  `newsearch query --stdin --json` process; the median of each query's `took_ms` after two warm-ups, then the median
  and p99 (nearest rank) of the typical queries' medians, and the slowest frequent term (经济, 中国, 发展, 党);
- a cold process: `newsearch query --index xK.db 欠薪` five times, the file in the page cache, median wall time and
  peak resident memory (from /usr/bin/time);
- the peer (unless --no-peer): FTS5 `trigram` over the same titles and bodies (read back from newsearch's index), its
  build time and size, and the median time of the same queries of three or more characters (ORDER BY rank LIMIT 10;
  trigram cannot answer shorter ones) in one Python process.
It prints one table per figure, with each K's growth from the first K. WORKDIR keeps the indexes for later runs:
an index whose file exists is reused (delete it to measure indexing again).
"""
import json
import math
import os
import re
import sqlite3
import statistics
import subprocess
import sys
import time

from typical_queries import typical_queries

HERE = os.path.dirname(os.path.abspath(__file__))
FREQUENT = ["经济", "中国", "发展", "党"]
CLASSES = ["经济", "快递员 社会保险", "鱼", "党", "社会保险", "上海", "GDP", "2024", "5G", "社會保險"]


def arguments():
    args, options = [], {"newsearch": os.path.join(HERE, "..", "..", ".build", "release", "newsearch"),
                         "runs": "12", "peer": True}
    items = iter(sys.argv[1:])
    for item in items:
        if item == "--newsearch":
            options["newsearch"] = next(items)
        elif item == "--runs":
            options["runs"] = next(items)
        elif item == "--no-peer":
            options["peer"] = False
        else:
            args.append(item)
    if len(args) < 2:
        sys.exit(__doc__)
    return args[0], os.path.abspath(args[1]), [int(k) for k in args[2:]] or [1, 10], options


def link_copies(corpus: str, folder: str, copies: int) -> list:
    names = sorted(name for name in os.listdir(corpus) if name.endswith(".md"))
    roots = []
    for copy in range(1, copies + 1):
        root = os.path.join(folder, f"copy-{copy}")
        roots.append(root)
        if os.path.isdir(root) and len(os.listdir(root)) == len(names):
            continue
        os.makedirs(root, exist_ok=True)
        for name in names:
            target = os.path.join(root, name)
            if not os.path.exists(target):
                os.link(os.path.join(corpus, name), target)
    return roots


def build(newsearch: str, index: str, roots: list) -> dict:
    if os.path.exists(index):
        return {"seconds": None, "rate": None, "mb": os.path.getsize(index) / 1e6}
    started = time.monotonic()
    done = subprocess.run([newsearch, "index", "--quiet", "--index", index, *roots], capture_output=True, text=True)
    seconds = time.monotonic() - started
    if done.returncode not in (0, 1):
        sys.exit(f"indexing {index} failed: {done.stderr}")
    megabytes = float(re.search(r"\(([0-9.]+) MB,", done.stdout).group(1))
    return {"seconds": seconds, "rate": megabytes / seconds, "mb": os.path.getsize(index) / 1e6}


def warm(newsearch: str, index: str, queries: list, runs: int) -> dict:
    lines = [query for query in queries for _ in range(runs)]
    done = subprocess.run([newsearch, "query", "--index", index, "--stdin", "--json"],
                          input="\n".join(lines) + "\n", capture_output=True, text=True, check=True)
    took = [json.loads(line)["took_ms"] for line in done.stdout.splitlines() if line.strip()]
    return {query: statistics.median(took[i * runs + 2:(i + 1) * runs]) for i, query in enumerate(queries)}


def nearest_rank(values: list, share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(share * len(ordered)) - 1)]


def cold(newsearch: str, index: str) -> tuple:
    subprocess.run([newsearch, "query", "--index", index, "欠薪"], capture_output=True)  # the file into the cache
    seconds, memory = [], []
    for _ in range(5):
        done = subprocess.run(["/usr/bin/time", "-f", "%e %M", newsearch, "query", "--index", index, "欠薪"],
                              capture_output=True, text=True)
        wall, kilobytes = done.stderr.strip().splitlines()[-1].split()
        seconds.append(float(wall))
        memory.append(int(kilobytes) / 1024)
    return statistics.median(seconds), max(memory)


def peer(index: str, path: str, queries: list, runs: int) -> dict:
    sys.path.insert(0, HERE)
    import stored_text  # needs the zstandard module; imported here so that --no-peer runs without it
    result = {}
    if not os.path.exists(path):
        started = time.monotonic()
        source = stored_text.connect(index)
        target = sqlite3.connect(path)
        target.execute("CREATE VIRTUAL TABLE t USING fts5(title, body, tokenize='trigram')")
        with target:
            target.executemany("INSERT INTO t (title, body) VALUES (?, ?)",
                               source.execute("SELECT title, body FROM newsearch_articles"))
        target.execute("INSERT INTO t (t) VALUES ('optimize')")
        target.commit()
        target.close()
        result["seconds"] = time.monotonic() - started
    result["mb"] = os.path.getsize(path) / 1e6
    database = sqlite3.connect(path)
    timings = {}
    for query in queries:
        if any(len(term) < 3 for term in query.split()):
            continue
        expression = " ".join('"' + term.replace('"', '""') + '"' for term in query.split())
        took = []
        for _ in range(runs):
            started = time.perf_counter()
            database.execute("SELECT rowid FROM t WHERE t MATCH ? ORDER BY rank LIMIT 10", (expression,)).fetchall()
            took.append((time.perf_counter() - started) * 1000)
        timings[query] = statistics.median(took[2:])
    result["queries"] = timings
    return result


def table(title: str, header: list, rows: list) -> None:
    print(f"\n{title}\n")
    print("| " + " | ".join(header) + " |")
    print("| " + " | ".join("---" for _ in header) + " |")
    for row in rows:
        print("| " + " | ".join(row) + " |")


def growth(value, first) -> str:
    return f"{value / first:.1f}x" if value is not None and first else ""


def main() -> None:
    corpus, workdir, scales, options = arguments()
    newsearch, runs = os.path.abspath(options["newsearch"]), int(options["runs"])
    typical = typical_queries()
    queries = list(dict.fromkeys(typical + CLASSES + FREQUENT))
    figures = {}
    for k in scales:
        folder = os.path.join(workdir, f"x{k}")
        roots = link_copies(corpus, folder, k)
        index = os.path.join(workdir, f"x{k}.db")
        figure = {"index": build(newsearch, index, roots)}
        medians = warm(newsearch, index, queries, runs)
        figure["typical"] = [medians[q] for q in typical]
        figure["classes"] = {q: medians[q] for q in CLASSES + FREQUENT}
        figure["cold"] = cold(newsearch, index)
        if options["peer"]:
            figure["peer"] = peer(index, os.path.join(workdir, f"x{k}-trigram.db"), queries, runs)
        figures[k] = figure
        print(f"x{k}: done", file=sys.stderr, flush=True)
    first = figures[scales[0]]
    rows = []
    for k in scales:
        f = figures[k]
        median, p99 = statistics.median(f["typical"]), nearest_rank(f["typical"], 0.99)
        slowest = max(f["classes"][q] for q in FREQUENT)
        rows.append([f"x{k}", f"{median:.3f} ({growth(median, statistics.median(first['typical']))})",
                     f"{p99:.3f}", f"{slowest:.3f}", f"{f['cold'][0] * 1000:.0f} ms, {f['cold'][1]:.0f} MB"])
    table("Search (took_ms, warm) and a cold process", ["archive", "typical median (growth)", "typical p99",
                                                        "slowest frequent term", "cold `query 欠薪`"], rows)
    rows = []
    for k in scales:
        i = figures[k]["index"]
        rows.append([f"x{k}", "reused" if i["seconds"] is None else f"{i['seconds']:.1f} s",
                     "" if i["rate"] is None else f"{i['rate']:.2f} MB/s", f"{i['mb']:.1f} MB"]
                    + ([f"{figures[k]['peer'].get('seconds', 0):.1f} s, {figures[k]['peer']['mb']:.1f} MB"]
                       if options["peer"] else []))
    table("Indexing", ["archive", "newsearch time", "extracted text rate", "index size"]
          + (["FTS5 trigram: build, size"] if options["peer"] else []), rows)
    header = ["query"] + [f"x{k}" for k in scales] + ([f"trigram x{k}" for k in scales] if options["peer"] else [])
    rows = []
    for query in CLASSES + FREQUENT[1:3]:
        row = [query] + [f"{figures[k]['classes'][query]:.3f}" for k in scales]
        if options["peer"]:
            row += [f"{figures[k]['peer']['queries'][query]:.3f}" if query in figures[k]["peer"]["queries"]
                    else "n/a" for k in scales]
        rows.append(row)
    table("Query classes (median ms)", header, rows)


if __name__ == "__main__":
    main()
