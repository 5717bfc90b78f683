"""A small client of the Kelas API for the demo and the benchmarks (Python 3 standard library only)."""
import json
import os
import threading
import time
import urllib.error
import urllib.request
import uuid
from datetime import datetime, timedelta, timezone
from queue import Queue, Empty

# KELAS_URL (the edge, as ./kelas demo sets it) sends every call through one origin; otherwise each service
# is called directly (the benchmarks measure the services themselves), or at KELAS_<SERVICE>_URL.
EDGE = os.environ.get("KELAS_URL")
AUTH = os.environ.get("KELAS_AUTH_URL", EDGE or "http://127.0.0.1:8081")
LEARNING = os.environ.get("KELAS_LEARNING_URL", EDGE or "http://127.0.0.1:8082")
LAB = os.environ.get("KELAS_LAB_URL", EDGE or "http://127.0.0.1:8083")
NOTIFICATION = os.environ.get("KELAS_NOTIFICATION_URL", EDGE or "http://127.0.0.1:8084")


class ApiError(Exception):
    """An unexpected HTTP answer, with its status and problem+json body."""

    def __init__(self, method, url, status, body):
        super().__init__(f"{method} {url} answered {status}: {body}")
        self.status = status


def call(method, url, body=None, token=None, expect=(200, 201, 202)):
    """Sends JSON, returns the decoded JSON answer; raises ApiError on a status not in expect."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            status, text = response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        status, text = error.code, error.read().decode()
    if status not in expect:
        raise ApiError(method, url, status, text)
    return json.loads(text) if text else None


def retry(what, timeout=15.0, statuses=(404, 422)):
    """Calls what() until it stops raising ApiError with one of these statuses (by default 404/422: an event
    not yet applied), up to timeout seconds."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            return what()
        except ApiError as error:
            if error.status not in statuses or time.monotonic() > deadline:
                raise
            time.sleep(0.2)


class School:
    """A school registered through the API, with helpers for the main calls."""

    def __init__(self, name):
        self.slug = "demo-" + uuid.uuid4().hex[:8]
        password = uuid.uuid4().hex
        created = call("POST", AUTH + "/api/v1/tenants", {
            "name": name, "slug": self.slug,
            "admin": {"email": "admin@" + self.slug + ".test", "password": password, "name": "Ada Admin"}})
        self.tenant_id = created["id"]
        self.admin = self.login(created["adminId"], "admin@" + self.slug + ".test", password)

    def login(self, user_id, email, password):
        tokens = call("POST", AUTH + "/api/v1/auth/login", {"tenant": self.slug, "email": email, "password": password})
        return {"id": user_id, "email": email, "password": password, "token": tokens["accessToken"]}

    def create_user(self, role, name):
        email = name.lower().replace(" ", ".") + "@" + self.slug + ".test"
        password = uuid.uuid4().hex
        user = call("POST", AUTH + "/api/v1/users",
                    {"email": email, "name": name, "role": role, "password": password}, self.admin["token"])
        return self.login(user["id"], email, password)


def import_students(school, count):
    """Imports count students into the school with one CSV request (POST /api/v1/users/import); returns them as
    [{id, email, password}] (passwords bench-password-<n>)."""
    rows = ["email,name,role,password"]
    for i in range(count):
        rows.append(f"s{i}@{school.slug}.test,Student {i:04d},STUDENT,bench-password-{i}")
    request = urllib.request.Request(AUTH + "/api/v1/users/import", data="\n".join(rows).encode(), method="POST",
                                     headers={"Content-Type": "text/csv", "Authorization": "Bearer " + school.admin["token"]})
    with urllib.request.urlopen(request, timeout=600) as response:
        response.read()
    students, page = [], 0
    while True:
        listed = call("GET", f"{AUTH}/api/v1/users?role=STUDENT&size=100&page={page}", token=school.admin["token"])
        students += [{"id": u["id"], "email": u["email"], "password": "bench-password-" + u["email"][1:].split("@")[0]}
                     for u in listed["items"]]
        page += 1
        if page * 100 >= listed["total"]:
            return students


def coding_task(teacher, students, tests, title="Sum", limits=None):
    """Creates a class with these students enrolled, a CODING assignment due tomorrow and its Python task.

    tests: [{stdin, expectedStdout, hidden, points}]; limits default to 1 CPU s, 2 wall s, 256 MiB.
    Returns the task as the lab API answers it (retrying while the class has not reached lab-service).
    """
    klass = call("POST", LEARNING + "/api/v1/classes",
                 {"name": title, "code": title[:3].upper() + "-" + uuid.uuid4().hex[:6]}, teacher["token"])
    for student in students:
        retry(lambda: call("POST", f"{LEARNING}/api/v1/classes/{klass['id']}/enrollments",
                           {"studentId": student["id"]}, teacher["token"]))
    due = (datetime.now(timezone.utc) + timedelta(days=1)).isoformat()
    assignment = call("POST", f"{LEARNING}/api/v1/classes/{klass['id']}/assignments",
                      {"title": title, "kind": "CODING", "points": 10, "dueAt": due}, teacher["token"])
    return retry(lambda: call("POST", LAB + "/api/v1/lab/tasks", {
        "title": title, "language": "python", "statement": title + ".", "assignmentId": assignment["id"],
        "classId": klass["id"], "limits": limits or {"cpuSeconds": 1, "wallSeconds": 2, "memoryMib": 256},
        "tests": tests}, teacher["token"]))


def submit(student, task_id, source):
    """Submits Python code; returns the submission id."""
    return call("POST", f"{LAB}/api/v1/lab/tasks/{task_id}/submissions",
                {"language": "python", "sourceCode": source}, student["token"])["id"]


def await_graded(reader, submission_id, timeout=60.0):
    """Polls a submission until GRADED or FAILED; returns it."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        submission = call("GET", f"{LAB}/api/v1/lab/submissions/{submission_id}", token=reader["token"])
        if submission["status"] in ("GRADED", "FAILED"):
            return submission
        time.sleep(0.1)
    raise TimeoutError(f"submission {submission_id} not graded in {timeout} s")


class SseStream:
    """A live SSE connection to the notification stream; events land in .events as dicts with arrival time
    ("at": time.monotonic(), "wall": time.time(), both in seconds)."""

    def __init__(self, token, last_event_id=None):
        url = f"{NOTIFICATION}/api/v1/notifications/stream?access_token={token}"
        request = urllib.request.Request(url, headers={"Accept": "text/event-stream"})
        if last_event_id:
            request.add_header("Last-Event-ID", str(last_event_id))
        self.response = urllib.request.urlopen(request, timeout=300)
        self.events = Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        event = {"data": []}
        for raw in self.response:
            line = raw.decode().rstrip("\r\n")
            if not line:
                if event["data"]:
                    self.events.put({"id": event.get("id"), "event": event.get("event", "message"),
                                     "data": json.loads("\n".join(event["data"])), "at": time.monotonic(),
                                     "wall": time.time()})
                event = {"data": []}
            elif line.startswith(":"):
                continue
            else:
                field, _, value = line.partition(":")
                value = value[1:] if value.startswith(" ") else value
                if field == "data":
                    event["data"].append(value)
                elif field in ("id", "event"):
                    event[field] = value

    def next(self, timeout):
        try:
            return self.events.get(timeout=timeout)
        except Empty:
            return None
