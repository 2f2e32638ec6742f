#!/usr/bin/python3
"""Loads the newsearch SQLite extension into Debian's Python and checks what a Python user would do with it.

Usage: check_extension.py EXTENSION.so INDEX.db

EXTENSION.so is `libnewsearch-sqlite.so` (loaded by file name, SQLite deriving the entry point); INDEX.db an index
that `newsearch index corpus/` built (a copy: the check removes an article from it). Prints one JSON object of
what it saw; exits 1 when a check fails, naming it.
"""
import json, os, sqlite3, sys, tempfile

extension, index = sys.argv[1], sys.argv[2]
report, failures = {}, []


def check(name, condition):
    report[name] = bool(condition)
    if not condition:
        failures.append(name)


def connect(path):
    connection = sqlite3.connect(path)
    connection.enable_load_extension(True)
    connection.load_extension(extension)  # no entry point named: SQLite derives sqlite3_newsearchsqlite_init
    connection.enable_load_extension(False)
    return connection


# An app's own FTS5 table.
db = connect(":memory:")
db.execute("CREATE VIRTUAL TABLE t USING fts5(body, tokenize='newsearch')")
db.executemany("INSERT INTO t(body) VALUES (?)",
               [("上海市人民政府发布通知",), ("海上风电",), ("提高快递员社會保險水平",), ("社会 进步，保险 行业",)])


def bodies(query, raw=False):
    match = query if raw else db.execute("SELECT newsearch_query(?)", (query,)).fetchone()[0]
    if match is None:  # nothing to match (empty, punctuation, exclusions only): no hit, and no MATCH to run
        return []
    rows = db.execute("SELECT body FROM t WHERE t MATCH ? ORDER BY newsearch_rank(t) DESC", (match,)).fetchall()
    return [body for (body,) in rows]


report["上海"] = bodies("上海")
check("上海 finds 上海市 and not 海上", report["上海"] == ["上海市人民政府发布通知"])
check("上海 as a plain MATCH too", bodies("上海", raw=True) == ["上海市人民政府发布通知"])
report["社会保险"] = bodies("社会保险")
check("社会保险 finds 社會保險", report["社会保险"] == ["提高快递员社會保險水平"])
check("user text is never FTS5 syntax", bodies('"快递员 AND ( NEAR') == [] and bodies("-上海") == [])
check("newsearch_query compiles", db.execute("SELECT newsearch_query('快递员 -广告')").fetchone()[0]
      == '("快递员" NOT "广告")')

# Tokenizer options: a user dictionary file; anything else is refused.
with tempfile.TemporaryDirectory() as folder:
    words = os.path.join(folder, "words.txt")
    with open(words, "w", encoding="utf-8") as out:
        out.write("快递员\n")
    db.execute(f"CREATE VIRTUAL TABLE d USING fts5(body, tokenize=\"newsearch dictionary '{words}'\")")
    db.execute("INSERT INTO d(body) VALUES ('快递员权益')")
    check("a table with a dictionary option", db.execute(
        "SELECT count(*) FROM d WHERE d MATCH newsearch_query('快递员')").fetchone()[0] == 1)
for options in ["newsearch nonsense", f"newsearch dictionary '{folder}/missing.txt'"]:
    try:
        db.execute(f"CREATE VIRTUAL TABLE bad USING fts5(body, tokenize=\"{options}\")")
        check(f"refused: {options}", False)
    except sqlite3.Error as error:
        report[f"refused: {options}"] = str(error)

# An index built by `newsearch index corpus/`.
built = connect(index)
built.execute("INSERT INTO newsearch_fts(newsearch_fts, rank) VALUES ('integrity-check', 1)")
report["integrity-check"] = "ok"
hits = built.execute("""
    SELECT a.id, a.path FROM newsearch_fts JOIN newsearch_articles AS a ON a.id = newsearch_fts.rowid
    WHERE newsearch_fts MATCH newsearch_query(?) ORDER BY newsearch_rank(newsearch_fts) DESC""", ("欠薪",)).fetchall()
report["欠薪"] = [os.path.basename(path) for _, path in hits]
check("欠薪 finds the seed", "000_seed.md" in report["欠薪"])
# A removal through SQL keeps the index whole: the triggers run on this connection, with its functions.
with built:
    built.execute("DELETE FROM newsearch_documents WHERE id = ?", (hits[0][0],))
built.execute("INSERT INTO newsearch_fts(newsearch_fts, rank) VALUES ('integrity-check', 1)")
check("removed through SQL, still whole", built.execute(
    "SELECT count(*) FROM newsearch_fts WHERE newsearch_fts MATCH newsearch_query('欠薪')").fetchone()[0] == len(hits) - 1)

report["failures"] = failures
print(json.dumps(report, ensure_ascii=False))
sys.exit(1 if failures else 0)
