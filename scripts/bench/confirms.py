#!/usr/bin/env python3
"""Purchase confirms under concurrency: N renewals of distinct companies, C at a time.

Usage: confirms.py BASE N C. Signs in as bench contacts (bench<id>@bench.example, the demo
password), quotes a one-year Standard renewal for each, then confirms them C at a time and
prints throughput, p50 and p99 of the confirms alone. Standard library only.
"""
import json, sys, time, urllib.parse, urllib.request, http.cookiejar
from concurrent.futures import ThreadPoolExecutor

BASE, N, C = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
PASSWORD = "demo-password-2026"


def post(opener, endpoint, form):
    data = urllib.parse.urlencode(form).encode()
    req = urllib.request.Request(f"{BASE}/api/{endpoint}", data=data,
                                 headers={"Accept": "application/json"})
    with opener.open(req) as r:
        return json.loads(r.read() or b"null")


def prepare(company_id):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    post(opener, "login", {"email": f"bench{company_id}@bench.example", "password": PASSWORD})
    quote = post(opener, "support_quote", {"plan": "standard", "years": "1"})
    return opener, quote


def confirm(args):
    opener, quote = args
    started = time.perf_counter()
    post(opener, "buy_support", {"plan": "standard", "years": "1",
                                 "digest": quote["digest"], "key": quote["idempotency_key"]})
    return time.perf_counter() - started


# Bench companies are ids 7.. (after the six demo ones).
companies = list(range(7, 7 + N))
with ThreadPoolExecutor(8) as pool:
    prepared = list(pool.map(prepare, companies))
started = time.perf_counter()
with ThreadPoolExecutor(C) as pool:
    latencies = sorted(pool.map(confirm, prepared))
took = time.perf_counter() - started
p = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000
print(f"confirms\t{N / took:.0f}\t{p(0.50):.1f}\t{p(0.99):.1f}")
