package dev.kelas.learning.joincode;

import dev.kelas.contracts.events.ClassJoinCodeChanged;
import dev.kelas.learning.common.ClassAccess;
import dev.kelas.learning.enrollment.ClassService;
import dev.kelas.learning.enrollment.SchoolClass;
import dev.kelas.runtime.outbox.Outbox;
import dev.kelas.runtime.problem.NotFoundException;
import dev.kelas.runtime.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * Class join codes (issue 15): a class's teachers and the school's administrators set or rotate a class's code, read it
 * and turn it off; every change goes out as {@code kelas.learning.class.join-code-changed}, which auth-service keeps to
 * check students' self-registrations.
 */
@ApplicationScoped
public class JoinCodeService {
    /** Letters and digits that are not mistaken for one another when read aloud or copied (no 0/O, 1/I/L). */
    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    /** Characters in a code: 31^8, about 8.5e11 codes. */
    static final int LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ClassAccess access;
    private final Outbox outbox;

    public JoinCodeService(ClassAccess access, Outbox outbox) {
        this.access = access;
        this.outbox = outbox;
    }

    /**
     * The class's current code.
     *
     * @throws NotFoundException  another school's class, or the class has no code now
     * @throws dev.kelas.runtime.problem.ForbiddenException the caller is neither a teacher of the class nor an administrator
     */
    @WithSession
    public Uni<ClassJoinCode> joinCode(Caller caller, UUID classId) {
        return access.managedClass(caller, classId).chain(c -> ClassJoinCode.<ClassJoinCode>findById(classId))
                .onItem().ifNull().failWith(() -> new NotFoundException("join code of class", classId));
    }

    /**
     * Sets a fresh random code for the class, replacing any earlier one (which stops working).
     *
     * @throws NotFoundException  another school's class
     * @throws dev.kelas.runtime.problem.ForbiddenException the caller is neither a teacher of the class nor an administrator
     * @throws dev.kelas.runtime.problem.KelasException 409 {@code CLASS_ARCHIVED}
     */
    @WithTransaction
    public Uni<ClassJoinCode> rotate(Caller caller, UUID classId) {
        Instant now = Instant.now();
        return access.managedClass(caller, classId).invoke(ClassService::requireNotArchived)
                .chain(schoolClass -> freshCode(caller.tenantId(), 0).chain(code -> ClassJoinCode.<ClassJoinCode>findById(classId)
                        .chain(existing -> {
                            ClassJoinCode row = existing != null ? existing : new ClassJoinCode();
                            row.id = classId;
                            row.tenantId = caller.tenantId();
                            row.code = code;
                            row.createdBy = caller.userId();
                            row.createdAt = now;
                            Uni<?> saved = existing != null ? Uni.createFrom().voidItem() : row.persist();
                            return saved.chain(() -> Panache.flush())
                                    .chain(() -> announce(schoolClass, code, now)).replaceWith(row);
                        })));
    }

    /**
     * Turns the class's code off: it stops working; self-registration into the class ends until a new code is set.
     * Turning off a class without a code changes nothing.
     *
     * @throws NotFoundException  another school's class
     * @throws dev.kelas.runtime.problem.ForbiddenException the caller is neither a teacher of the class nor an administrator
     */
    @WithTransaction
    public Uni<Void> disable(Caller caller, UUID classId) {
        Instant now = Instant.now();
        return access.managedClass(caller, classId).chain(schoolClass -> ClassJoinCode.<ClassJoinCode>findById(classId)
                .chain(existing -> existing == null ? Uni.createFrom().voidItem()
                        : existing.delete().chain(() -> announce(schoolClass, null, now))));
    }

    private Uni<Void> announce(SchoolClass schoolClass, String code, Instant now) {
        return outbox.record(schoolClass.tenantId, new ClassJoinCodeChanged(schoolClass.id, schoolClass.tenantId, code,
                schoolClass.name, now)).replaceWithVoid();
    }

    private static Uni<String> freshCode(UUID tenantId, int attempt) {
        String code = randomCode();
        return ClassJoinCode.taken(tenantId, code).chain(taken -> {
            if (!taken) {
                return Uni.createFrom().item(code);
            }
            if (attempt >= 5) {
                throw new IllegalStateException("No free join code after 6 attempts");
            }
            return freshCode(tenantId, attempt + 1);
        });
    }

    static String randomCode() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }
}
