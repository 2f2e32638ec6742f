#!/usr/bin/python3
"""The graded evaluation's pool (issue 24): every engine's top 10 for each query of `Graded/queries.tsv`, their
union, and the packets judges grade it from, blind to the engines.

    /usr/bin/python3 Scripts/graded-pool.py INDEX NEWSEARCH WORK [PAIRS]      (from Benchmarks/)

INDEX is a newsearch index of the shared corpus (`newsearch index ../../shared/corpus`); NEWSEARCH the binary that
built it. Titles and bodies are read from the index (plain SQL, `stored_text`), so every engine sees the same
text. The engines, each over title and body:

- newsearch: `query --stdin --json`, top 10;
- Xapian 1.4 (Debian `python3-xapian`): BM25 over CJK unigrams and bigrams (`FLAG_CJK_NGRAM`), the title's terms
  counted three times, words ANDed, quoted phrases as phrases;
- Groonga (Debian `groonga-bin`): `TokenBigram` with `NormalizerAuto`, `--match_columns 'title * 5 || body'`;
- FTS5 over single ideographs (`unicode61`, a space around each ideograph), bm25 with title weight 5: the
  "single characters" peer of `peer-known-items.py`.

Writes, under Graded/ (beside this script's package): `runs/ENGINE.tsv` (query id, rank, article), the pool
`pool.tsv` (query id, article, whether it is judged yet), and under WORK `packets/part-N.md`: each query with its
unjudged articles sorted by name, each shown as its date, title, the first 160 characters of its body and up to
three passages of about 140 characters around the query's words (found folded, through `newsearch serve`'s
`/api/documents/ID?q=`). An article is named by its file name, which is unique in the shared corpus.

With PAIRS, a file of `query id<TAB>article` lines (what `EVALUATE_UNJUDGED=FILE swift run -c release evaluate`
writes: the unjudged articles of the model's and its variants' top 10s), no engine runs and nothing under Graded/
changes: the packets hold those pairs alone, not yet judged. Their grades then go into `grades.tsv`, and the pairs
into `pool.tsv` as judged, both sorted.
"""
import json
import os
import re
import sqlite3
import subprocess
import sys
import threading
import unicodedata

import stored_text

GRADED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Graded")
DEPTH = 10


