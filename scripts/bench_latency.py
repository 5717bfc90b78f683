"""Submit-to-SSE latency on a running system (./kelas up): N accepted Python submissions, one at a time.

For each, the time from sending POST .../submissions to the arrival of its kelas.lab.submission.graded
event on an open SSE stream. Prints median, p90 and worst in milliseconds.
Usage: /usr/bin/python3 scripts/bench_latency.py [N=20]
"""
import statistics
import sys
import time
import uuid
from datetime import datetime, timedelta, timezone

from kelas_client import LAB, LEARNING, School, SseStream, call, retry, submit

RIGHT = "a, b = map(int, input().split())\nprint(a + b)\n"


def main(count):
    school = School("Bench School")
    teacher = school.create_user("TEACHER", "Bench Teacher")
    student = school.create_user("STUDENT", "Bench Student")
    klass = call("POST", LEARNING + "/api/v1/classes", {"name": "Bench", "code": "B-" + uuid.uuid4().hex[:6]}, teacher["token"])
    retry(lambda: call("POST", f"{LEARNING}/api/v1/classes/{klass['id']}/enrollments", {"studentId": student["id"]}, teacher["token"]))
    due = (datetime.now(timezone.utc) + timedelta(days=1)).isoformat()
    assignment = call("POST", f"{LEARNING}/api/v1/classes/{klass['id']}/assignments",
                      {"title": "Sum", "kind": "CODING", "points": 10, "dueAt": due}, teacher["token"])
    task = retry(lambda: call("POST", LAB + "/api/v1/lab/tasks", {
        "title": "Sum", "language": "python", "statement": "Sum.", "assignmentId": assignment["id"], "classId": klass["id"],
        "limits": {"cpuSeconds": 1, "wallSeconds": 2, "memoryMib": 256},
        "tests": [{"stdin": "1 2\n", "expectedStdout": "3\n", "hidden": False, "points": 5},
                  {"stdin": "40 2\n", "expectedStdout": "42\n", "hidden": True, "points": 5}]}, teacher["token"]))
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
          f"median {statistics.median(latencies):.0f} ms, p90 {latencies[int(0.9 * (count - 1))]:.0f} ms, "
          f"worst {latencies[-1]:.0f} ms, best {latencies[0]:.0f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
