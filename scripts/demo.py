"""./kelas demo: the main job of Kelas on a running system, in under a minute.

A school, a teacher, two students and a class; a CODING assignment with a Python task (one visible and
one hidden test); the student submits right, wrong, slow and hostile programs; each verdict and each
live SSE event is printed as it arrives; then the gradebook and the student's inbox.
"""
import sys
import threading
import time
import uuid

from kelas_client import LEARNING, NOTIFICATION, ApiError, School, SseStream, await_graded, call, coding_task, submit

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
            print(f"   \033[36m[SSE {time.monotonic() - started:6.2f}s] id={event['id']} {event['event']}: "
                  f"{data['title']} — {data['body']}\033[0m")

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

    heading("The student's inbox")
    inbox = call("GET", NOTIFICATION + "/api/v1/notifications", token=student["token"])
    for item in inbox["items"][:5]:
        print(f"#{item['id']} {item['type']}: {item['title']} — {item['body']}")
    print(f"({inbox['total']} in all)\n\nDone in {time.monotonic() - started:.1f} s.")


if __name__ == "__main__":
    try:
        main()
    except ApiError as error:
        print(f"demo: {error}", file=sys.stderr)
        sys.exit(1)
