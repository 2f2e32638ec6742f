"""Opens a newsearch index with Python's sqlite3 so that its `newsearch_articles` view reads as it does in
newsearch: the bodies are stored compressed (Zstandard), and the view decompresses them with the SQL function
`newsearch_text`, which this registers with the `zstandard` module (Debian: `apt-get install python3-zstandard`;
elsewhere `pip install zstandard`).

    import stored_text
    database = stored_text.connect(INDEX)
    for title, body in database.execute("SELECT title, body FROM newsearch_articles"): ...
"""
import sqlite3

try:
    import zstandard
except ImportError:  # pragma: no cover - a message instead of a trace
    raise SystemExit("reading a newsearch index's bodies needs the zstandard module: "
                     "apt-get install python3-zstandard (Debian) or pip install zstandard")

def connect(path: str) -> sqlite3.Connection:
    """A read-only connection to the index at `path` with `newsearch_text` registered."""
    database = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    dictionaries = {}
    try:
        for (stored,) in database.execute("SELECT bytes FROM newsearch_dictionaries"):
            dictionary = zstandard.ZstdCompressionDict(stored)
            dictionaries[dictionary.dict_id()] = zstandard.ZstdDecompressor(dict_data=dictionary)
    except sqlite3.OperationalError:  # an index made before the dictionaries (schema 6 and older)
        pass
    plain = zstandard.ZstdDecompressor()

    def text(stored):
        """An article body from its stored bytes (no bytes: an empty body)."""
        if stored is None:
            return None
        if not stored:
            return ""
        dictionary = zstandard.get_frame_parameters(stored).dict_id
        return dictionaries.get(dictionary, plain).decompress(stored).decode("utf-8")

    database.create_function("newsearch_text", 1, text, deterministic=True)
    return database
