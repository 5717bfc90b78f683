"""Reading a full class gradebook on a running system (./kelas up): latency and throughput.

Seeds one class: 40 students, 30 published assignments in one subject (two components, WEIGHTED 40/60 with the
lowest homework dropped), every student graded on every assignment (1,200 grades, some late, some excused).
Then reads GET /api/v1/classes/{id}/gradebook as the teacher:
  - latency: R (500) sequential reads after 50 warm-up reads; prints median, p99 and worst in ms;
  - throughput: T (2000) reads from C (4) client threads; prints reads per second.
Usage: /usr/bin/python3 scripts/bench_gradebook.py [R=500] [T=2000] [C=4] [STUDENTS=40] [ASSIGNMENTS=30]
Environment: KELAS_AUTH_URL, KELAS_LEARNING_URL (defaults http://127.0.0.1:8081 and :8082).
"""
import json
import statistics
import sys
import time
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone

from kelas_client import LEARNING, School, call, retry


def seed(students_count, assignments_count):
    school = School("Gradebook Bench")
    admin = school.admin
    teacher = school.create_user("TEACHER", "Bench Teacher")
    students = [school.create_user("STUDENT", f"Bench Student {i}") for i in range(students_count)]
    subject = call("POST", LEARNING + "/api/v1/subjects", {"code": "BENCH", "name": "Benchmark"}, admin["token"])
    homework = call("POST", f"{LEARNING}/api/v1/subjects/{subject['id']}/components", {"name": "Homework"}, admin["token"])
    exams = call("POST", f"{LEARNING}/api/v1/subjects/{subject['id']}/components", {"name": "Exams"}, admin["token"])
    klass = call("POST", LEARNING + "/api/v1/classes",
                 {"name": "Bench class", "code": "BENCH-" + uuid.uuid4().hex[:6]}, teacher["token"])
    retry(lambda: call("POST", f"{LEARNING}/api/v1/classes/{klass['id']}/enrollments/bulk",
                       {"studentIds": [s["id"] for s in students]}, teacher["token"]), timeout=30)
    call("PUT", f"{LEARNING}/api/v1/classes/{klass['id']}/subjects/{subject['id']}/grading",
         {"method": "WEIGHTED", "components": [{"componentId": homework["id"], "weight": 40, "dropLowest": 1},
                                               {"componentId": exams["id"], "weight": 60}]}, teacher["token"])
    now = datetime.now(timezone.utc)
    assignments = []
    for i in range(assignments_count):
        component = exams if i % 5 == 4 else homework
        assignments.append(call("POST", f"{LEARNING}/api/v1/classes/{klass['id']}/assignments", {
            "title": f"Assignment {i + 1}", "kind": "ESSAY", "points": 10 if component is homework else 50,
            "dueAt": (now + timedelta(days=i - 15)).isoformat(), "subjectId": subject["id"],
            "componentId": component["id"]}, teacher["token"]))
    for a_index, assignment in enumerate(assignments):
        for s_index, student in enumerate(students):
            if (a_index + s_index) % 17 == 0:
                body = {"excused": True}
            else:
                body = {"points": float(assignment["points"]) * ((a_index * 7 + s_index * 3) % 11) / 10}
            call("PUT", f"{LEARNING}/api/v1/assignments/{assignment['id']}/grades/{student['id']}", body, teacher["token"])
    return teacher, klass


def percentile(sorted_values, fraction):
    return sorted_values[min(len(sorted_values) - 1, int(fraction * len(sorted_values)))]


def main(reads, total, clients, students_count, assignments_count):
    started = time.monotonic()
    teacher, klass = seed(students_count, assignments_count)
    print(f"seeded {students_count} students x {assignments_count} assignments in {time.monotonic() - started:.1f} s")
    request = urllib.request.Request(f"{LEARNING}/api/v1/classes/{klass['id']}/gradebook",
                                     headers={"Authorization": "Bearer " + teacher["token"]})

    def read():
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.read()

    body = json.loads(read())
    assert len(body["rows"]) == students_count and len(body["assignments"]) == assignments_count, "unexpected gradebook shape"
    print(f"one gradebook: {len(read())} bytes of JSON; final grade of the first student: "
          f"{body['rows'][0]['subjects'][0]['finalGrade']}")
    for _ in range(50):
        read()
    latencies = []
    for _ in range(reads):
        sent = time.perf_counter()
        read()
        latencies.append((time.perf_counter() - sent) * 1000)
    latencies.sort()
    print(f"GET gradebook x{reads} sequential: median {statistics.median(latencies):.1f} ms, "
          f"p99 {percentile(latencies, 0.99):.1f} ms, worst {latencies[-1]:.1f} ms")

    started = time.monotonic()
    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(lambda _: read(), range(total)))
    elapsed = time.monotonic() - started
    print(f"GET gradebook x{total} from {clients} clients in {elapsed:.1f} s: {total / elapsed:.1f} reads/s")


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:]]
    main(*(args + [500, 2000, 4, 40, 30][len(args):]))
