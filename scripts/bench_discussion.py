"""Listing a busy class's discussion: p50/p99 of GET /api/v1/classes/{id}/discussion/threads with THREADS (500) threads.

On a running system (./kelas up): seeds a class with a teacher and STUDENTS (50) students who open THREADS threads
between them (each user may post kelas.learning.discussion.posts-per-minute, 10 by default, so the students take
turns) and a classmate replies to every fifth. Then, as a student (whose read state is joined into every row), R (300)
sequential reads of the first page (20 threads, pinned first, newest activity next) after 20 warm-ups, R reads of
a full-text search, and R reads of the class itself (GET /api/v1/classes/{id}: an authenticated read of one row,
the floor the list is compared with). Prints median, p99 and worst in ms, and the ratios to the floor.
A benchmark, not a test: it asserts nothing.

Usage: /usr/bin/python3 scripts/bench_discussion.py [R=300] [THREADS=500] [STUDENTS=50]
"""
import functools
import statistics
import sys
import time
import uuid

from kelas_client import LEARNING, School, call, retry

print = functools.partial(print, flush=True)  # noqa: A001 (progress shows when the output is a file)

WORDS = ["loops", "recursion", "arrays", "strings", "sorting", "graphs", "classes", "tests", "files", "maps"]


def seed(threads, students_count):
    school = School("Discussion Bench")
    teacher = school.create_user("TEACHER", "Bench Teacher")
    students = [school.create_user("STUDENT", f"Bench Student {i}") for i in range(students_count)]
    klass = retry(lambda: call("POST", LEARNING + "/api/v1/classes",
                               {"name": "Bench class", "code": "DSC-" + uuid.uuid4().hex[:6]}, teacher["token"]), timeout=30)
    retry(lambda: call("POST", f"{LEARNING}/api/v1/classes/{klass['id']}/enrollments/bulk",
                       {"studentIds": [s["id"] for s in students]}, teacher["token"]), timeout=30)
    for i in range(threads):
        author = students[i % len(students)]
        word = WORDS[i % len(WORDS)]
        thread = retry(lambda: call("POST", f"{LEARNING}/api/v1/classes/{klass['id']}/discussion/threads",
                                    {"title": f"Question {i} about {word}", "body": f"How do **{word}** work? #{i}"},
                                    author["token"]), timeout=120, statuses=(429,))
        if i % 5 == 0:
            replier = students[(i + 1) % len(students)]
            retry(lambda: call("POST", f"{LEARNING}/api/v1/discussion/threads/{thread['id']}/replies",
                               {"body": "Good question."}, replier["token"]), timeout=120, statuses=(429,))
    return klass, students[0]


def timed(method, url, token):
    sent = time.perf_counter()
    call(method, url, token=token)
    return (time.perf_counter() - sent) * 1000


def percentile(sorted_values, fraction):
    return sorted_values[min(len(sorted_values) - 1, int(fraction * len(sorted_values)))]


def run(name, url, token, reads):
    for _ in range(20):
        call("GET", url, token=token)
    latencies = sorted(timed("GET", url, token) for _ in range(reads))
    print(f"{name} x{reads}: median {statistics.median(latencies):.1f} ms, p99 {percentile(latencies, 0.99):.1f} ms, "
          f"worst {latencies[-1]:.1f} ms")
    return latencies


def main():
    reads = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    threads = int(sys.argv[2]) if len(sys.argv) > 2 else 500
    students_count = int(sys.argv[3]) if len(sys.argv) > 3 else 50
    started = time.monotonic()
    klass, reader = seed(threads, students_count)
    print(f"seeded {threads} threads in {time.monotonic() - started:.0f} s")
    base = f"{LEARNING}/api/v1/classes/{klass['id']}"
    listing = run("thread list, first page of 20", base + "/discussion/threads?size=20", reader["token"], reads)
    search = run("full-text search (q=recursion)", base + "/discussion/threads?size=20&q=recursion", reader["token"], reads)
    floor = run("floor: GET the class", base, reader["token"], reads)
    p99 = percentile(floor, 0.99)
    print(f"ratio p99 list / floor: {percentile(listing, 0.99) / p99:.1f}x; search / floor: {percentile(search, 0.99) / p99:.1f}x")


if __name__ == "__main__":
    main()
