package dev.kelas.learning.assignment;

/** How students hand in an assignment. CODING ones are graded by lab-service's graders. */
public enum AssignmentKind {
    ESSAY, FILE, LINK, CODING
}
