"""Grader throughput on a running system (./kelas up, plus ./kelas grader N for more grader processes).

Ten students submit N trivial accepted Python programs (one test each) as fast as 8 client threads can
post them; then the script waits until every one is GRADED. It prints submissions graded per second
(N over the time from the first submission's createdAt to the last one's gradedAt) and the median and
p99 submit-to-graded latency (gradedAt - createdAt; both stamped by lab-service, so client polling adds
nothing). With a burst this large the latency is mostly time in queue: it measures the backlog, not a
lone submission (./kelas bench measures that).
With a second argument S the program first sleeps S seconds: a wall-bound run that shows how graders
scale when the machine's cores are not the limit.
Usage: /usr/bin/python3 scripts/bench_graders.py [N=200] [S=0]
"""
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime

from kelas_client import LAB, School, call, coding_task, retry, submit

RIGHT = "print(int(input()) * 2)\n"
STUDENTS = 10


def instant(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def graded_history(teacher, task_id, expected):
    """Pages through the task's submissions (newest first) once; returns them all."""
    items, page = [], 0
    while len(items) < expected + STUDENTS:
        answer = call("GET", f"{LAB}/api/v1/lab/tasks/{task_id}/submissions?page={page}&size=100", token=teacher["token"])
        items += answer["items"]
        if not answer["items"]:
            break
        page += 1
    return items


def main(count, sleep_seconds):
    school = School("Grader Bench")
    teacher = school.create_user("TEACHER", "Bench Teacher")
    students = [school.create_user("STUDENT", f"Bench Student {i}") for i in range(STUDENTS)]
    task = coding_task(teacher, students, [{"stdin": "21\n", "expectedStdout": "42\n", "hidden": False, "points": 10}],
                       limits={"cpuSeconds": 1, "wallSeconds": 2 + sleep_seconds, "memoryMib": 256})
    program = (f"import time\ntime.sleep({sleep_seconds})\n" if sleep_seconds else "") + RIGHT

    # Each enrollment reaches lab-service as its own event: until it has, that student's submission is 403.
    for student in students:
        retry(lambda: submit(student, task["id"], program), statuses=(403,))
    started = time.monotonic()
    with ThreadPoolExecutor(8) as pool:
        burst = set(pool.map(lambda i: submit(students[i % STUDENTS], task["id"], program), range(count)))
    posted = time.monotonic() - started

    deadline = time.monotonic() + 600
    while True:
        history = graded_history(teacher, task["id"], count)
        done = [s for s in history if s["id"] in burst and s["status"] in ("GRADED", "FAILED")]
        if len(done) >= count:
            break
        if time.monotonic() > deadline:
            raise TimeoutError(f"only {len(done)} of {count} graded in 600 s")
        time.sleep(1)

    wrong = [s for s in done if s.get("verdict") != "ACCEPTED"]
    if wrong:
        raise AssertionError(f"{len(wrong)} submissions were not ACCEPTED, e.g. {wrong[0]}")
    first = min(instant(s["createdAt"]) for s in done)
    last = max(instant(s["gradedAt"]) for s in done)
    latencies = sorted((instant(s["gradedAt"]) - instant(s["createdAt"])).total_seconds() * 1000 for s in done)
    span = (last - first).total_seconds()
    print(f"{count} accepted submissions{f' (sleeping {sleep_seconds} s)' if sleep_seconds else ''} posted in {posted:.1f} s, all graded {span:.1f} s after the first arrived: "
          f"{count / span:.1f} graded/s; submit-to-graded latency median {statistics.median(latencies):.0f} ms, "
          f"p99 {latencies[min(count - 1, int(0.99 * count))]:.0f} ms, best {latencies[0]:.0f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200, float(sys.argv[2]) if len(sys.argv) > 2 else 0)
