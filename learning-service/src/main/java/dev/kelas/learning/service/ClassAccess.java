package dev.kelas.learning.service;

import dev.kelas.contracts.Role;
import dev.kelas.learning.domain.SchoolClass;
import dev.kelas.runtime.problem.ForbiddenException;
import dev.kelas.runtime.problem.NotFoundException;
import dev.kelas.runtime.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Who may manage a class: its teacher and the school's administrators. A class of another school
 * is not found (404), a class of this school that the caller does not teach is forbidden (403).
 */
@ApplicationScoped
public class ClassAccess {
    /**
     * Loads a class the caller manages.
     *
     * @throws NotFoundException  if the class is not in the caller's tenant
     * @throws ForbiddenException if the caller is neither its teacher nor an administrator
     */
    public Uni<SchoolClass> managedClass(Caller caller, UUID classId) {
        UUID tenantId = caller.tenantId();
        UUID userId = caller.userId();
        boolean admin = caller.hasRole(Role.ADMIN);
        return SchoolClass.findInTenant(tenantId, classId).map(schoolClass -> {
            if (schoolClass == null) {
                throw new NotFoundException("class", classId);
            }
            if (!admin && !schoolClass.teacherId.equals(userId)) {
                throw new ForbiddenException("Only the class's teacher or an administrator may do this");
            }
            return schoolClass;
        });
    }
}
