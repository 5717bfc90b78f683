package dev.kelas.lab.review;

/**
 * One thing a reviewer found in a student's program.
 *
 * @param line     1-based line of the student's source it is about, or null when it is about the whole program
 *                 (a failed test, a verdict)
 * @param column   1-based column, or null when the tool gives none
 * @param severity how much it matters
 * @param message  what is wrong, in the tool's words (or ours for test feedback)
 * @param tool     who found it: {@code pyflakes}, {@code pycodestyle}, {@code gcc}, {@code cppcheck}, {@code javac},
 *                 {@code node}, or {@code tests} for what the graded tests show
 * @param rule     the tool's rule or message id (e.g. {@code E302}, {@code uninitvar}, {@code rawtypes}), or null
 */
public record Finding(Integer line, Integer column, Severity severity, String message, String tool, String rule) {

    /** How much a finding matters, as the tools grade their own messages. */
    public enum Severity {
        /** The program is wrong or will fail (a syntax error, an undefined name, an out-of-bounds index). */
        ERROR,
        /** Probably a mistake (an unused variable, a raw type, a suspicious conversion). */
        WARNING,
        /** Style or a hint (layout, naming, what a verdict usually means). */
        INFO
    }
}
