package dev.kelas.learning.assignment;

/** Which lab attempt a CODING assignment's grade takes: the best current score or the latest submission's. */
public enum CodingScorePolicy {
    BEST, LATEST
}
