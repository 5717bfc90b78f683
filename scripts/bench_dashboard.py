"""Dashboards and leaderboards of a generated school of 1,000 students: read latency and throughput, and the lag
from a grade event to the analytics read model during a burst.

On a running system (./kelas up): registers a school with an active term of about 14 weeks, STUDENTS (1000)
students (CSV import), CLASSES (40) classes of grade levels 7 to 10, each with its own teacher, and enrolls the
students through the API (their enrollment and class events feed the read model). Then it fills the analytics read
model with SQL, as its consumers would from the events (the quickest way to a term of data): 30 assignments per class,
one grade per student and assignment (recorded, 9 in 10 released), hand-ins, a register mark per student and school
day of the term so far, behaviour notes and lab attempts.

Reads, each from C (32) concurrent clients (threads with keep-alive connections) after a warm-up, R (4000) reads:
the student dashboard (students reading their own), the teacher dashboard (teachers reading their class's) and a
class leaderboard (students reading their class's). Prints p50, p99 and reads per second.

Then the lag: 200 new assignments (5 per class) are released (grade.recorded goes out only for released
grades) and graded through the bulk grading API, 25 students each, from 8
clients: a burst of 5,000 kelas.learning.grade.recorded events through the outbox, JetStream and the
learning-analytics-grades-recorded consumer. A poller reads the read model every 50 ms; an event's lag is the time it
was first seen there minus its occurredAt (the grade's recording time, which the read model keeps). Prints p50, p99
and the worst lag and the events applied per second. The poll interval bounds the resolution (up to 50 ms late).
A benchmark, not a test: it asserts nothing.

Usage: /usr/bin/python3 scripts/bench_dashboard.py [R=4000] [C=32] [STUDENTS=1000] [CLASSES=40]
The learning database is KELAS_LEARNING_DB (./kelas bench sets it for KELAS_INSTANCE), reached with psql as
KELAS_DB_USER at KELAS_DB_HOST:KELAS_DB_PORT.
"""
import functools
import http.client
import os
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta

from kelas_client import LEARNING, School, call, import_students, retry

print = functools.partial(print, flush=True)  # noqa: A001 (progress shows when the output is a file)
ASSIGNMENTS = 30
TERM_WEEKS = 14
DB = os.environ.get("KELAS_LEARNING_DB", "kelas_learning")
PSQL = ["psql", "-h", os.environ.get("KELAS_DB_HOST", "127.0.0.1"), "-p", os.environ.get("KELAS_DB_PORT", "5432"),
        "-U", os.environ.get("KELAS_DB_USER", "postgres"), "-d", DB, "-v", "ON_ERROR_STOP=1", "-qtAX"]


def sql(text):
    """Runs SQL with psql; returns its rows as lists of strings."""
    out = subprocess.run(PSQL + ["-F", "\t"], input=text, capture_output=True, text=True, check=True).stdout
    return [line.split("\t") for line in out.splitlines() if line]


def seed(students_count, classes_count):
    school = School("Dashboard Bench")
    today = date.today()
    term_start = today - timedelta(weeks=TERM_WEEKS - 2)
    term = call("POST", f"{LEARNING}/api/v1/terms", {"name": "Semester 1", "schoolYear": f"{today.year}/{today.year + 1}",
                                                     "semester": 1, "startsOn": term_start.isoformat(),
                                                     "endsOn": (today + timedelta(weeks=2)).isoformat(), "active": True},
                school.admin["token"])
    students = import_students(school, students_count)
    size = students_count // classes_count
    classes = []
    for c in range(classes_count):
        members = students[c * size:(c + 1) * size]
        teacher = school.create_user("TEACHER", f"Teacher {c:02d}")
        klass = retry(lambda: call("POST", LEARNING + "/api/v1/classes", {
            "name": f"Class {c:02d}", "code": "DSH-" + uuid.uuid4().hex[:6], "termId": term["id"], "gradeLevel": 7 + c % 4},
            teacher["token"]), timeout=30)
        retry(lambda: call("POST", f"{LEARNING}/api/v1/classes/{klass['id']}/enrollments/bulk",
                           {"studentIds": [s["id"] for s in members]}, teacher["token"]), timeout=60)
        classes.append({"id": klass["id"], "teacher": teacher, "students": members})
    print(f"  {students_count} students in {classes_count} classes of {size}, through the API")
    tenant = school.tenant_id
    deadline = time.monotonic() + 120
    while int(sql(f"select count(*) from analytics_enrollment where tenant_id = '{tenant}'")[0][0]) < size * classes_count \
            or int(sql(f"select count(*) from analytics_class where tenant_id = '{tenant}'")[0][0]) < classes_count:
        if time.monotonic() > deadline:
            raise TimeoutError("the enrollment and class events did not reach the read model")
        time.sleep(0.5)
    fill_read_model(tenant, term_start, today)
    return school, classes, term


