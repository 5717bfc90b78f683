package dev.kelas.learning.member;

import dev.kelas.contracts.Role;
import dev.kelas.contracts.events.UserRegistered;
import dev.kelas.learning.enrollment.EnrollmentService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * Keeps the local projection of auth-service's users, and enrolls a self-registered student in the class of their
 * join code (issue 15).
 */
@ApplicationScoped
public class MemberService {
    private final EnrollmentService enrollments;

    public MemberService(EnrollmentService enrollments) {
        this.enrollments = enrollments;
    }

    /**
     * Applies {@code kelas.auth.user.registered}: records or refreshes the member (run once per event by the listener's
     * inbox); a student who names the class of their join code ({@code joinClassId}) is enrolled there.
     *
     * @throws IllegalArgumentException if the payload's tenant differs from the envelope's
     */
    @WithTransaction
    public Uni<Void> applyUserRegistered(UUID tenantId, UserRegistered user) {
        if (!tenantId.equals(user.tenantId())) {
            throw new IllegalArgumentException("Event tenant and user tenant differ");
        }
        return Member.<Member>findById(user.userId()).chain(existing -> {
                Member member = existing != null ? existing : new Member();
                member.userId = user.userId();
                member.tenantId = tenantId;
                member.email = user.email();
                member.name = user.name();
                member.role = user.role();
                member.updatedAt = Instant.now();
                Uni<Void> saved = existing != null ? Uni.createFrom().voidItem() : member.persist().replaceWithVoid();
                if (user.joinClassId() == null || user.role() != Role.STUDENT) {
                    return saved;
                }
                return saved.chain(() -> Panache.flush())
                        .chain(() -> enrollments.enrollSelfRegistered(tenantId, user.joinClassId(), user.userId())).replaceWithVoid();
            });
    }
}
