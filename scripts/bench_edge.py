"""What the edge costs, on a running system (./kelas up; start it with KELAS_RATE_LIMIT_ENABLED=false, since one
user's thousands of reads would otherwise meet the per-user limit).

Latency: N (2000) sequential authenticated GETs of one class (learning-service, a database read) on one
kept-alive connection, directly and through the edge, in alternating blocks of 100 so both see the same load;
prints median and p99 of each and what the edge adds.
Throughput: M (20000) of the same GETs from C (64) kept-alive connections with ApacheBench (ab, Debian's
apache2-utils), directly and through the edge; prints requests per second of each and their ratio.
Usage: /usr/bin/python3 scripts/bench_edge.py [N=2000] [M=20000] [C=64]   (env KELAS_EDGE_URL, default :8080)
"""
import http.client
import os
import re
import statistics
import subprocess
import sys
import time
import urllib.parse

import uuid

from kelas_client import LEARNING, School, call

EDGE = os.environ.get("KELAS_EDGE_URL", "http://127.0.0.1:8080")


def connection(base):
    parts = urllib.parse.urlsplit(base)
    return http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)


def get(conn, path, token):
    sent = time.perf_counter()
    conn.request("GET", path, headers={"Authorization": "Bearer " + token})
    response = conn.getresponse()
    response.read()
    if response.status != 200:
        sys.exit(f"GET {path} answered {response.status}")
    return (time.perf_counter() - sent) * 1000, response


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p))]


def ab(url, token, requests, clients):
    out = subprocess.run(["ab", "-q", "-k", "-n", str(requests), "-c", str(clients), "-H", "Authorization: Bearer " + token,
                          url], capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests per second:\s+([\d.]+)", out).group(1))
    failed = int(re.search(r"Failed requests:\s+(\d+)", out).group(1))
    non2xx = re.search(r"Non-2xx responses:\s+(\d+)", out)
    return rps, failed + (int(non2xx.group(1)) if non2xx else 0)


def main(reads, requests, clients):
    school = School("Edge Bench")
    teacher = school.create_user("TEACHER", "Edgar Edge")
    class_id = call("POST", LEARNING + "/api/v1/classes", {"name": "Edge 101", "code": "EDG-" + uuid.uuid4().hex[:6]},
                    teacher["token"])["id"]
    token, path = teacher["token"], "/api/v1/classes/" + class_id
    direct, edge = connection(LEARNING), connection(EDGE)
    _, first = get(edge, path, token)
    if first.getheader("RateLimit"):
        sys.exit("Rate limits are on (the answer carries RateLimit): restart with KELAS_RATE_LIMIT_ENABLED=false ./kelas up")
    for _ in range(300):  # warm-up of both paths
        get(direct, path, token)
        get(edge, path, token)
    timings = {"direct": [], "edge": []}
    for _ in range(reads // 100):
        for name, conn in (("direct", direct), ("edge", edge)):
            timings[name].extend(get(conn, path, token)[0] for _ in range(100))
    for name, values in timings.items():
        print(f"{name:7} GET {path}: median {statistics.median(values):.2f} ms, p99 {percentile(values, 0.99):.2f} ms "
              f"({len(values)} requests)")
    print(f"the edge adds: median {statistics.median(timings['edge']) - statistics.median(timings['direct']):.2f} ms, "
          f"p99 {percentile(timings['edge'], 0.99) - percentile(timings['direct'], 0.99):.2f} ms")

    results = {}
    for name, base in (("direct", LEARNING), ("edge", EDGE)):
        ab(base + path, token, min(2000, requests), clients)  # warm-up
        results[name] = ab(base + path, token, requests, clients)
        print(f"{name:7} {requests} GETs from {clients} connections: {results[name][0]:.0f} requests/s, "
              f"{results[name][1]} failed")
    print(f"through the edge: {results['edge'][0] / results['direct'][0]:.2f} x the direct requests per second")


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:]]
    main(*(args + [2000, 20000, 64][len(args):]))
