package dev.kelas.learning.enrollment;

/** Where an enrollment stands. Only ACTIVE ones may hand in work; ended ones keep their grades. */
public enum EnrollmentStatus {
    ACTIVE, TRANSFERRED, WITHDRAWN
}
