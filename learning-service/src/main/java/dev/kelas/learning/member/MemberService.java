package dev.kelas.learning.member;

import dev.kelas.contracts.events.UserRegistered;
import dev.kelas.runtime.inbox.Inbox;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/** Keeps the local projection of auth-service's users. */
@ApplicationScoped
public class MemberService {
    private final Inbox inbox;

    public MemberService(Inbox inbox) {
        this.inbox = inbox;
    }

    /**
     * Applies {@code kelas.auth.user.registered} once per event id.
     *
     * @throws IllegalArgumentException if the payload's tenant differs from the envelope's
     */
    @WithTransaction
    public Uni<Void> applyUserRegistered(String consumer, UUID eventId, UUID tenantId, UserRegistered user) {
        if (!tenantId.equals(user.tenantId())) {
            throw new IllegalArgumentException("Event tenant and user tenant differ");
        }
        return inbox.once(consumer, eventId, () -> Member.<Member>findById(user.userId()).chain(existing -> {
                Member member = existing != null ? existing : new Member();
                member.userId = user.userId();
                member.tenantId = tenantId;
                member.email = user.email();
                member.name = user.name();
                member.role = user.role();
                member.updatedAt = Instant.now();
                return existing != null ? Uni.createFrom().voidItem() : member.persist().replaceWithVoid();
            }));
    }
}
