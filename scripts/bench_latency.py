"""Submit-to-SSE latency on a running system (./kelas up): N accepted Python submissions, one at a time.

For each, the time from sending POST .../submissions to the arrival of its kelas.lab.submission.graded
event on an open SSE stream. Prints median, p90 and worst in milliseconds.
Usage: /usr/bin/python3 scripts/bench_latency.py [N=20]
"""
import statistics
import sys
import time

from kelas_client import School, SseStream, coding_task, submit

RIGHT = "a, b = map(int, input().split())\nprint(a + b)\n"


def main(count):
    school = School("Bench School")
    teacher = school.create_user("TEACHER", "Bench Teacher")
    student = school.create_user("STUDENT", "Bench Student")
    task = coding_task(teacher, [student], [
        {"stdin": "1 2\n", "expectedStdout": "3\n", "hidden": False, "points": 5},
        {"stdin": "40 2\n", "expectedStdout": "42\n", "hidden": True, "points": 5}])
    stream = SseStream(student["token"])
    latencies = []
    for _ in range(count):
        sent = time.monotonic()
        submission_id = submit(student, task["id"], RIGHT)
        while True:
            event = stream.next(timeout=30)
            if event is None:
                raise TimeoutError("no SSE event within 30 s")
            if event["event"] == "kelas.lab.submission.graded" and event["data"]["data"]["submissionId"] == submission_id:
                assert event["data"]["data"]["verdict"] == "ACCEPTED", event
                latencies.append((event["at"] - sent) * 1000)
                break
    latencies.sort()
    print(f"submit-to-SSE latency over {count} accepted submissions (2 tests each): "
          f"median {statistics.median(latencies):.0f} ms, p90 {latencies[int(0.9 * (count - 1))]:.0f} ms, p99 {latencies[int(0.99 * (count - 1))]:.0f} ms, "
          f"worst {latencies[-1]:.0f} ms, best {latencies[0]:.0f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
