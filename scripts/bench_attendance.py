"""Taking the register and reading it on a running system (./kelas up): bulk-mark latency and register reads.

Seeds one class without a term (so its only sessions are the EXTRA ones added here): STUDENTS (40) students and
SESSIONS (60) extra sessions today (the students joined today, and a session before a student's
enrollment would refuse them). Then, as the teacher:
  - first marking: one PUT /api/v1/attendance/sessions/{id}/marks per session with every student's mark (40 marks,
    a mix of PRESENT, LATE, ABSENT, EXCUSED); prints median, p99 and worst in ms;
  - corrections: M (200) more bulk PUTs that change every mark of a session (with a reason, so each also writes 40
    audit rows); prints median, p99 and worst in ms;
  - register: R (200) sequential reads of GET /api/v1/classes/{id}/attendance/register over the whole range (a
    STUDENTS x SESSIONS register) after 20 warm-up reads; prints median, p99 and worst in ms.
Usage: /usr/bin/python3 scripts/bench_attendance.py [M=200] [R=200] [STUDENTS=40] [SESSIONS=60]
Environment: KELAS_AUTH_URL, KELAS_LEARNING_URL (defaults http://127.0.0.1:8081 and :8082).
"""
import statistics
import sys
import time
import uuid
from datetime import date

from kelas_client import LEARNING, School, call, retry

STATUSES = ["PRESENT", "PRESENT", "PRESENT", "LATE", "ABSENT", "EXCUSED"]


def seed(students_count, sessions_count):
    school = School("Attendance Bench")
    teacher = school.create_user("TEACHER", "Bench Teacher")
    students = [school.create_user("STUDENT", f"Bench Student {i}") for i in range(students_count)]
    klass = retry(lambda: call("POST", LEARNING + "/api/v1/classes",
                               {"name": "Bench class", "code": "ATT-" + uuid.uuid4().hex[:6]}, teacher["token"]), timeout=30)
    retry(lambda: call("POST", f"{LEARNING}/api/v1/classes/{klass['id']}/enrollments/bulk",
                       {"studentIds": [s["id"] for s in students]}, teacher["token"]), timeout=30)
    today = date.today()
    sessions = []
    for i in range(sessions_count):
        sessions.append(call("POST", f"{LEARNING}/api/v1/classes/{klass['id']}/attendance/sessions", {
            "date": today.isoformat(), "startsAt": f"{7 + i % 12:02d}:00", "endsAt": f"{7 + i % 12:02d}:45",
            "title": f"Bench session {i + 1}"}, teacher["token"]))
    return teacher, klass, students, sessions, today


def marks(students, shift):
    return [{"studentId": s["id"], "status": STATUSES[(i + shift) % len(STATUSES)]} for i, s in enumerate(students)]


def timed(what):
    sent = time.perf_counter()
    what()
    return (time.perf_counter() - sent) * 1000


def percentile(sorted_values, fraction):
    return sorted_values[min(len(sorted_values) - 1, int(fraction * len(sorted_values)))]


def report(name, latencies):
    latencies.sort()
    print(f"{name} x{len(latencies)}: median {statistics.median(latencies):.1f} ms, "
          f"p99 {percentile(latencies, 0.99):.1f} ms, worst {latencies[-1]:.1f} ms")


def main(corrections, reads, students_count, sessions_count):
    started = time.monotonic()
    teacher, klass, students, sessions, today = seed(students_count, sessions_count)
    print(f"seeded {students_count} students and {sessions_count} sessions in {time.monotonic() - started:.1f} s")

    def put(session, shift, reason=None):
        body = {"marks": marks(students, shift)}
        if reason:
            body["reason"] = reason
        call("PUT", f"{LEARNING}/api/v1/attendance/sessions/{session['id']}/marks", body, teacher["token"])

    report(f"first bulk mark of {students_count}", [timed(lambda s=s, i=i: put(s, i)) for i, s in enumerate(sessions)])
    report(f"bulk correction of {students_count}",
           [timed(lambda k=k: put(sessions[k % len(sessions)], k + 1, "bench correction")) for k in range(corrections)])

    url = f"{LEARNING}/api/v1/classes/{klass['id']}/attendance/register?from={today.isoformat()}&to={today.isoformat()}"
    body = call("GET", url, None, teacher["token"])
    assert len(body["rows"]) == students_count and len(body["sessions"]) == sessions_count, "unexpected register shape"
    for _ in range(20):
        call("GET", url, None, teacher["token"])
    report(f"GET register {students_count}x{sessions_count}", [timed(lambda: call("GET", url, None, teacher["token"]))
                                                              for _ in range(reads)])


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:]]
    main(*(args + [200, 200, 40, 60][len(args):]))
