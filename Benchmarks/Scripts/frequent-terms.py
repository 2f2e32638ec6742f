#!/usr/bin/python3
"""Warm search time of frequent one-term queries, as `took_ms` reports it.

    /usr/bin/python3 Benchmarks/Scripts/frequent-terms.py NEWSEARCH INDEX

Each term is asked 8 times in a row on one `newsearch query --stdin` process; prints the median of the last 6.
Run two builds interleaved on the same index to compare them (the machines are noisy).
"""
import json, subprocess, statistics, sys
binary, index = sys.argv[1], sys.argv[2]
terms = ["经济", "中国", "发展", "党", "习近平", "北京", "疫情"]
runs = 8
lines = "".join(json.dumps({"q": t, "limit": 10}, ensure_ascii=False) + "\n" for t in terms for _ in range(runs))
out = subprocess.run([binary, "query", "--index", index, "--stdin"], input=lines, capture_output=True, text=True).stdout.splitlines()
for i, t in enumerate(terms):
    took = [json.loads(l)["took_ms"] for l in out[i*runs:(i+1)*runs]][2:]
    print(t, round(statistics.median(took), 2), end="; ")
print()
