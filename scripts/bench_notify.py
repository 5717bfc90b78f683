"""Concurrent SSE connections and grade-event-to-delivery latency of one notification-service instance.

On a running system (./kelas up, or the URLs in KELAS_AUTH_URL, KELAS_NOTIFICATION_URL, KELAS_NATS_URL): registers
a school with --users students (CSV import) and logs them in; then for each client count opens that many SSE
streams (round-robin over the students), holds them through --hold seconds of heartbeats, counting the streams that
stay open and the heartbeats each receives, and publishes --events kelas.learning.grade.recorded events to
JetStream (as learning-service's outbox relay would, with Nats-Msg-Id) at --rate per second, each for a random
student. Latency is from the publish to the arrival of the notification on each of that student's streams.
A benchmark, not a test: it asserts nothing. Python 3 standard library only.

Usage: /usr/bin/python3 scripts/bench_notify.py [CLIENTS ...] [--users 500] [--events 200] [--rate 20] [--hold 40]
"""
import argparse
import asyncio
import json
import os
import random
import resource
import statistics
import sys
import time
import urllib.parse
import urllib.request
import uuid
from datetime import datetime, timezone

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kelas_client import AUTH, NOTIFICATION, School, call  # noqa: E402

NATS = os.environ.get("KELAS_NATS_URL", "nats://127.0.0.1:4222")
GRADES = "kelas.learning.grade.recorded"


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))] if ordered else float("nan")


class Stream:
    """One SSE connection: status, heartbeats seen, and the arrival time of each benchmark event."""

    def __init__(self, user):
        self.user = user
        self.status = None
        self.heartbeats = 0
        self.closed = False
        self.arrivals = {}
        self._buffer = b""
        self._data = []

    async def run(self, base, token, opened):
        url = urllib.parse.urlsplit(base)
        try:
            reader, writer = await asyncio.open_connection(url.hostname, url.port)
            writer.write((f"GET /api/v1/notifications/stream?access_token={token} HTTP/1.1\r\nHost: {url.netloc}\r\n"
                          "Accept: text/event-stream\r\n\r\n").encode())
            await writer.drain()
            self.status = int((await reader.readline()).split()[1])
            chunked = False
            while True:
                header = (await reader.readline()).strip().lower()
                if not header:
                    break
                chunked |= header == b"transfer-encoding: chunked"
            opened.release()
            while True:
                if chunked:
                    size = int((await reader.readline()).split(b";")[0], 16)
                    if size == 0:
                        break
                    data = await reader.readexactly(size + 2)
                    self._feed(data[:-2])
                else:
                    data = await reader.read(65536)
                    if not data:
                        break
                    self._feed(data)
        except (OSError, asyncio.IncompleteReadError, ValueError, IndexError):
            if self.status is None:
                opened.release()
        self.closed = True

    def _feed(self, data):
        now = time.monotonic()
        self._buffer += data
        while b"\n" in self._buffer:
            line, self._buffer = self._buffer.split(b"\n", 1)
            line = line.rstrip(b"\r")
            if line.startswith(b":"):
                self.heartbeats += line.startswith(b": keep-alive") or line.startswith(b":keep-alive")
            elif line.startswith(b"data:"):
                self._data.append(line[5:].lstrip(b" "))
            elif not line and self._data:
                notification = json.loads(b"\n".join(self._data))
                self._data = []
                marker = self.marker(notification)
                if marker.startswith("bench-"):
                    self.arrivals[marker] = now

    @staticmethod
    def marker(notification):
        """What names a benchmark event in a notification (a subclass may read another field)."""
        return notification.get("data", {}).get("assignmentTitle", "")


