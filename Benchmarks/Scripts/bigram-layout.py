#!/usr/bin/env python3
"""Measures the overlapping-bigram index layout that newsearch does not use, beside the one it does, on the text of
an existing newsearch index: the size of a bigram FTS5 index, how long FTS5 takes to count the hits of each query
class in it, and how much zlib would shrink the stored bodies (the only way found to fit bigrams in 80 MB).

Usage, after `newsearch index --index INDEX FOLDER` (the index is read, never written):

    /usr/bin/python3 Benchmarks/Scripts/bigram-layout.py INDEX [OUT]        (OUT: default /tmp/bigram-layout.db)

Python's sqlite3 module of Debian uses the system SQLite (3.40.1 here), so FTS5 is the one newsearch runs on. Each
run of letters, digits and ideographs becomes its overlapping bigrams plus its last character alone, written with
spaces so that FTS5's unicode61 tokenizer keeps each as one token: a 2-character term is one token, a longer one a
phrase of its bigrams, a 1-character term a prefix query (no prefix index, which would add about 28 MB).
"""
import os, re, sqlite3, sys, time, zlib

import stored_text

index = sys.argv[1]
out = sys.argv[2] if len(sys.argv) > 2 else "/tmp/bigram-layout.db"
rows = stored_text.connect(index).execute("SELECT id, title, body FROM newsearch_articles").fetchall()


def bigrams(text):
    tokens = []
    for run in re.findall(r"[^\W_]+", text.lower()):
        tokens += [run[i:i + 2] for i in range(len(run) - 1)] + [run[-1]]
    return " ".join(tokens)


body = sum(len(b.encode()) for _, _, b in rows)
packed = sum(len(zlib.compress(b.encode(), 6)) for _, _, b in rows)
print(f"articles: {len(rows)}; bodies {body / 1e6:.1f} MB, zlib level 6 {packed / 1e6:.1f} MB")
if os.path.exists(out):
    os.remove(out)
db = sqlite3.connect(out)
db.execute("PRAGMA page_size = 16384")
db.execute("CREATE VIRTUAL TABLE f USING fts5(title, body, content = '', columnsize = 0, "
           "tokenize = 'unicode61 remove_diacritics 0')")
started = time.time()
with db:
    for rowid, title, text in rows:
        db.execute("INSERT INTO f (rowid, title, body) VALUES (?, ?, ?)", (rowid, bigrams(title), bigrams(text)))
db.execute("INSERT INTO f (f) VALUES ('optimize')")
db.commit()
db.execute("VACUUM")
print(f"bigram index (no text): {os.path.getsize(out) / 1e6:.1f} MB, built in {time.time() - started:.1f} s")
print("count(*) of each query, median of 50 runs:")
for query in ["经济", "党*", "上海", '"20 02 24"', "鱼*", '"社会 会保 保险"', '"习近 近平"', '"gd dp"', "2*"]:
    times = []
    for _ in range(50):
        started = time.perf_counter()
        hits = db.execute("SELECT count(*) FROM f WHERE f MATCH ?", (query,)).fetchone()[0]
        times.append(time.perf_counter() - started)
    print(f"  {query}: {hits} hits, {sorted(times)[25] * 1000:.3f} ms")
