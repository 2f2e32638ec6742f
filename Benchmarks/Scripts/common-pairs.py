#!/usr/bin/env python3
"""Lists the most frequent pairs of adjacent ideographs in an index's articles, by the number of articles that
hold each pair (title or body), most frequent first: the source of `CommonPairs.list` (Sources/NewSearch/Analysis).

    /usr/bin/python3 Benchmarks/Scripts/common-pairs.py INDEX [COUNT]

INDEX is a newsearch index of the shared corpus (`newsearch index --index INDEX ../shared/corpus`); COUNT defaults
to 100. A pair is two CJK unified ideographs next to each other in the stored text, as the tokenizer's runs hold
them; the text is not folded. newsearch's folding changes one pair of the first 3,000 (显著, whose 著 its
Traditional → Simplified step maps to 着): `CommonPairs.list` holds it folded, as 显着.
"""
import collections
import re
import sys

import stored_text

IDEOGRAPHS = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")


def main() -> None:
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    database = stored_text.connect(sys.argv[1])
    articles = collections.Counter()
    total = 0
    for title, body in database.execute("SELECT title, body FROM newsearch_articles"):
        total += 1
        pairs = set()
        for text in (title, body):
            for run in IDEOGRAPHS.findall(text):
                pairs.update(run[index:index + 2] for index in range(len(run) - 1))
        articles.update(pairs)
    for pair, holding in articles.most_common(count):
        print(f"{pair}\t{holding}\t{holding / total:.3f}")


if __name__ == "__main__":
    main()
