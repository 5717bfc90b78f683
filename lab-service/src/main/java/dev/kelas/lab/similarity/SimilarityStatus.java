package dev.kelas.lab.similarity;

/** Where a similarity check is: waiting for a checker, running, done, or given up after every attempt. */
public enum SimilarityStatus {
    QUEUED, RUNNING, FINISHED, FAILED;

    /** Whether the check has its final answer (FINISHED or FAILED). */
    public boolean done() {
        return this == FINISHED || this == FAILED;
    }
}
