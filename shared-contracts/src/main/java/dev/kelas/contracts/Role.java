package dev.kelas.contracts;

/** A user's role inside one tenant (school); carried in the access token's {@code groups} claim. */
public enum Role {
    ADMIN, TEACHER, STUDENT, PARENT;

    /** Role names as the {@code @RolesAllowed} annotations spell them. */
    public static final String ADMIN_NAME = "ADMIN";
    public static final String TEACHER_NAME = "TEACHER";
    public static final String STUDENT_NAME = "STUDENT";
    public static final String PARENT_NAME = "PARENT";
}