class Nats:
    """Just enough of the NATS client protocol to publish with headers."""

    async def connect(self, url):
        parts = urllib.parse.urlsplit(url)
        self.reader, self.writer = await asyncio.open_connection(parts.hostname, parts.port or 4222)
        await self.reader.readline()  # INFO
        self.writer.write(b'CONNECT {"verbose":false,"pedantic":false,"headers":true,"name":"bench-notify"}\r\nPING\r\n')
        await self.writer.drain()
        self.pump = asyncio.create_task(self._answer_pings())

    async def _answer_pings(self):
        while True:
            line = await self.reader.readline()
            if not line:
                return
            if line.startswith(b"PING"):
                self.writer.write(b"PONG\r\n")

    async def publish(self, subject, headers, payload):
        head = ("NATS/1.0\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers.items()) + "\r\n").encode()
        self.writer.write(f"HPUB {subject} {len(head)} {len(head) + len(payload)}\r\n".encode() + head + payload + b"\r\n")
        await self.writer.drain()


def server_side():
    """Open connections and heap in use, from the service's Prometheus metrics."""
    try:
        with urllib.request.urlopen(NOTIFICATION + "/q/metrics", timeout=10) as response:
            lines = response.read().decode().splitlines()
    except OSError as error:
        return f"(no metrics: {error})"
    connections = sum(float(l.split()[-1]) for l in lines if l.startswith("kelas_notification_connections"))
    heap = sum(float(l.split()[-1]) for l in lines if l.startswith('jvm_memory_used_bytes{area="heap"'))
    return f"{connections:.0f} connections open, {heap / 2**20:.0f} MiB heap in use"


def students(count):
    """A new school with count students, each logged in: [{id, token}]."""
    school = School("Notification Bench School")
    rows = ["email,name,role,password"]
    for i in range(count):
        rows.append(f"s{i}@{school.slug}.test,Student {i},STUDENT,bench-password-{i}")
    request = urllib.request.Request(AUTH + "/api/v1/users/import", data="\n".join(rows).encode(), method="POST",
                                     headers={"Content-Type": "text/csv", "Authorization": "Bearer " + school.admin["token"]})
    with urllib.request.urlopen(request, timeout=600) as response:
        response.read()
    ids = {}
    page = 0
    while True:
        listed = call("GET", f"{AUTH}/api/v1/users?role=STUDENT&size=100&page={page}", token=school.admin["token"])
        for user in listed["items"]:
            ids[user["email"]] = user["id"]
        page += 1
        if page * 100 >= listed["total"]:
            break
    logged = []
    for i in range(count):
        email = f"s{i}@{school.slug}.test"
        logged.append(school.login(ids[email], email, f"bench-password-{i}"))
    return school, logged


async def measure(clients, school, users, args):
    print(f"\n== {clients} SSE clients over {len(users)} students")
    opened = asyncio.Semaphore(0)
    streams = [Stream(users[i % len(users)]) for i in range(clients)]
    tasks = []
    started = time.monotonic()
    for i, stream in enumerate(streams):
        tasks.append(asyncio.create_task(stream.run(NOTIFICATION, stream.user["token"], opened)))
        if i % 200 == 199:
            await asyncio.sleep(0.05)
    for _ in streams:
        await opened.acquire()
    ok = sum(1 for s in streams if s.status == 200)
    print(f"opened {ok} of {clients} streams (HTTP 200) in {time.monotonic() - started:.1f} s")
    await asyncio.sleep(2)
    print(f"service says: {server_side()}")

    nats = Nats()
    await nats.connect(NATS)
    by_user = {}
    for stream in streams:
        by_user.setdefault(stream.user["id"], []).append(stream)
    sent = {}
    interval = 1 / args.rate
    publish_started = time.monotonic()
    for k in range(args.warmup + args.events):
        user = random.choice(users)
        marker = f"bench-{clients}-{k}"
        event_id = str(uuid.uuid4())
        envelope = {"specversion": "1.0", "id": event_id, "source": "/kelas/bench-notify", "type": GRADES,
                    "subject": event_id, "time": datetime.now(timezone.utc).isoformat(), "tenantid": school.tenant_id,
                    "datacontenttype": "application/json",
                    "data": {"gradeId": event_id, "assignmentId": str(uuid.uuid4()), "classId": str(uuid.uuid4()),
                             "studentId": user["id"], "assignmentTitle": marker, "score": 9, "maxScore": 10,
                             "source": "TEACHER", "occurredAt": datetime.now(timezone.utc).isoformat()}}
        if k >= args.warmup:
            sent[marker] = (time.monotonic(), user["id"])
        await nats.publish(GRADES, {"Nats-Msg-Id": event_id}, json.dumps(envelope).encode())
        next_at = publish_started + (k + 1) * interval
        await asyncio.sleep(max(0.0, next_at - time.monotonic()))
    hold_until = started + args.hold
    await asyncio.sleep(max(5.0, hold_until - time.monotonic()))

    latencies, completions, missing = [], [], 0
    for marker, (at, user_id) in sent.items():
        arrivals = [s.arrivals.get(marker) for s in by_user.get(user_id, []) if s.status == 200]
        got = [a for a in arrivals if a is not None]
        missing += len(arrivals) - len(got)
        latencies += [(a - at) * 1000 for a in got]
        if got and len(got) == len(arrivals):
            completions.append((max(got) - at) * 1000)
    print(f"service says, after the events: {server_side()}")
    still_open = sum(1 for s in streams if s.status == 200 and not s.closed)
    beating = sum(1 for s in streams if s.status == 200 and not s.closed and s.heartbeats >= 2)
    held = time.monotonic() - started
    print(f"after {held:.0f} s: {still_open} streams open, {beating} of them with >= 2 heartbeats "
          f"(heartbeat every 15 s by default)")
    print(f"{len(sent)} grade events at {args.rate}/s, {len(latencies)} deliveries, {missing} missing")
    if latencies:
        print(f"publish-to-delivery per stream: p50 {percentile(latencies, 50):.1f} ms, p90 {percentile(latencies, 90):.1f} ms, "
              f"p99 {percentile(latencies, 99):.1f} ms, max {max(latencies):.1f} ms, mean {statistics.mean(latencies):.1f} ms")
    if completions:
        print(f"publish-to-last-stream-of-the-student: p50 {percentile(completions, 50):.1f} ms, "
              f"p99 {percentile(completions, 99):.1f} ms")
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    nats.pump.cancel()
    nats.writer.close()
    return still_open


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("clients", nargs="*", type=int, default=[1000, 5000])
    parser.add_argument("--users", type=int, default=500, help="students the streams are spread over")
    parser.add_argument("--events", type=int, default=200, help="measured grade events per client count")
    parser.add_argument("--warmup", type=int, default=20, help="unmeasured grade events first")
    parser.add_argument("--rate", type=float, default=20.0, help="grade events per second")
    parser.add_argument("--hold", type=float, default=40.0, help="seconds each set of streams stays open, at least")
    args = parser.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))  # one descriptor per stream
    started = time.monotonic()
    school, users = students(args.users)
    print(f"{len(users)} students registered and logged in in {time.monotonic() - started:.0f} s")
    for clients in args.clients:
        asyncio.run(measure(clients, school, users, args))


if __name__ == "__main__":
    main()
