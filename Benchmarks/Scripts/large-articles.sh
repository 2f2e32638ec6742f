#!/usr/bin/env bash
# Measures newsearch on one very large article: the peak memory of indexing it, and the time of a query that
# matches it (its snippet included). Usage, from the repository root after `swift build -c release`:
#
#     Benchmarks/Scripts/large-articles.sh [MEGABYTES ...]      (default: 5 50)
#
# Each article is the seed's kind of post: front matter, then an HTML body of one repeated paragraph, then a
# last paragraph holding a word found nowhere else (鹦鹉螺), about MEGABYTES MB in all.
set -euo pipefail
binary=${NEWSEARCH:-.build/release/newsearch}
[ -x "$binary" ] || { echo "build first: swift build -c release (or set NEWSEARCH)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for megabytes in "${@:-5 50}"; do
  for size in $megabytes; do
    mkdir -p "$work/$size"
    python3 - "$work/$size/article.md" "$size" <<'PY'
import sys
path, megabytes = sys.argv[1], float(sys.argv[2])
paragraph = "<p>上海提高快递员社会保险水平，加大处置欠薪力度，经济运行总体平稳，人民币汇率保持稳定。</p>\n"
count = int(megabytes * 1e6 / len(paragraph.encode()))
with open(path, "w", encoding="utf-8") as out:
    out.write("---\ntitle: '大文章'\ndate: Wed, 16 Feb 2022 06:26:14 GMT\n---\n<div>\n")
    out.write(paragraph * count)
    out.write("<p>结尾独有词语鹦鹉螺</p></div>\n")
PY
    echo "## one article of $size MB"
    /usr/bin/time -f "index: %e s wall, peak memory %M KB" "$binary" index --index "$work/$size.db" "$work/$size" 2>&1 \
      | grep -E "^index:|Error" || true
    for query in 经济 鹦鹉螺; do
      /usr/bin/time -f "query $query: %e s wall, peak memory %M KB" "$binary" query --index "$work/$size.db" "$query" \
        2>&1 >/dev/null | grep -E "^query|Error" || true
    done
  done
done