def fill_read_model(tenant, term_start, today):
    """The term's facts written straight into the analytics tables, keyed like the consumers key them."""
    started = time.monotonic()
    sql(f"""
begin;
create temp table bench_class as
  select c.id as class_id, row_number() over (order by c.id) as n from analytics_class c where c.tenant_id = '{tenant}';
insert into analytics_assignment (id, tenant_id, class_id, title, kind, points, due_at, published_at, subject_id)
  select md5(c.class_id::text || '/a' || a)::uuid, '{tenant}', c.class_id, 'Assignment ' || a, 'ESSAY', 10,
         '{term_start}'::timestamptz + (a * interval '3 days') + interval '10 days',
         '{term_start}'::timestamptz + (a * interval '3 days'), md5('subject' || (a % 6))::uuid
  from bench_class c, generate_series(1, {ASSIGNMENTS}) a;
insert into analytics_grade (id, tenant_id, assignment_id, class_id, student_id, title, max_score, recorded_score, recorded_at,
                             released, released_score, excused, released_at)
  select md5(a.id::text || e.student_id::text)::uuid, '{tenant}', a.id, a.class_id, e.student_id, a.title, 10,
         (abs(hashtext(a.id::text || e.student_id::text)) % 11), a.due_at + interval '1 day',
         (abs(hashtext(e.student_id::text || a.id::text)) % 10) <> 0,
         case when (abs(hashtext(e.student_id::text || a.id::text)) % 10) <> 0 then (abs(hashtext(a.id::text || e.student_id::text)) % 11) end,
         false, case when (abs(hashtext(e.student_id::text || a.id::text)) % 10) <> 0 then a.due_at + interval '2 days' end
  from analytics_assignment a join analytics_enrollment e on e.class_id = a.class_id and e.tenant_id = a.tenant_id
  where a.tenant_id = '{tenant}' and a.due_at < now();
insert into analytics_hand_in (id, tenant_id, assignment_id, class_id, student_id, late, handed_in_at)
  select md5('h' || g.id::text)::uuid, '{tenant}', g.assignment_id, g.class_id, g.student_id, false, g.recorded_at - interval '2 days'
  from analytics_grade g where g.tenant_id = '{tenant}';
insert into analytics_attendance (id, tenant_id, session_id, class_id, student_id, day, status, absence, subject_id)
  select md5(c.class_id::text || d::text || e.student_id::text)::uuid, '{tenant}', md5(c.class_id::text || d::text)::uuid,
         c.class_id, e.student_id, d::date,
         case when abs(hashtext(e.student_id::text || d::text)) % 20 = 0 then 'ABSENT'
              when abs(hashtext(e.student_id::text || d::text)) % 20 = 1 then 'LATE' else 'PRESENT' end,
         abs(hashtext(e.student_id::text || d::text)) % 20 = 0, null
  from bench_class c join analytics_enrollment e on e.class_id = c.class_id and e.tenant_id = '{tenant}',
       generate_series('{term_start}'::date, '{today}'::date, interval '1 day') d
  where extract(isodow from d) < 6;
insert into analytics_behavior (id, tenant_id, class_id, student_id, points, visible_to_student, day)
  select md5('b' || e.student_id::text || k)::uuid, '{tenant}', e.class_id, e.student_id, (abs(hashtext(e.student_id::text || k)) % 5) - 1,
         k <> 3, '{today}'::date - k * 7
  from analytics_enrollment e, generate_series(1, 4) k where e.tenant_id = '{tenant}';
insert into analytics_lab_attempt (id, tenant_id, task_id, assignment_id, class_id, student_id, verdict, score, max_score, graded_at)
  select md5('l' || e.student_id::text || t || k)::uuid, '{tenant}', md5(e.class_id::text || 't' || t)::uuid, null, e.class_id,
         e.student_id, case when k = 2 then 'ACCEPTED' else 'WRONG_ANSWER' end, case when k = 2 then 10 else abs(hashtext(e.student_id::text || t)) % 8 end, 10,
         now() - (t * interval '5 days') + k * interval '1 hour'
  from analytics_enrollment e, generate_series(1, 5) t, generate_series(1, 2) k where e.tenant_id = '{tenant}';
insert into analytics_watermark (tenant_id, as_of) values ('{tenant}', now())
  on conflict (tenant_id) do update set as_of = greatest(analytics_watermark.as_of, excluded.as_of);
commit;
analyze;
""")
    counts = sql(f"""select (select count(*) from analytics_assignment where tenant_id = '{tenant}'),
                            (select count(*) from analytics_grade where tenant_id = '{tenant}'),
                            (select count(*) from analytics_attendance where tenant_id = '{tenant}'),
                            (select count(*) from analytics_lab_attempt where tenant_id = '{tenant}')""")[0]
    print(f"  read model filled with SQL in {time.monotonic() - started:.1f} s: {counts[0]} assignments, {counts[1]} grades, "
          f"{counts[2]} register marks, {counts[3]} lab attempts")


class Client:
    """One keep-alive HTTP connection to learning-service."""

    def __init__(self):
        url = urllib.parse.urlparse(LEARNING)
        self.connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)

    def get(self, path, token):
        self.connection.request("GET", path, headers={"Authorization": "Bearer " + token})
        response = self.connection.getresponse()
        response.read()
        if response.status != 200:
            raise RuntimeError(f"GET {path} answered {response.status}")


