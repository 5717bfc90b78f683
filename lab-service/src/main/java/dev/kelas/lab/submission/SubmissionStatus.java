package dev.kelas.lab.submission;

/** Where a code submission is in its life. */
public enum SubmissionStatus {
    /** Stored; {@code kelas.lab.submission.created} is on its way to a grader. */
    QUEUED,
    /** A grader is running its tests. */
    RUNNING,
    /** Judged: verdict and score are final. */
    GRADED,
    /** Could not be judged after every allowed attempt (verdict INTERNAL_ERROR). */
    FAILED
}
