package dev.kelas.learning.common;

import dev.kelas.contracts.Role;
import dev.kelas.learning.records.GuardianLink;
import dev.kelas.runtime.security.Caller;
import io.smallrye.mutiny.Uni;
import java.util.UUID;

/**
 * Who reads a student's own view: the student themself and the PARENT accounts an administrator linked to them
 * (issue 15). Such a reader sees exactly what the student sees of their own (released grades, their attendance,
 * behaviour notes visible to the student), never more, and writes nothing.
 */
public final class Guardianship {
    private Guardianship() {
    }

    /** Whether the caller is a PARENT linked to this student in the caller's school. Call inside a session. */
    public static Uni<Boolean> guards(Caller caller, UUID studentId) {
        if (!caller.hasRole(Role.PARENT) || studentId == null) {
            return Uni.createFrom().item(false);
        }
        return GuardianLink.links(caller.tenantId(), studentId, caller.userId());
    }

    /** Whether the caller reads as the student: the student themself, or a linked parent. Call inside a session. */
    public static Uni<Boolean> readsAs(Caller caller, UUID studentId) {
        return caller.userId().equals(studentId) ? Uni.createFrom().item(true) : guards(caller, studentId);
    }
}
