"""Live grading progress latency on a running system (./kelas up): N submissions of a T-test task, one at a time.

For each finished test, the time from the grader's clock when the test finished (finishedAt in the
kelas.lab.submission.test-finished live update) to its arrival on the student's open SSE stream: that includes
the grader's recording of the result in PostgreSQL (one transaction, before the publish), the core NATS publish on
kelas.live.<tenant>.<user> and notification-service's relay. Against it, in the same run, the
durable path of the same submissions: the graded event's occurredAt (the verdict's commit) to the arrival of its
stored kelas.lab.submission.graded notification (outbox relay, JetStream, consumer, inbox, push). Same host, so
the clocks agree. Prints p50, p99 and worst in milliseconds.
Usage: /usr/bin/python3 scripts/bench_progress.py [N=20] [T=5] [S=0.1 (seconds each test sleeps)]
"""
import statistics
import sys
from datetime import datetime

from kelas_client import School, SseStream, coding_task, submit


def instant(text):
    """Seconds since the epoch of a java.time.Instant string (nanoseconds cut to microseconds) or number (seconds)."""
    if isinstance(text, (int, float)):
        return float(text)
    text = text.rstrip("Z")
    if "." in text:
        whole, fraction = text.split(".")
        text = whole + "." + (fraction + "000000")[:6]
    return datetime.fromisoformat(text + "+00:00").timestamp()


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(p * (len(values) - 1) + 0.5))]


def summary(values):
    return (f"p50 {statistics.median(values):.1f} ms, p99 {percentile(values, 0.99):.1f} ms, "
            f"worst {max(values):.1f} ms (n={len(values)})")


def main(count, tests, sleep):
    school = School("Progress Bench School")
    teacher = school.create_user("TEACHER", "Bench Teacher")
    student = school.create_user("STUDENT", "Bench Student")
    task = coding_task(teacher, [student], [
        {"stdin": f"{i} 1\n", "expectedStdout": f"{i + 1}\n", "hidden": i % 2 == 1, "points": 1}
        for i in range(tests)], title="Progress")
    source = f"import time\na, b = map(int, input().split())\ntime.sleep({sleep})\nprint(a + b)\n"
    stream = SseStream(student["token"])
    progress, durable = [], []
    for _ in range(count):
        submission_id = submit(student, task["id"], source)
        seen = 0
        while True:
            event = stream.next(timeout=60)
            if event is None:
                raise TimeoutError("no SSE event within 60 s")
            data = event["data"].get("data", event["data"])
            if event["event"] == "kelas.lab.submission.test-finished" and data["submissionId"] == submission_id:
                seen += 1
                assert data["ordinal"] == seen and data["total"] == tests, event
                progress.append((event["wall"] - instant(data["finishedAt"])) * 1000)
            elif event["event"] == "kelas.lab.submission.graded" and data["submissionId"] == submission_id:
                assert seen == tests, f"graded after {seen} of {tests} progress events"
                assert data["verdict"] == "ACCEPTED", event
                durable.append((event["wall"] - instant(data["occurredAt"])) * 1000)
                break
    print(f"live progress, test finished -> SSE ({count} submissions x {tests} tests): {summary(progress)}")
    print(f"durable path, verdict committed -> graded notification on SSE (same submissions): {summary(durable)}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20, int(sys.argv[2]) if len(sys.argv) > 2 else 5,
         float(sys.argv[3]) if len(sys.argv) > 3 else 0.1)
