"""./kelas demo: the main job of Kelas on a running system, in about a minute.

Act one, the coding lab: a school, a teacher, a student and a class; a CODING assignment with a Python task
(one visible and one hidden test); the student submits right, wrong, slow and hostile programs; each verdict and
each live SSE event is printed as it arrives; then the gradebook.
Act two, the school day: a term, the register taken in one request, the student's attendance, a calendar event
in the student's calendar (and its iCalendar feed), an announcement scheduled a few seconds ahead reaching the
student live, and a discussion reply; then the student's inbox.
"""
import sys
import threading
import time
import urllib.request
import uuid
from datetime import date, timedelta

from kelas_client import LEARNING, NOTIFICATION, ApiError, School, SseStream, await_graded, call, coding_task, retry, submit

PROGRAMS = [
    ("right answer", "a, b = map(int, input().split())\nprint(a + b)\n"),
    ("wrong answer", "a, b = map(int, input().split())\nprint(a - b)\n"),
    ("too slow", "while True:\n    pass\n"),
    ("crash", "print(1 // 0)\n"),
    ("fork bomb", "import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass\n"),
    ("read /etc/shadow", "print(open('/etc/shadow').read())\n"),
    ("connect to PostgreSQL", "import socket\nsocket.create_connection(('127.0.0.1', 5432), timeout=1)\nprint('connected!')\n"),
    ("print forever", "while True:\n    print('spam' * 100)\n"),
]


def heading(text):
    print(f"\n\033[1m== {text}\033[0m")


def main():
    started = time.monotonic()
    heading("A school, its people and a class")
    school = School("Demo School " + uuid.uuid4().hex[:4])
    teacher = school.create_user("TEACHER", "Tia Teacher")
    student = school.create_user("STUDENT", "Sam Student")
    print(f"school {school.slug}: admin, teacher {teacher['email']}, student {student['email']}")
    task = coding_task(teacher, [student], [
        {"stdin": "1 2\n", "expectedStdout": "3\n", "hidden": False, "points": 5},
        {"stdin": "40 2\n", "expectedStdout": "42\n", "hidden": True, "points": 5}], title="Sum two numbers")
    print(f"class {task['classId']}, a CODING assignment and its Python task {task['id']} (one visible, one hidden test)")

    heading("The student's browser listens (SSE)")
    stream = SseStream(student["token"])

    def show_events():
        while True:
            event = stream.next(timeout=3600)
            data = event["data"]
            if "title" in data and "body" in data:
                print(f"   \033[36m[SSE {time.monotonic() - started:6.2f}s] id={event['id']} {event['event']}: "
                      f"{data['title']} — {data['body']}\033[0m")
            else:  # an unstored live update (no id), e.g. new activity in a discussion thread
                print(f"   \033[36m[SSE {time.monotonic() - started:6.2f}s] live {event['event']}: "
                      f"thread {data.get('threadId')}\033[0m")

    threading.Thread(target=show_events, daemon=True).start()

    heading("Submissions")
    for what, source in PROGRAMS:
        submission_id = submit(student, task["id"], source)
        graded = await_graded(student, submission_id)
        tests = ", ".join(f"#{t['ordinal']}{' (hidden)' if t['hidden'] else ''} {t.get('verdict')}" for t in graded["tests"])
        print(f"{what:24} → {graded['verdict']:22} {graded['score']}/{graded['maxScore']}  [{tests}]")
    time.sleep(1)

    heading("The gradebook")
    book = call("GET", f"{LEARNING}/api/v1/classes/{task['classId']}/gradebook", token=teacher["token"])
    for row in book["rows"]:
        print(f"{row['name']:16} " + "  ".join(f"{a['title']}: {row['scores'].get(a['id'], '-')}/{a['points']}"
                                          for a in book["assignments"]) + f"  total {row['totalScore']}/{row['totalMax']}")

    school_day(school, teacher, student, task["classId"], started)

    heading("The student's inbox")
    inbox = call("GET", NOTIFICATION + "/api/v1/notifications", token=student["token"])
    for item in inbox["items"][:5]:
        print(f"#{item['id']} {item['type']}: {item['title']} — {item['body']}")
    print(f"({inbox['total']} in all)\n\nDone in {time.monotonic() - started:.1f} s.")


