"""auth-service speed on a running system (./kelas up): login throughput and GET /api/v1/auth/me latency.

Logins: N (200) correct logins of 8 users from C (4) client threads, each one Argon2id verification with the
configured parameters (default 19 MiB, 2 iterations, parallelism 1); prints logins per second.
/me: M (2000) sequential calls with one token after 200 warm-up calls; prints median, p99 and worst in ms.
Usage: /usr/bin/python3 scripts/bench_auth.py [N=200] [M=2000] [C=4]
"""
import statistics
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from kelas_client import AUTH, School, call


def main(logins, reads, clients):
    school = School("Auth Bench")
    users = [school.create_user("STUDENT", f"Bench Login {i}") for i in range(8)]

    def login(i):
        user = users[i % len(users)]
        call("POST", AUTH + "/api/v1/auth/login", {"tenant": school.slug, "email": user["email"], "password": user["password"]})

    for i in range(clients * 2):  # warm-up
        login(i)
    started = time.monotonic()
    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(login, range(logins)))
    elapsed = time.monotonic() - started
    print(f"{logins} logins from {clients} clients in {elapsed:.1f} s: {logins / elapsed:.1f} logins/s")

    token = users[0]["token"]
    request = urllib.request.Request(AUTH + "/api/v1/auth/me", headers={"Authorization": "Bearer " + token})
    for _ in range(200):
        urllib.request.urlopen(request).read()
    latencies = []
    for _ in range(reads):
        sent = time.perf_counter()
        with urllib.request.urlopen(request) as response:
            response.read()
        latencies.append((time.perf_counter() - sent) * 1000)
    latencies.sort()
    print(f"GET /api/v1/auth/me x{reads}: median {statistics.median(latencies):.2f} ms, "
          f"p99 {latencies[int(0.99 * (reads - 1))]:.2f} ms, worst {latencies[-1]:.2f} ms")


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:]]
    main(*(args + [200, 2000, 4][len(args):]))
