#!/usr/bin/env python3
"""The known-item sets of `evaluate`, measured on the FTS5 peer that the ranking issue compares with.

    EVALUATE_SETS=/tmp/sets swift run -c release evaluate      (from Benchmarks/: writes titles.tsv, bodies.tsv)
    /usr/bin/python3 Scripts/peer-known-items.py INDEX /tmp/sets

INDEX is any newsearch index of the same corpus: only its stored titles and bodies are read (plain SQL, no
newsearch code). The peer indexes every ideograph as a token of its own (FTS5 unicode61 over the text with a
space around each ideograph), matches each query word as a phrase of its characters, all words required, and
ranks by FTS5's bm25 with title weight 5 and body weight 1: the "single characters + bm25" peer of the ranking
issue. Prints MRR@10, success@1 and success@10 per set and nDCG@10 of the graded queries, as `evaluate` does.
"""
import math
import os
import sqlite3
import sys
import unicodedata

import stored_text


def spaced(text):
    """The text with a space on each side of every ideograph, so that unicode61 makes each one a token."""
    out = []
    for ch in text:
        if unicodedata.category(ch) == "Lo" and "CJK" in unicodedata.name(ch, ""):
            out.append(" " + ch + " ")
        else:
            out.append(ch)
    return "".join(out)


def expression(query):
    """Each space-separated word of `query` as an FTS5 phrase of its tokens; the phrases ANDed."""
    phrases = []
    for word in query.split():
        tokens = spaced(word).split()
        if tokens:
            phrases.append('"' + " ".join(t.replace('"', '""') for t in tokens) + '"')
    return " AND ".join(phrases)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    index, sets = sys.argv[1], sys.argv[2]
    source = stored_text.connect(index)
    peer = sqlite3.connect(":memory:")
    peer.execute("CREATE VIRTUAL TABLE peer USING fts5(title, body, path UNINDEXED)")
    rows = source.execute("SELECT title, body, path FROM newsearch_articles")
    peer.executemany("INSERT INTO peer(title, body, path) VALUES (?, ?, ?)",
                     ((spaced(t), spaced(b), p) for t, b, p in rows))
    peer.execute("INSERT INTO peer(peer) VALUES ('optimize')")
    print("| set | MRR@10 | s@1 | s@10 |\n| --- | ---: | ---: | ---: |")
    for name in ("titles", "bodies", "bodies-rare"):
        if not os.path.exists(f"{sets}/{name}.tsv"):
            continue
        items = [line.rstrip("\n").split("\t") for line in open(f"{sets}/{name}.tsv", encoding="utf-8")]
        reciprocal = first = top = 0
        for query, path in items:
            hits = [p for (p,) in peer.execute(
                "SELECT path FROM peer WHERE peer MATCH ? ORDER BY bm25(peer, 5.0, 1.0) LIMIT 10",
                (expression(query),))]
            if path in hits:
                rank = hits.index(path)
                reciprocal += 1 / (rank + 1)
                first += rank == 0
                top += 1
        n = max(1, len(items))
        print(f"| {name} | {reciprocal / n:.3f} | {first / n:.3f} | {top / n:.3f} |")
    graded = [line.strip() for line in open(f"{sets}/graded.txt", encoding="utf-8") if line.strip()]
    for name, queries in (("one term", [q for q in graded if " " not in q]),
                          ("several terms", [q for q in graded if " " in q])):
        print(f"graded nDCG@10, {name}: {sum(ndcg(peer, q) for q in queries) / max(1, len(queries)):.3f}")


def ndcg(peer, query):
    """nDCG@10 of `query` with `evaluate`'s grades: 2 when the title holds every term, 1 some, 0 none."""
    terms = query.split()
    grades = []
    for (title,) in peer.execute("SELECT title FROM peer WHERE peer MATCH ? ORDER BY bm25(peer, 5.0, 1.0)",
                                 (expression(query),)):
        title = title.replace(" ", "")
        held = sum(term in title for term in terms)
        grades.append(2 if held == len(terms) else 1 if held else 0)

    def dcg(values):
        return sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(values[:10]))

    ideal = dcg(sorted(grades, reverse=True))
    return dcg(grades) / ideal if ideal > 0 else 0


if __name__ == "__main__":
    main()
