#!/usr/bin/env python3
"""Loads `newsearch serve` with concurrent clients on loopback and prints requests/s and latency percentiles.

Usage, from the repository root after `swift build -c release` and `newsearch index --index INDEX FOLDER`:

    Benchmarks/Scripts/serve-load.py INDEX [REQUESTS] [CLIENTS]        (defaults: 400 requests, 20 clients)

Starts `newsearch serve --port 0 --index INDEX` (NEWSEARCH names another binary), sends REQUESTS searches
`/api/search?q=…&facets=category,year` from CLIENTS threads, each query taken in turn from the benchmarks'
typical queries (Benchmarks/Sources/BenchmarkSupport/TypicalQueries.swift), and counts every answer that is not
a 200 with a JSON body as an error.
"""
import json, os, re, statistics, subprocess, sys, time, urllib.parse, urllib.request
from concurrent.futures import ThreadPoolExecutor

index = sys.argv[1]
requests = int(sys.argv[2]) if len(sys.argv) > 2 else 400
clients = int(sys.argv[3]) if len(sys.argv) > 3 else 20
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
source = open(os.path.join(root, "Benchmarks/Sources/BenchmarkSupport/TypicalQueries.swift"), encoding="utf-8").read()
queries = re.findall(r'"([^"\n]+)"', source[source.index("typicalQueries: [String] = ["):])
binary = os.environ.get("NEWSEARCH", os.path.join(root, ".build/release/newsearch"))

server = subprocess.Popen([binary, "serve", "--port", "0", "--index", index],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
port = None
for line in server.stderr:
    found = re.search(r"listening on http://127\.0\.0\.1:(\d+)", line)
    if found:
        port = int(found.group(1))
        break
if port is None:
    sys.exit("the server did not start")
# Keep reading the access log so that the server never blocks on a full pipe.
import threading
threading.Thread(target=lambda: [None for _ in server.stderr], daemon=True).start()


def one(number):
    query = queries[number % len(queries)]
    url = f"http://127.0.0.1:{port}/api/search?" + urllib.parse.urlencode({"q": query, "facets": "category,year"})
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            ok = response.status == 200 and "total" in json.loads(response.read())
    except Exception:
        ok = False
    return time.perf_counter() - started, ok


try:
    for number in range(len(queries)):  # warm-up: every query once, unmeasured
        one(number)
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        results = list(pool.map(one, range(requests)))
    elapsed = time.perf_counter() - started
finally:
    server.terminate()
    server.wait()

latencies = sorted(seconds * 1000 for seconds, _ in results)
errors = sum(1 for _, ok in results if not ok)
p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
print(f"{requests} requests from {clients} clients in {elapsed:.2f} s: {requests / elapsed:.0f} requests/s, "
      f"p50 {statistics.median(latencies):.1f} ms, p99 {p99:.1f} ms, errors {errors}")
sys.exit(1 if errors else 0)
