"""Announcement fan-out: from publishing an announcement to a whole school to its arrival on every student's SSE stream.

On a running system (./kelas up, or KELAS_AUTH_URL, KELAS_LEARNING_URL, KELAS_NOTIFICATION_URL): registers a school
with STUDENTS (1000) students (CSV import), logs them in, opens one SSE stream per student, and then N (5) times:
the admin POSTs an announcement to the whole school (audience SCHOOL, published at once) and the script records
when it reaches each stream. Latency runs from the POST being sent to the event's arrival, so it includes the
outbox relay, JetStream, notification-service storing 1000 numbered notifications in one transaction and pushing
them. Printed: p50 and p99 of all deliveries, and the median time to the last delivery. For scale, the same is
measured first for an announcement to a class of one student (the floor: one recipient), and the ratio printed.
A benchmark, not a test: it asserts nothing. Python 3 standard library only.

Usage: /usr/bin/python3 scripts/bench_announce.py [STUDENTS=1000] [N=5]
"""
import asyncio
import functools
import os
import statistics
import sys
import time
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_notify import Stream, percentile, students  # noqa: E402
from kelas_client import LEARNING, NOTIFICATION, call, retry  # noqa: E402

print = functools.partial(print, flush=True)  # noqa: A001


class AnnouncementStream(Stream):
    """An SSE stream that records when each benchmark announcement (title bench-...) arrives."""

    @staticmethod
    def marker(notification):
        return notification.get("title", "")


async def announce(token, body, streams, expected, timeout=120.0):
    """POSTs an announcement (body without title) and waits for it on `expected` streams; returns latencies in ms."""
    title = "bench-" + uuid.uuid4().hex[:8]
    sent = time.monotonic()
    await asyncio.to_thread(call, "POST", f"{LEARNING}/api/v1/announcements", dict(body, title=title, body="Fan-out."), token)
    deadline = sent + timeout
    while time.monotonic() < deadline and sum(title in s.arrivals for s in streams) < expected:
        await asyncio.sleep(0.01)
    return [(s.arrivals[title] - sent) * 1000 for s in streams if title in s.arrivals]


async def measure(school, users, rounds):
    streams = [AnnouncementStream(user) for user in users]
    opened = asyncio.Semaphore(0)
    tasks = [asyncio.create_task(s.run(NOTIFICATION, s.user["token"], opened)) for s in streams]
    for _ in streams:
        await opened.acquire()
    print(f"{sum(s.status == 200 for s in streams)} of {len(streams)} SSE streams open")
    await asyncio.sleep(2)

    teacher = await asyncio.to_thread(school.create_user, "TEACHER", "Bench Teacher")
    klass = await asyncio.to_thread(call, "POST", f"{LEARNING}/api/v1/classes",
                                    {"name": "Floor class", "code": "ANN-" + uuid.uuid4().hex[:6]}, teacher["token"])
    await asyncio.to_thread(retry, lambda: call("POST", f"{LEARNING}/api/v1/classes/{klass['id']}/enrollments",
                                                {"studentId": users[0]["id"]}, teacher["token"]), 60)
    await asyncio.sleep(2)  # notification-service learns the class member from the enrollment event
    floor = []
    for _ in range(rounds):
        floor += await announce(teacher["token"], {"audience": "CLASS", "classId": klass["id"]}, streams[:1], 1)
    school_wide, lasts = [], []
    for _ in range(rounds):
        latencies = await announce(school.admin["token"], {"audience": "SCHOOL"}, streams, len(streams))
        school_wide += latencies
        lasts.append(max(latencies) if latencies else float("nan"))
        print(f"  announcement to the school: {len(latencies)} of {len(streams)} delivered, last after {lasts[-1]:.0f} ms")
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)

    print(f"\none student (floor) x{len(floor)}: p50 {percentile(floor, 50):.0f} ms, p99 {percentile(floor, 99):.0f} ms")
    print(f"whole school, {len(streams)} students, deliveries x{len(school_wide)}: p50 {percentile(school_wide, 50):.0f} ms, "
          f"p99 {percentile(school_wide, 99):.0f} ms; time to the last delivery: median {statistics.median(lasts):.0f} ms")
    print(f"ratio p50 school / p50 one student: {percentile(school_wide, 50) / percentile(floor, 50):.1f}x")


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    school, users = students(count)
    print(f"school {school.slug}: {len(users)} students logged in")
    asyncio.run(measure(school, users, rounds))


if __name__ == "__main__":
    main()