def queries():
    """(id, class, query) of the graded set, in file order."""
    rows = []
    for line in open(os.path.join(GRADED, "queries.tsv"), encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        qid, kind, query = line.rstrip("\n").split("\t")
        rows.append((qid, kind, query))
    return rows


def articles(index):
    """Every article of the index: name → (path, title, body, date)."""
    database = stored_text.connect(index)
    rows = database.execute("SELECT path, title, body, date FROM newsearch_articles")
    return {os.path.basename(path): (path, title, body, date) for path, title, body, date in rows}


def run_newsearch(binary, index, items):
    lines = "".join(json.dumps({"q": query, "limit": DEPTH}, ensure_ascii=False) + "\n" for _, _, query in items)
    output = subprocess.run([binary, "query", "--index", index, "--stdin"], input=lines, capture_output=True,
                            text=True, check=True).stdout
    answers = [json.loads(line) for line in output.splitlines()]
    return {qid: [os.path.basename(hit["path"]) for hit in answer["hits"]] for (qid, _, _), answer in zip(items, answers)}


def run_xapian(corpus, items, work):
    import xapian
    path = os.path.join(work, "xapian")
    database = xapian.WritableDatabase(path, xapian.DB_CREATE_OR_OVERWRITE)
    generator = xapian.TermGenerator()
    generator.set_flags(xapian.TermGenerator.FLAG_CJK_NGRAM)
    for name, (_, title, body, _) in corpus.items():
        document = xapian.Document()
        generator.set_document(document)
        generator.index_text(title, 3)
        generator.increase_termpos()
        generator.index_text(body)
        document.set_data(name)
        database.add_document(document)
    database.commit()
    enquire = xapian.Enquire(database)
    parser = xapian.QueryParser()
    parser.set_database(database)
    parser.set_default_op(xapian.Query.OP_AND)
    flags = xapian.QueryParser.FLAG_DEFAULT | xapian.QueryParser.FLAG_CJK_NGRAM
    runs = {}
    for qid, _, query in items:
        enquire.set_query(parser.parse_query(query, flags))
        runs[qid] = [match.document.get_data().decode() for match in enquire.get_mset(0, DEPTH)]
    return runs


def run_groonga(corpus, items, work):
    path = os.path.join(work, "groonga", "db")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    for leftover in os.listdir(os.path.dirname(path)):
        os.remove(os.path.join(os.path.dirname(path), leftover))
    records = [{"_key": name, "title": title, "body": body} for name, (_, title, body, _) in corpus.items()]
    setup = "\n".join([
        "table_create Articles TABLE_HASH_KEY ShortText",
        "column_create Articles title COLUMN_SCALAR Text",
        "column_create Articles body COLUMN_SCALAR LongText",
        "table_create Terms TABLE_PAT_KEY ShortText --default_tokenizer TokenBigram --normalizer NormalizerAuto",
        "column_create Terms articles COLUMN_INDEX|WITH_POSITION|WITH_SECTION Articles title,body",
        "load --table Articles",
        json.dumps(records, ensure_ascii=False),
    ]) + "\n"
    subprocess.run(["groonga", "-n", path], input=setup, capture_output=True, text=True, check=True)
    commands = "".join(
        "select Articles --match_columns 'title * 5 || body' --query " + groonga_quoted(query)
        + f" --output_columns _key --sortby -_score,_id --limit {DEPTH}\n" for _, _, query in items)
    output = subprocess.run(["groonga", path], input=commands, capture_output=True, text=True, check=True).stdout
    runs = {}
    for (qid, _, _), line in zip(items, output.splitlines()):
        answer = json.loads(line)
        rows = answer[1][0][2:] if len(answer) > 1 and answer[1] else []
        runs[qid] = [row[0] for row in rows]
    return runs


def groonga_quoted(text):
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def spaced(text):
    return "".join(" " + ch + " " if unicodedata.category(ch) == "Lo" and "CJK" in unicodedata.name(ch, "") else ch
                   for ch in text)


def run_characters(corpus, items):
    database = sqlite3.connect(":memory:")
    database.execute("CREATE VIRTUAL TABLE peer USING fts5(title, body, name UNINDEXED)")
    database.executemany("INSERT INTO peer(title, body, name) VALUES (?, ?, ?)",
                         ((spaced(title), spaced(body), name) for name, (_, title, body, _) in corpus.items()))
    runs = {}
    for qid, _, query in items:
        words = re.findall(r'"[^"]*"|\S+', query)
        phrases = []
        for word in words:
            tokens = spaced(word.strip('"')).split()
            if tokens:
                phrases.append('"' + " ".join(t.replace('"', '""') for t in tokens) + '"')
        rows = database.execute("SELECT name FROM peer WHERE peer MATCH ? ORDER BY bm25(peer, 5.0, 1.0) LIMIT ?",
                                (" AND ".join(phrases), DEPTH)).fetchall() if phrases else []
        runs[qid] = [name for (name,) in rows]
    return runs


def write_run(engine, runs):
    os.makedirs(os.path.join(GRADED, "runs"), exist_ok=True)
    with open(os.path.join(GRADED, "runs", engine + ".tsv"), "w", encoding="utf-8") as out:
        out.write("# query id\trank\tarticle (file name): the top 10 of " + engine + "\n")
        for qid, names in runs.items():
            for rank, name in enumerate(names, 1):
                out.write(f"{qid}\t{rank}\t{name}\n")


def judged():
    """(query id, article) pairs already graded, in Graded/grades.tsv."""
    pairs = set()
    path = os.path.join(GRADED, "grades.tsv")
    if os.path.exists(path):
        for line in open(path, encoding="utf-8"):
            if line.startswith("#") or not line.strip():
                continue
            qid, name, _ = line.rstrip("\n").split("\t")[:3]
            pairs.add((qid, name))
    return pairs


class Server:
    """`newsearch serve` on a free port, for the folded passages of `/api/documents/ID?q=`."""

    def __init__(self, binary, index):
        self.process = subprocess.Popen([binary, "serve", "--index", index, "--port", "0"],
                                        stderr=subprocess.PIPE, text=True)
        said = []
        for line in self.process.stderr:
            said.append(line)
            found = re.search(r"listening on (http://[\d.:]+)", line)
            if found:
                self.url = found.group(1)
                break
        else:
            sys.exit(f"`{binary} serve --index {index}` did not start:\n" + "".join(said))
        # The access log goes on: read it away, or the server blocks once the pipe is full.
        threading.Thread(target=lambda: [None for _ in self.process.stderr], daemon=True).start()

    def highlights(self, article_id, query):
        import urllib.parse
        import urllib.request
        url = f"{self.url}/api/documents/{article_id}?q=" + urllib.parse.quote(query)
        with urllib.request.urlopen(url) as answer:
            return json.load(answer).get("highlights", {}).get("body", [])

    def stop(self):
        self.process.terminate()
        self.process.wait()


def excerpt(body, spans):
    """The first 160 characters, then up to three passages of about 140 characters around the matches."""
    parts = [body[:160].replace("\n", " ") + ("…" if len(body) > 160 else "")]
    taken = 160
    for start, end in spans:
        if len(parts) > 3:
            break
        if end <= taken:
            continue
        left = max(taken, start - 60)
        right = min(len(body), left + 140)
        parts.append("…" + body[left:right].replace("\n", " ") + "…")
        taken = right
    return "\n   ".join(parts)


def main():
    if len(sys.argv) not in (4, 5):
        sys.exit(__doc__)
    index, binary, work = sys.argv[1:4]
    os.makedirs(work, exist_ok=True)
    items = queries()
    corpus = articles(index)
    if len(sys.argv) == 5:
        write_pairs(sys.argv[4], index, binary, items, corpus, work)
        return
    runs = {
        "newsearch": run_newsearch(binary, index, items),
        "xapian": run_xapian(corpus, items, work),
        "groonga": run_groonga(corpus, items, work),
        "fts5-characters": run_characters(corpus, items),
    }
    for engine, run in runs.items():
        write_run(engine, run)
    done = judged()
    # Every engine's top 10 now, and every pair judged before (a judged article stays in the pool).
    pool = {qid: sorted({name for run in runs.values() for name in run.get(qid, [])}
                        | {name for (judged_qid, name) in done if judged_qid == qid}) for qid, _, _ in items}
    with open(os.path.join(GRADED, "pool.tsv"), "w", encoding="utf-8") as out:
        out.write("# query id\tarticle\tjudged (1) or not (0): the union of every engine's top 10\n")
        for qid, names in pool.items():
            for name in names:
                out.write(f"{qid}\t{name}\t{int((qid, name) in done)}\n")
    write_packets(items, pool, done, corpus, index, binary, os.path.join(work, "packets"))
    print(json.dumps({engine: sum(len(v) for v in run.values()) for engine, run in runs.items()}
                     | {"pooled": sum(len(v) for v in pool.values()),
                        "to judge": sum(1 for qid, names in pool.items() for n in names if (qid, n) not in done)}))


def write_pairs(pairs, index, binary, items, corpus, work):
    """Packets for the pairs listed in the file `pairs` that no judge graded yet."""
    done = judged()
    pool = {qid: set() for qid, _, _ in items}
    for line in open(pairs, encoding="utf-8"):
        if line.strip():
            qid, name = line.rstrip("\n").split("\t")[:2]
            if (qid, name) not in done:
                pool[qid].add(name)
    pool = {qid: sorted(names) for qid, names in pool.items()}
    write_packets(items, pool, done, corpus, index, binary, os.path.join(work, "packets"), parts=8)
    print(json.dumps({"to judge": sum(len(names) for names in pool.values())}))


def write_packets(items, pool, done, corpus, index, binary, folder, parts=16):
    """The pool's pairs not yet judged as `parts` packets under `folder`, each article's passages found by a
    `newsearch serve` of INDEX."""
    os.makedirs(folder, exist_ok=True)
    pending = [(qid, kind, query, [n for n in pool[qid] if (qid, n) not in done]) for qid, kind, query in items]
    pending = [entry for entry in pending if entry[3]]
    ids = dict(stored_text.connect(index).execute("SELECT path, id FROM newsearch_documents"))
    server = Server(binary, index)
    try:
        write_parts(pending, parts, corpus, ids, server, folder)
    finally:
        server.stop()


def write_parts(pending, parts, corpus, ids, server, folder):
    for part in range(parts):
        chosen = pending[part::parts]
        if not chosen:
            continue
        with open(os.path.join(folder, f"part-{part + 1}.md"), "w", encoding="utf-8") as out:
            for qid, kind, query, names in chosen:
                out.write(f"\n## {qid} · query: {query}\n\n")
                for name in names:
                    path, title, body, date = corpus[name]
                    spans = server.highlights(ids[path], query.replace('"', " "))
                    out.write(f"- {qid}\t{name}\n   {(date or '')[:10]} · {title}\n   {excerpt(body, spans)}\n\n")


if __name__ == "__main__":
    main()
