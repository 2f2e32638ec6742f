#!/usr/bin/env python3
"""The engine-speed issue's indexing figure: `newsearch index CORPUS` against FTS5 `trigram` indexing the same
extracted text, in the same run, rounds interleaved.

    /usr/bin/python3 Benchmarks/Scripts/index-vs-trigram.py CORPUS [ROUNDS] [NEWSEARCH ...]

Each round, every NEWSEARCH binary (default: the release build of this checkout) indexes CORPUS into a new file
(files read and parsed included, as a user runs it), then the system SQLite (Python's sqlite3 module, the same
3.40.1 library) indexes the titles and bodies that the first binary's index stores (read back through
stored_text.py) into a new FTS5 `trigram` table, one transaction, as `compare` does. Prints each run's wall and
CPU time, then per binary the median wall time and its ratio to trigram's median (above 1: faster than trigram).
"""
import os
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import stored_text  # noqa: E402

DEFAULT_BINARY = os.path.join(HERE, "..", "..", ".build", "release", "newsearch")


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def index_with_newsearch(binary: str, corpus: str, path: str) -> tuple:
    before, start = children_cpu(), time.monotonic()
    subprocess.run([binary, "index", "--quiet", "--index", path, corpus], check=True, stdout=subprocess.DEVNULL)
    return time.monotonic() - start, children_cpu() - before


def index_with_trigram(texts: list, path: str) -> tuple:
    start, cpu = time.monotonic(), time.process_time()
    database = sqlite3.connect(path)
    database.execute("PRAGMA journal_mode=WAL")
    database.execute("CREATE VIRTUAL TABLE t USING fts5(title, body, tokenize='trigram')")
    with database:
        database.executemany("INSERT INTO t (title, body) VALUES (?, ?)", texts)
    database.close()
    return time.monotonic() - start, time.process_time() - cpu


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] in ("-h", "--help"):
        raise SystemExit(__doc__)
    corpus = sys.argv[1]
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    binaries = sys.argv[3:] or [DEFAULT_BINARY]
    walls = {binary: [] for binary in binaries + ["trigram"]}
    texts = None
    with tempfile.TemporaryDirectory() as folder:
        for round_number in range(rounds):
            for binary in binaries:
                path = os.path.join(folder, f"round{round_number}-{len(walls[binary])}.db")
                wall, cpu = index_with_newsearch(binary, corpus, path)
                walls[binary].append(wall)
                print(f"{binary}: {wall:.2f} s wall, {cpu:.2f} s CPU", flush=True)
                if texts is None:
                    database = stored_text.connect(path)
                    texts = list(database.execute("SELECT title, body FROM newsearch_articles ORDER BY id"))
                    database.close()
                    megabytes = sum(len(t.encode()) + len(b.encode()) for t, b in texts) / 1e6
                    print(f"  ({len(texts)} articles, {megabytes:.1f} MB of extracted text)", flush=True)
                os.remove(path)
            path = os.path.join(folder, f"trigram{round_number}.db")
            wall, cpu = index_with_trigram(texts, path)
            walls["trigram"].append(wall)
            print(f"trigram: {wall:.2f} s wall, {cpu:.2f} s CPU", flush=True)
            os.remove(path)
    trigram = statistics.median(walls["trigram"])
    print(f"trigram: median {trigram:.2f} s")
    for binary in binaries:
        median = statistics.median(walls[binary])
        print(f"{binary}: median {median:.2f} s, {trigram / median:.2f}x trigram's speed")


if __name__ == "__main__":
    main()