def measure(name, requests, clients, reads):
    """requests: (path, token) pairs, used round robin; each of `clients` threads reads its share."""
    latencies = []
    lock = threading.Lock()

    def worker(index, count):
        client = Client()
        mine = []
        for i in range(count):
            path, token = requests[(index + i * clients) % len(requests)]
            sent = time.perf_counter()
            client.get(path, token)
            mine.append((time.perf_counter() - sent) * 1000)
        with lock:
            latencies.extend(mine)

    with ThreadPoolExecutor(clients) as pool:  # warm-up
        list(pool.map(lambda i: worker(i, 10), range(clients)))
    latencies.clear()
    started = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(lambda i: worker(i, reads // clients), range(clients)))
    elapsed = time.perf_counter() - started
    latencies.sort()
    p99 = latencies[min(len(latencies) - 1, int(0.99 * len(latencies)))]
    print(f"{name}: {len(latencies)} reads from {clients} clients: p50 {statistics.median(latencies):.1f} ms, "
          f"p99 {p99:.1f} ms, {len(latencies) / elapsed:.0f} reads/s")


def burst(school, classes, tenant):
    """5 new assignments per class graded by bulk request: 5,000 grade events; returns the lags in ms."""
    assignments = []
    for klass in classes:
        for k in range(5):
            assignment = call("POST", f"{LEARNING}/api/v1/classes/{klass['id']}/assignments", {
                "title": f"Burst {k}", "kind": "ESSAY", "points": 10,
                "dueAt": (date.today() + timedelta(days=7)).isoformat() + "T12:00:00Z"}, klass["teacher"]["token"])
            # grade.recorded goes out only for an assignment whose grades are released (GradeEvents): release first
            call("POST", f"{LEARNING}/api/v1/assignments/{assignment['id']}/release", None, klass["teacher"]["token"])
            assignments.append((assignment["id"], klass))
    expected = sum(len(k["students"]) for _, k in assignments)
    started_wall = time.time()
    seen = {}
    done = threading.Event()

    def poll():
        while not done.is_set():
            rows = sql(f"select id, extract(epoch from recorded_at) from analytics_grade where tenant_id = '{tenant}'"
                       f" and recorded_at >= to_timestamp({started_wall - 1})")
            now = time.time()
            for grade_id, recorded in rows:
                if grade_id not in seen:
                    seen[grade_id] = (now - float(recorded)) * 1000
            if len(seen) >= expected:
                done.set()
            time.sleep(0.05)

    poller = threading.Thread(target=poll, daemon=True)
    poller.start()

    def grade(item):
        assignment_id, klass = item
        call("PUT", f"{LEARNING}/api/v1/assignments/{assignment_id}/grades", {"grades": [
            {"studentId": s["id"], "grade": {"points": (i * 7) % 11}} for i, s in enumerate(klass["students"])]},
             klass["teacher"]["token"])

    sent = time.monotonic()
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(grade, assignments))
    written = time.monotonic() - sent
    done.wait(300)
    applied = time.monotonic() - sent
    done.set()
    lags = sorted(seen.values())
    print(f"burst: {expected} grade events written by {len(assignments)} bulk requests in {written:.1f} s, "
          f"{len(lags)} in the read model after {applied:.1f} s ({len(lags) / applied:.0f} events/s)")
    return lags


def main():
    reads = int(sys.argv[1]) if len(sys.argv) > 1 else 4000
    clients = int(sys.argv[2]) if len(sys.argv) > 2 else 32
    students_count = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
    classes_count = int(sys.argv[4]) if len(sys.argv) > 4 else 40
    started = time.monotonic()
    school, classes, term = seed(students_count, classes_count)
    print(f"seeded in {time.monotonic() - started:.0f} s")
    readers = [klass["students"][i % len(klass["students"])] | {"class": klass["id"]}
               for i, klass in enumerate((classes * ((clients // len(classes)) + 1))[:clients])]
    for reader in readers:
        reader["token"] = school.login(reader["id"], reader["email"], reader["password"])["token"]
    measure("student dashboard", [(f"/api/v1/analytics/students/{r['id']}/dashboard", r["token"]) for r in readers],
            clients, reads)
    measure("teacher dashboard", [(f"/api/v1/analytics/classes/{k['id']}/dashboard", k["teacher"]["token"]) for k in classes],
            clients, reads)
    measure("class leaderboard", [(f"/api/v1/analytics/classes/{r['class']}/leaderboard?metric=grade-average", r["token"])
                                  for r in readers], clients, reads)
    lags = burst(school, classes, school.tenant_id)
    if lags:
        p99 = lags[min(len(lags) - 1, int(0.99 * len(lags)))]
        print(f"event-to-read-model lag over {len(lags)} grade events: p50 {statistics.median(lags):.0f} ms, "
              f"p99 {p99:.0f} ms, worst {lags[-1]:.0f} ms (poll every 50 ms)")


if __name__ == "__main__":
    main()
