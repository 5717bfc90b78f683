"""The whole school's attendance report for a term: latency of GET /api/v1/attendance/report for 1,000 students.

On a running system (./kelas up): registers a school with an active term, STUDENTS (1000) students (CSV import)
in classes of 40 (each with its own teacher), and SESSIONS (40) register sessions per class, each marked in one
bulk request (a mix of PRESENT, LATE, ABSENT and EXCUSED: 40,000 marks for 1,000 students). Then, as the admin,
R (50) sequential reads of the whole report in one page (size 1000: every class and every student) after 5
warm-ups, and R reads of one class's summary (GET /api/v1/classes/{id}/attendance/summary, 40 students: the
per-class report a teacher reads, the comparison). Prints median, p99 and worst in ms, and the ratio.
A benchmark, not a test: it asserts nothing.

Usage: /usr/bin/python3 scripts/bench_report.py [R=50] [STUDENTS=1000] [SESSIONS=40]
"""
import functools
import statistics
import sys
import time
import uuid
from datetime import date, timedelta

from kelas_client import LEARNING, School, call, import_students, retry

print = functools.partial(print, flush=True)  # noqa: A001 (progress shows when the output is a file)
STATUSES = ["PRESENT", "PRESENT", "PRESENT", "PRESENT", "LATE", "ABSENT", "EXCUSED"]
CLASS_SIZE = 40


def seed(students_count, sessions_count):
    school = School("Report Bench")
    today = date.today()
    call("POST", f"{LEARNING}/api/v1/terms", {"name": "Semester 1", "schoolYear": f"{today.year}/{today.year + 1}",
                                              "semester": 1, "startsOn": (today - timedelta(days=60)).isoformat(),
                                              "endsOn": (today + timedelta(days=60)).isoformat(), "active": True},
         school.admin["token"])
    students = [student["id"] for student in import_students(school, students_count)]
    classes, marks = [], 0
    for c in range(0, len(students), CLASS_SIZE):
        members = students[c:c + CLASS_SIZE]
        teacher = school.create_user("TEACHER", f"Teacher {c // CLASS_SIZE}")
        klass = retry(lambda: call("POST", LEARNING + "/api/v1/classes", {"name": f"Class {c // CLASS_SIZE:02d}",
                                                                         "code": "REP-" + uuid.uuid4().hex[:6]},
                                   teacher["token"]), timeout=30)
        retry(lambda: call("POST", f"{LEARNING}/api/v1/classes/{klass['id']}/enrollments/bulk",
                           {"studentIds": members}, teacher["token"]), timeout=60)
        for s in range(sessions_count):
            session = call("POST", f"{LEARNING}/api/v1/classes/{klass['id']}/attendance/sessions", {
                "date": today.isoformat(), "startsAt": f"{7 + s % 12:02d}:{(s // 12) * 10:02d}",
                "endsAt": f"{7 + s % 12:02d}:{(s // 12) * 10 + 5:02d}", "title": f"Session {s + 1}"}, teacher["token"])
            call("PUT", f"{LEARNING}/api/v1/attendance/sessions/{session['id']}/marks", {"marks": [
                {"studentId": sid, "status": STATUSES[(i * 7 + s) % len(STATUSES)]} for i, sid in enumerate(members)]},
                teacher["token"])
            marks += len(members)
        classes.append(klass)
        print(f"  class {len(classes)}: {len(members)} students, {sessions_count} sessions marked")
    return school, classes, marks


def timed_reads(url, token, reads, warmups=5):
    for _ in range(warmups):
        call("GET", url, token=token)
    latencies = []
    for _ in range(reads):
        sent = time.perf_counter()
        call("GET", url, token=token)
        latencies.append((time.perf_counter() - sent) * 1000)
    return sorted(latencies)


def report(name, latencies):
    p99 = latencies[min(len(latencies) - 1, int(0.99 * len(latencies)))]
    print(f"{name} x{len(latencies)}: median {statistics.median(latencies):.1f} ms, p99 {p99:.1f} ms, worst {latencies[-1]:.1f} ms")
    return statistics.median(latencies)


def main():
    reads = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    students_count = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    sessions_count = int(sys.argv[3]) if len(sys.argv) > 3 else 40
    started = time.monotonic()
    school, classes, marks = seed(students_count, sessions_count)
    print(f"seeded {students_count} students in {len(classes)} classes, {marks} marks, in {time.monotonic() - started:.0f} s")
    token = school.admin["token"]
    whole = report(f"school report, {students_count} students in one page",
                   timed_reads(f"{LEARNING}/api/v1/attendance/report?size=1000", token, reads))
    one = report(f"one class's summary ({CLASS_SIZE} students)",
                 timed_reads(f"{LEARNING}/api/v1/classes/{classes[0]['id']}/attendance/summary", token, reads))
    print(f"ratio median school report / one class: {whole / one:.1f}x for {len(classes)}x the classes")


if __name__ == "__main__":
    main()
