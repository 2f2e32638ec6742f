/// The names and shape of everything newsearch keeps in an SQLite file: the one place that writes them down.
///
/// ```sql
/// newsearch_meta(key PRIMARY KEY, value)                    -- schema version, analysis stamp, user dictionary
/// newsearch_documents(id, path UNIQUE, title, author, categories JSON, date ISO-8601, compressed_body BLOB,
///                     compressed_images BLOB, content_hash)
///     -- path: an absolute, symlink-free file path for indexed files; the app's own key for added articles
///     -- compressed_body: the body's UTF-8, one Zstandard frame (TextCompressor); no bytes for an empty body
///     -- compressed_images: the images' JSON object, compressed likewise; no bytes for no image
/// newsearch_articles VIEW: newsearch_documents with body = newsearch_text(compressed_body) and images (JSON, '{}'
///                          for none) in place of the compressed columns
/// newsearch_statistics(id, title_length, body_length, title_positions, body_positions, date, title_key,
///                      boundaries BLOB, characters BLOB)
///     -- title_key: SeriesTitles.key(of:) of the title; characters: each ideograph's counts (ArticleCharacters)
/// newsearch_statistics_date ON newsearch_statistics(date)   -- ids and dates without the rows' blobs
/// newsearch_statistics_title ON newsearch_statistics(title_key)   -- a title's articles, when it becomes a series'
/// newsearch_titles(key PRIMARY KEY, articles)   -- the number of articles under each title key (SeriesTitles)
/// newsearch_figures(block, entries BLOB)    -- each article's lengths, series mark and date, 256 articles a block
///                                              (ArticleFigures)
/// newsearch_totals(articles, title_length, body_length)   -- one row: the count and the sums of the lengths
/// newsearch_dictionaries(id, bytes BLOB)   -- the Zstandard dictionary the bodies are compressed with, by its id
///                                           (CompressionDictionary: trained by the first run that brings 1,000 new
///                                           articles or more)
/// newsearch_heads(expression PRIMARY KEY, model, frequency, rows BLOB)
///     -- the best 256 articles of each frequent term, ranked after an index run (RankedHead); emptied by any write
/// newsearch_fts USING fts5(title, body, content='newsearch_articles', content_rowid='id',
///                          tokenize='newsearch', columnsize=0)
/// ```
/// Every table has the `newsearch_` prefix, so the index can share a file with an app's own tables, and the file's
/// `application_id` marks it as newsearch's. The text is stored once, its body compressed (27.9 MB of the shared
/// corpus's bodies take 12.0 MB with the index's dictionary, 17.6 without; the images' 4.0 MB of JSON, mostly two
/// equal addresses, 2.3 MB): the FTS5 table keeps no second copy (external content, read through the view, which
/// decompresses with the `newsearch_text` function, ``StoredTextFunction``) and no per-row sizes (`columnsize=0`):
/// ranking reads lengths and dates from `newsearch_figures` (a block at a time, when a query first
/// touches one of its articles) and the averages from `newsearch_totals`, so that opening an index reads nothing
/// per article; the word boundaries and character counts in `newsearch_statistics` are read for the best candidates
/// of a query only.
///
/// Triggers keep the tables consistent whoever changes them: deleting a `newsearch_documents` row (newsearch
/// does only that to remove an article; an app may too, on a connection with ``SQLiteExtension`` registered)
/// removes its FTS5 entries and statistics, a statistics row removed takes its share out of the totals, its entry
/// out of the figures (through the SQL function `newsearch_figure`, ``FigureFunction``) and itself out of its title's
/// count (`newsearch_titles`, a row removed at 0), clears the series marks of the title's other articles when the
/// count falls below ``Ranking/seriesSize`` (`newsearch_series`) and empties the ranked heads, and changing a row's
/// id, title or body is refused, since its tokens and statistics would no longer match. Adding an article's totals,
/// figures and title count, and marking a title's articles when it becomes a series', is the store's, in the
/// statements after its statistics row (``figureUpsert``, ``titleAddition``, ``seriesMarkingByKey``), as is
/// emptying the heads with each article (``headsRemoval``, about a microsecond on the empty table): a trigger on
/// insert would make SQLite open a statement savepoint for every article, at which FTS5 writes its pending terms out
/// as a segment (indexing the shared corpus took 1.6 times as long).
enum IndexSchema {
    /// Bumped when the tables change shape.
    static let version = 10
    /// `PRAGMA application_id` of a newsearch file: "news" in ASCII.
    static let applicationID: Int64 = 0x6E65_7773

