package dev.kelas.contracts;

/**
 * Outcome of running one test case, or a whole code submission, in the vocabulary programming
 * judges use (ICPC, DOMjudge, Judge0).
 */
public enum Verdict {
    /** The program exited normally and its output matched the expected output. */
    ACCEPTED,
    /** The program exited normally but its output did not match. */
    WRONG_ANSWER,
    /** The program used more CPU seconds or wall seconds than the task allows. */
    TIME_LIMIT_EXCEEDED,
    /** The program tried to use more memory than the task allows. */
    MEMORY_LIMIT_EXCEEDED,
    /** The program exited with a non-zero status or was killed by a signal. */
    RUNTIME_ERROR,
    /** The source did not compile. */
    COMPILATION_ERROR,
    /** The program wrote more output than the task allows. */
    OUTPUT_LIMIT_EXCEEDED,
    /** The grader itself failed; the submission was not judged on its merits. */
    INTERNAL_ERROR
}
