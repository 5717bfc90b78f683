package dev.kelas.learning.assignment;

/** A DRAFT is seen only by the class's teachers; PUBLISHED work is open to the class. */
public enum AssignmentStatus {
    DRAFT, PUBLISHED
}
