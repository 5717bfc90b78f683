package dev.kelas.learning.member;

import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.events.UserUpdated;
import dev.kelas.runtime.messaging.ConsumerSpec;
import dev.kelas.runtime.messaging.EventConsumer;
import dev.kelas.runtime.messaging.EventContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps learning-service's copy of users current from {@code kelas.auth.user.updated} (an administrator's change, or
 * the user's own profile): the name and role rosters, gradebooks and records show.
 */
@ApplicationScoped
public class UserUpdatedListener implements EventConsumer<UserUpdated> {
    static final String CONSUMER = "learning-auth-users-updated";

    private final MemberService members;

    public UserUpdatedListener(MemberService members) {
        this.members = members;
    }

    @Override
    public ConsumerSpec spec() {
        return ConsumerSpec.of(CONSUMER, Subjects.Stream.KELAS_AUTH, Subjects.AUTH_USER_UPDATED);
    }

    @Override
    public Class<UserUpdated> payloadType() {
        return UserUpdated.class;
    }

    @Override
    public Uni<Void> apply(EventContext context, UserUpdated user) {
        return members.applyUserUpdated(context.tenantId(), user);
    }
}
