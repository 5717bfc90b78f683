package dev.kelas.lab.grading;

/** How a test compares a program's output with the expected output. */
public enum Checker {
    /** Equal after CRLF becomes LF, white space at line ends and blank lines at the end are dropped. */
    EXACT,
    /** Equal as sequences of white-space-separated tokens (line breaks and spacing do not matter). */
    WHITESPACE,
    /** Tokens equal, or both numbers within the test's tolerance (absolute, or relative to the expected value). */
    FLOAT,
    /**
     * A teacher's checker program decides: run in the sandbox as {@code checker.py input.txt output.txt
     * expected.txt}; exit 0 accepts, exit 1 is a wrong answer, anything else is the checker's own failure.
     */
    PROGRAM
}