    static let meta = "newsearch_meta"
    static let documents = "newsearch_documents"
    /// The view of the documents with their bodies as text.
    static let articles = "newsearch_articles"
    static let statistics = "newsearch_statistics"
    /// The articles' ids by date: what a query of filters alone and the date range read, instead of the statistics
    /// rows with their boundaries and character counts (3.7 times as many pages).
    static let statisticsDates = "newsearch_statistics_date"
    static let fts = "newsearch_fts"
    /// The number of articles under each title key.
    static let titles = "newsearch_titles"
    /// The statistics' ids by title key: the articles a title's series mark is set or cleared on.
    static let statisticsTitles = "newsearch_statistics_title"
    static let figures = "newsearch_figures"
    static let totals = "newsearch_totals"
    static let heads = "newsearch_heads"
    static let dictionaries = "newsearch_dictionaries"

    /// The statements that create the tables, in order.
    static let creation = """
        CREATE TABLE IF NOT EXISTS \(meta) (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS \(documents) (
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            author TEXT,
            categories TEXT NOT NULL DEFAULT '[]',
            date TEXT,
            compressed_body BLOB NOT NULL,
            compressed_images BLOB NOT NULL DEFAULT x'',
            content_hash TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS \(statistics) (
            id INTEGER PRIMARY KEY,
            title_length INTEGER NOT NULL,
            body_length INTEGER NOT NULL,
            title_positions INTEGER NOT NULL,
            body_positions INTEGER NOT NULL,
            date INTEGER,
            title_key INTEGER NOT NULL,
            boundaries BLOB NOT NULL,
            characters BLOB NOT NULL
        );
        CREATE INDEX IF NOT EXISTS \(statisticsDates) ON \(statistics) (date);
        CREATE TABLE IF NOT EXISTS \(titles) (key INTEGER PRIMARY KEY, articles INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS \(statisticsTitles) ON \(statistics) (title_key);
        CREATE TABLE IF NOT EXISTS \(figures) (block INTEGER PRIMARY KEY, entries BLOB NOT NULL);
        CREATE TABLE IF NOT EXISTS \(totals) (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            articles INTEGER NOT NULL,
            title_length INTEGER NOT NULL,
            body_length INTEGER NOT NULL
        );
        INSERT OR IGNORE INTO \(totals) (id, articles, title_length, body_length) VALUES (1, 0, 0, 0);
        CREATE TABLE IF NOT EXISTS \(dictionaries) (id INTEGER PRIMARY KEY, bytes BLOB NOT NULL);
        CREATE TABLE IF NOT EXISTS \(heads) (
            expression TEXT PRIMARY KEY,
            model TEXT NOT NULL,
            frequency INTEGER NOT NULL,
            rows BLOB NOT NULL
        ) WITHOUT ROWID;
        CREATE VIEW IF NOT EXISTS \(articles) AS
            SELECT id, path, title, author, categories, date, \(StoredTextFunction.name)(compressed_body) AS body,
                   CASE WHEN length(compressed_images) = 0 THEN '{}'
                        ELSE \(StoredTextFunction.name)(compressed_images) END AS images, content_hash
            FROM \(documents);
        CREATE VIRTUAL TABLE IF NOT EXISTS \(fts) USING fts5(
            title, body, content = '\(articles)', content_rowid = 'id', tokenize = '\(FTS5Tokenizer.name)',
            columnsize = 0
        );
        CREATE TRIGGER IF NOT EXISTS \(documents)_delete AFTER DELETE ON \(documents) BEGIN
            INSERT INTO \(fts) (\(fts), rowid, title, body)
                VALUES ('delete', old.id, old.title, \(StoredTextFunction.name)(old.compressed_body));
            DELETE FROM \(statistics) WHERE id = old.id;
        END;
        CREATE TRIGGER IF NOT EXISTS \(statistics)_delete AFTER DELETE ON \(statistics) BEGIN
            UPDATE \(totals) SET articles = articles - 1, title_length = title_length - old.title_length,
                body_length = body_length - old.body_length;
            UPDATE \(figures) SET entries = \(FigureFunction.name)(entries, old.id, 0, 0, NULL, 0)
                WHERE block = old.id >> \(ArticleFigures.blockShift);
            UPDATE \(titles) SET articles = articles - 1 WHERE key = old.title_key;
            \(seriesMarking(key: """
                (SELECT key FROM \(titles) WHERE key = old.title_key AND articles = \(Ranking.seriesSize - 1))
                """, isSeries: false));
            DELETE FROM \(titles) WHERE key = old.title_key AND articles <= 0;
            \(headsRemoval);
        END;
        CREATE TRIGGER IF NOT EXISTS \(documents)_update
        BEFORE UPDATE OF id, title, compressed_body ON \(documents) BEGIN
            SELECT RAISE(ABORT, '\(documents): an article''s id, title and body cannot be changed in place; delete the row and add the article again');
        END;
        """

