package dev.kelas.learning.member;

import dev.kelas.contracts.Role;
import dev.kelas.contracts.events.UserRegistered;
import dev.kelas.contracts.events.UserUpdated;
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
                member.updatedAt = user.occurredAt() != null ? user.occurredAt() : Instant.now(); // orders later updates
                Uni<Void> saved = existing != null ? Uni.createFrom().voidItem() : member.persist().replaceWithVoid();
                if (user.joinClassId() == null || user.role() != Role.STUDENT) {
                    return saved;
                }
                return saved.chain(() -> Panache.flush())
                        .chain(() -> enrollments.enrollSelfRegistered(tenantId, user.joinClassId(), user.userId())).replaceWithVoid();
            });
    }

    /**
     * Applies {@code kelas.auth.user.updated}: the member's name and role as the account now is. A change older than
     * the copy (by {@code occurredAt}) changes nothing.
     *
     * @throws IllegalArgumentException if the payload's tenant differs from the envelope's
     * @throws IllegalStateException    while the user's registration has not arrived yet (the event is retried)
     */
    @WithTransaction
    public Uni<Void> applyUserUpdated(UUID tenantId, UserUpdated user) {
        if (!tenantId.equals(user.tenantId())) {
            throw new IllegalArgumentException("Event tenant and user tenant differ");
        }
        return Member.<Member>findById(user.userId()).map(member -> {
            if (member == null) {
                throw new IllegalStateException("User " + user.userId() + " is not known here yet");
            }
            Instant at = user.occurredAt() != null ? user.occurredAt() : Instant.now();
            if (member.updatedAt == null || !at.isBefore(member.updatedAt)) {
                member.name = user.name();
                member.role = user.role();
                member.updatedAt = at;
            }
            return null;
        });
    }
}
