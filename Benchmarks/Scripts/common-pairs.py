#!/usr/bin/env python3
"""Lists the most frequent pairs of adjacent ideographs in an index's articles, by the number of articles that
hold each pair (title or body), most frequent first: the source of `CommonPairs.list` (Sources/NewSearch/Analysis).

    /usr/bin/python3 Benchmarks/Scripts/common-pairs.py INDEX [COUNT] [--long-lists]

INDEX is a newsearch index of the shared corpus (`newsearch index --index INDEX ../shared/corpus`); COUNT defaults
to 100. With --long-lists it prints, in place of the COUNT most frequent, the pairs that a phrase of their two
characters finds slowly: not among the COUNT most frequent, in at least 0.3% of the articles, each character in at
least 3% of them (FTS5 walks the shorter character's list to find the pair), and neither character a particle
(的, 了, 是, ...: such pairs are rarely what a reader types). The list's second part (3,000 then --long-lists). A pair is two CJK unified ideographs next to each other in the stored text, as the tokenizer's runs hold
them; the text is not folded. newsearch's folding changes one pair of the first 3,000 (显著, whose 著 its
Traditional → Simplified step maps to 着): `CommonPairs.list` holds it folded, as 显着.
"""
import collections
import re
import sys

import stored_text

IDEOGRAPHS = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")
PARTICLES = set("的了是在和与也就都而及着过把被对")


def main() -> None:
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    arguments = [argument for argument in sys.argv[1:] if argument != "--long-lists"]
    count = int(arguments[1]) if len(arguments) > 1 else 100
    database = stored_text.connect(arguments[0])
    articles = collections.Counter()
    total = 0
    for title, body in database.execute("SELECT title, body FROM newsearch_articles"):
        total += 1
        pairs = set()
        for text in (title, body):
            for run in IDEOGRAPHS.findall(text):
                pairs.update(run[index:index + 2] for index in range(len(run) - 1))
        articles.update(pairs)
    if "--long-lists" not in sys.argv:
        for pair, holding in articles.most_common(count):
            print(f"{pair}\t{holding}\t{holding / total:.3f}")
        return
    holders = character_articles(database)
    frequent = {pair for pair, _ in articles.most_common(count)}
    for pair, holding in sorted(articles.items(), key=lambda item: (-item[1], item[0])):
        if pair in frequent or holding < 0.003 * total or PARTICLES & set(pair):
            continue
        if min(holders[pair[0]], holders[pair[1]]) >= 0.03 * total:
            # As the index folds it (著 → 着: the one fold among these pairs).
            print(f"{pair.replace('著', '着')}\t{holding}\t{holding / total:.3f}")


def character_articles(database) -> collections.Counter:
    """The number of articles that hold each ideograph (title or body)."""
    holders = collections.Counter()
    for title, body in database.execute("SELECT title, body FROM newsearch_articles"):
        holders.update(set("".join(IDEOGRAPHS.findall(title + "\n" + (body or "")))))
    return holders


if __name__ == "__main__":
    main()
