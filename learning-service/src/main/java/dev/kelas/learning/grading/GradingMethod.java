package dev.kelas.learning.grading;

/** How a class's grade in a subject combines its components (see {@code FinalGrade}). */
public enum GradingMethod {
    /** Each component's percentage counts by its weight; the weights sum to 100. */
    WEIGHTED,
    /** Every counted assignment's percentage counts the same. */
    AVERAGE
}