def school_day(school, teacher, student, class_id, started):
    """Act two: the register, attendance, the calendar, a scheduled announcement and a discussion reply."""
    today = date.today()
    admin = school.admin["token"]
    heading("Act two: the school day")
    call("POST", f"{LEARNING}/api/v1/terms", {"name": "Semester 1", "schoolYear": f"{today.year}/{today.year + 1}",
                                              "semester": 1, "startsOn": (today - timedelta(days=30)).isoformat(),
                                              "endsOn": (today + timedelta(days=90)).isoformat(), "active": True}, admin)
    rafi = school.create_user("STUDENT", "Rafi Classmate")
    retry(lambda: call("POST", f"{LEARNING}/api/v1/classes/{class_id}/enrollments", {"studentId": rafi["id"]},
                       teacher["token"]), timeout=30)
    session = call("POST", f"{LEARNING}/api/v1/classes/{class_id}/attendance/sessions",
                   {"date": today.isoformat(), "startsAt": "07:30", "endsAt": "07:45", "title": "Morning register"},
                   teacher["token"])
    marked = call("PUT", f"{LEARNING}/api/v1/attendance/sessions/{session['id']}/marks",
                  {"marks": [{"studentId": student["id"], "status": "LATE", "minutesLate": 5, "remark": "Bus was late"}],
                   "restPresent": True}, teacher["token"])
    print(f"the teacher takes the register in one request: {len(marked['marks'])} marks "
          f"({', '.join(m['status'] for m in marked['marks'])})")
    register = call("GET", f"{LEARNING}/api/v1/classes/{class_id}/attendance/register?from={today}&to={today}",
                    token=teacher["token"])
    for row in register["rows"]:
        print(f"   {row['name']:16} {row['marks'].get(session['id'], '-')}")
    mine = call("GET", f"{LEARNING}/api/v1/students/{student['id']}/attendance", token=student["token"])
    summary = mine["summary"]
    print(f"the student sees their attendance: {summary['counts']}, {summary['percentage']}% attendance")

    exam_day = today + timedelta(days=2)
    call("POST", f"{LEARNING}/api/v1/calendar/events",
         {"type": "EXAM", "title": "Programming quiz", "allDay": False, "startsAt": f"{exam_day}T09:00:00",
          "endsAt": f"{exam_day}T10:00:00", "audience": "CLASS", "classId": class_id}, admin)
    calendar = call("GET", f"{LEARNING}/api/v1/calendar/me?from={today}&to={today + timedelta(days=7)}",
                    token=student["token"])
    print("the student's calendar for the week:")
    for item in calendar["items"][:6]:
        print(f"   {item.get('kind'):6} {str(item.get('start'))[:16]}  {item.get('title')}")
    feed = call("POST", f"{LEARNING}/api/v1/calendar/feed-token", token=student["token"])
    with urllib.request.urlopen(LEARNING + feed["path"], timeout=10) as response:
        events = response.read().decode().count("BEGIN:VEVENT")
    print(f"and as an iCalendar feed for their calendar app: {LEARNING}/api/v1/calendar/feed/… ({events} events)")

    publish_at = time.time() + 3
    call("POST", f"{LEARNING}/api/v1/announcements",
         {"title": "Quiz on Wednesday", "body": "Bring a **pencil**.", "audience": "CLASS", "classId": class_id,
          "publishAt": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(publish_at))}, teacher["token"])
    print(f"[{time.monotonic() - started:6.2f}s] the teacher schedules an announcement for 3 s from now; watch the SSE lines")
    deadline = time.time() + 20
    while time.time() < deadline:
        listed = call("GET", f"{LEARNING}/api/v1/announcements", token=student["token"])
        if any(a["title"] == "Quiz on Wednesday" for a in listed["items"]):
            break
        time.sleep(0.5)
    time.sleep(1.5)

    thread = call("POST", f"{LEARNING}/api/v1/classes/{class_id}/discussion/threads",
                  {"title": "Is recursion on the quiz?", "body": "Asking for a friend."}, student["token"])
    call("POST", f"{LEARNING}/api/v1/discussion/threads/{thread['id']}/replies",
         {"body": "Yes: *one* question."}, teacher["token"])
    print(f"[{time.monotonic() - started:6.2f}s] the student asks in the class discussion and the teacher replies")
    time.sleep(2)


if __name__ == "__main__":
    try:
        main()
    except ApiError as error:
        print(f"demo: {error}", file=sys.stderr)
        sys.exit(1)
