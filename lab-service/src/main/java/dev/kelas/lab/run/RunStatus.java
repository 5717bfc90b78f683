package dev.kelas.lab.run;

/** Where a run is: waiting for a runner, running, done, or given up after every attempt. */
public enum RunStatus {
    QUEUED, RUNNING, FINISHED, FAILED;

    /** Whether the run has its final answer (FINISHED or FAILED). */
    public boolean done() {
        return this == FINISHED || this == FAILED;
    }
}