    /// Adds an article's share to the totals (bound: title length, body length).
    static let totalsAddition = """
        UPDATE \(totals) SET articles = articles + 1, title_length = title_length + ?1, body_length = body_length + ?2
        WHERE id = 1
        """

    /// Sets an article's entry in its block of figures (bound: id, title length, body length, date or NULL, whether
    /// it belongs to a series).
    static let figureUpsert = """
        INSERT INTO \(figures) (block, entries)
        VALUES (?1 >> \(ArticleFigures.blockShift), \(FigureFunction.name)(NULL, ?1, ?2, ?3, ?4, ?5))
        ON CONFLICT (block) DO UPDATE SET entries = \(FigureFunction.name)(entries, ?1, ?2, ?3, ?4, ?5)
        """

    /// Counts an article under its title's key (bound: the key). Not with `RETURNING`, which made SQLite open a
    /// statement savepoint for every article, where FTS5 writes its pending terms out (indexing the shared corpus
    /// took 8.0 s instead of 5.4): the count is read after (``titleCount``).
    static let titleAddition = """
        INSERT INTO \(titles) (key, articles) VALUES (?1, 1) ON CONFLICT (key) DO UPDATE SET articles = articles + 1
        """

    /// The number of articles under a title's key (bound: the key).
    static let titleCount = "SELECT articles FROM \(titles) WHERE key = ?1"

    /// Sets the series mark of every article of the title with key `?1` (bound: the key): what the store runs when
    /// the title's ``Ranking/seriesSize``-th article comes.
    static let seriesMarkingByKey = seriesMarking(key: "?1", isSeries: true)

    /// The statement that sets (or clears) the series mark in the figures of every article whose title key is the
    /// SQL expression `key` (none when it is NULL: the delete trigger's key is NULL unless the title just fell below
    /// the series' size, so that a delete reads no article of its title otherwise): each block of those articles
    /// rewritten once, with the ids it holds (``FigureFunction``'s `newsearch_series`), through the index of the
    /// statistics' title keys.
    private static func seriesMarking(key: String, isSeries: Bool) -> String {
        """
        UPDATE \(figures) SET entries = \(FigureFunction.seriesName)(entries, \(isSeries ? 1 : 0),
            (SELECT group_concat(id) FROM \(statistics)
             WHERE title_key = \(key) AND id >> \(ArticleFigures.blockShift) = \(figures).block))
        WHERE block IN (SELECT id >> \(ArticleFigures.blockShift) FROM \(statistics) WHERE title_key = \(key))
        """
    }

    /// Empties the ranked heads: they rank the articles as they were.
    static let headsRemoval = "DELETE FROM \(heads)"

    /// Everything ``creation`` makes, by type and name: an index that lacks one is damaged.
    static let objects: [(type: String, name: String)] = [
        ("table", meta), ("table", documents), ("table", statistics), ("table", figures), ("table", totals),
        ("table", heads), ("table", dictionaries),
        ("view", articles), ("table", fts), ("trigger", "\(documents)_delete"), ("trigger", "\(documents)_update"),
        ("trigger", "\(statistics)_delete"), ("index", statisticsDates), ("table", titles),
        ("index", statisticsTitles),
    ]

    /// Drops newsearch's own tables, and nothing else.
    static let removal = """
        DROP TABLE IF EXISTS \(fts); DROP VIEW IF EXISTS \(articles); DROP TABLE IF EXISTS \(statistics);
        DROP TABLE IF EXISTS \(figures); DROP TABLE IF EXISTS \(totals); DROP TABLE IF EXISTS \(titles);
        DROP TABLE IF EXISTS \(heads); DROP TABLE IF EXISTS \(dictionaries);
        DROP TABLE IF EXISTS \(documents); DROP TABLE IF EXISTS \(meta);
        """

    /// The tables of the first layout (schema version 1), recognised only to be replaced on `--rebuild`.
    static let firstLayoutRemoval = "DROP TABLE IF EXISTS fts; DROP TABLE IF EXISTS documents; DROP TABLE IF EXISTS meta;"
}
