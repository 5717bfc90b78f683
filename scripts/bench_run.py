""""Run" latency on a running system (./kelas up): idle, and while 200 gradings are queued.

A teacher's task takes ten students; each "Run" is POST /api/v1/lab/tasks/{id}/runs of a trivial Python program
(print(input())) with a line of stdin, timed by the client from sending to the 200 answer (the request waits
for the result, kelas.lab.run.wait). First R runs on an idle system (one after another, spread over the students
so the run rate limit of 20 a minute per user is not reached), then Q submissions of a program that sleeps S
seconds are queued for the graders (kelas.lab.grader.concurrency slots) and the same R runs are timed while
they wait. It prints p50 and p99 of both and their ratios, and how many gradings were still ungraded when the
last run answered (the runs' own lane, consumer lab-runs, should keep the ratio near 1).

Then the other way round: G (40) gradings of print(input()) are timed from the first submit to the last verdict,
alone and again while a burst of 200 runs (20 from each of ten other students, their whole minute's quota, from
16 clients at once) waits for the run lane; it prints both times and their ratio (near 1: a burst of runs does not
starve grading). The alone time is the mean of one run before the burst and one after it.
Usage: /usr/bin/python3 scripts/bench_run.py [R=40] [Q=200] [S=0.5] [G=40]
"""
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor

from kelas_client import LAB, School, await_graded, call, coding_task, retry, submit

STUDENTS = 10
PROGRAM = "print(input())\n"


def timed_runs(students, task_id, count):
    """count runs, one after another; returns their latencies in ms, sorted."""
    latencies = []
    for i in range(count):
        student = students[i % STUDENTS]
        started = time.monotonic()
        answer = call("POST", f"{LAB}/api/v1/lab/tasks/{task_id}/runs",
                      {"language": "python", "code": PROGRAM, "stdin": f"run {i}\n"}, token=student["token"], expect=(200,))
        latencies.append((time.monotonic() - started) * 1000)
        if answer["stdout"] != f"run {i}\n":
            raise AssertionError(f"run {i} printed {answer['stdout']!r}: {answer}")
    return sorted(latencies)


def percentile(sorted_values, fraction):
    return sorted_values[min(len(sorted_values) - 1, int(fraction * len(sorted_values)))]


def ungraded(teacher, task_id, ids):
    seen, page = {}, 0
    while True:
        answer = call("GET", f"{LAB}/api/v1/lab/tasks/{task_id}/submissions?page={page}&size=100", token=teacher["token"])
        for item in answer["items"]:
            seen[item["id"]] = item["status"]
        if not answer["items"]:
            break
        page += 1
    return sum(1 for i in ids if seen.get(i) not in ("GRADED", "FAILED"))


def grading_seconds(students, task_id, count):
    """count quick gradings submitted from 8 clients; seconds from the first submit to the last verdict."""
    started = time.monotonic()
    with ThreadPoolExecutor(8) as pool:
        ids = list(pool.map(lambda i: submit(students[i % STUDENTS], task_id, PROGRAM), range(count)))
    for i, submission in enumerate(ids):
        await_graded(students[i % STUDENTS], submission, timeout=300)
    return time.monotonic() - started


def run_burst(runners, task_id, per_runner):
    """Each runner's whole quota of runs at once from 16 clients; answers 200 (done in the wait) or 202 (queued)."""
    def one(i):
        call("POST", f"{LAB}/api/v1/lab/tasks/{task_id}/runs", {"language": "python", "code": PROGRAM,
             "stdin": f"burst {i}\n"}, token=runners[i % len(runners)]["token"], expect=(200, 202))
    with ThreadPoolExecutor(16) as pool:
        list(pool.map(one, range(len(runners) * per_runner)))


def main(runs, queued, sleep_seconds, gradings):
    school = School("Run Bench")
    teacher = school.create_user("TEACHER", "Bench Teacher")
    students = [school.create_user("STUDENT", f"Bench Runner {i}") for i in range(STUDENTS)]
    task = coding_task(teacher, students, [{"stdin": "1\n", "expectedStdout": "1\n", "hidden": False, "points": 1}],
                       limits={"cpuSeconds": 1, "wallSeconds": 2 + sleep_seconds, "memoryMib": 256})
    # Each enrollment reaches lab-service as its own event: until it has, that student's run is 403.
    for student in students:
        retry(lambda: call("POST", f"{LAB}/api/v1/lab/tasks/{task['id']}/runs",
                           {"language": "python", "code": "pass\n"}, token=student["token"], expect=(200,)), statuses=(403,))

    idle = timed_runs(students, task["id"], runs)

    slow = f"import time\ntime.sleep({sleep_seconds})\nprint(input())\n"
    with ThreadPoolExecutor(8) as pool:
        burst = list(pool.map(lambda i: submit(students[i % STUDENTS], task["id"], slow), range(queued)))
    loaded = timed_runs(students, task["id"], runs)
    left = ungraded(teacher, task["id"], burst)

    p50_idle, p99_idle = statistics.median(idle), percentile(idle, 0.99)
    p50_loaded, p99_loaded = statistics.median(loaded), percentile(loaded, 0.99)
    print(f"Run latency of print(input()), {runs} runs each: idle p50 {p50_idle:.0f} ms, p99 {p99_idle:.0f} ms; "
          f"with {queued} gradings queued p50 {p50_loaded:.0f} ms, p99 {p99_loaded:.0f} ms; "
          f"ratio loaded/idle p50 {p50_loaded / p50_idle:.2f}, p99 {p99_loaded / p99_idle:.2f} "
          f"({left} of {queued} gradings still ungraded after the last run)")

    # The other way round: a burst of runs must not starve grading. Ten other students spend their run quota.
    deadline = time.monotonic() + 600
    while ungraded(teacher, task["id"], burst) and time.monotonic() < deadline:
        time.sleep(1)  # the queued slow gradings are done first
    quick = coding_task(teacher, students, [{"stdin": "1\n", "expectedStdout": "1\n", "hidden": False, "points": 1}],
                        title="Quick")
    runners = [school.create_user("STUDENT", f"Bench Burst {i}") for i in range(STUDENTS)]
    burst_task = coding_task(teacher, runners, [{"stdin": "1\n", "expectedStdout": "1\n", "hidden": False, "points": 1}],
                             title="Burst")
    for student in students:  # their enrollment in the new class has reached lab-service
        retry(lambda: await_graded(student, submit(student, quick["id"], PROGRAM)), statuses=(403,))
    for runner in runners:
        retry(lambda: call("POST", f"{LAB}/api/v1/lab/tasks/{burst_task['id']}/runs",
                           {"language": "python", "code": "pass\n"}, token=runner["token"], expect=(200,)), statuses=(403,))
    alone = grading_seconds(students, quick["id"], gradings)
    with ThreadPoolExecutor(1) as background:
        runs_done = background.submit(run_burst, runners, burst_task["id"], 19)
        time.sleep(0.5)  # the burst is queued before the gradings arrive
        beside = grading_seconds(students, quick["id"], gradings)
        runs_done.result()
    again = grading_seconds(students, quick["id"], gradings)  # alone once more: warm-up must not favour a side
    alone = (alone + again) / 2
    print(f"{gradings} gradings, first submit to last verdict: alone {alone:.1f} s (mean of before and after), "
          f"during a burst of {len(runners) * 19} runs {beside:.1f} s; ratio {beside / alone:.2f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 40, int(sys.argv[2]) if len(sys.argv) > 2 else 200,
         float(sys.argv[3]) if len(sys.argv) > 3 else 0.5, int(sys.argv[4]) if len(sys.argv) > 4 else 40)
