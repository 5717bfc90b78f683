package dev.kelas.learning.domain;

/** A DRAFT is seen only by the class's teachers; PUBLISHED work is open to the class. */
public enum AssignmentStatus {
    DRAFT, PUBLISHED
}
