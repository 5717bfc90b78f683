package dev.kelas.learning.member;

import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.events.UserRegistered;
import dev.kelas.runtime.messaging.ConsumerSpec;
import dev.kelas.runtime.messaging.EventConsumer;
import dev.kelas.runtime.messaging.EventContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Keeps learning-service's copy of users from {@code kelas.auth.user.registered}. */
@ApplicationScoped
public class UserEventListener implements EventConsumer<UserRegistered> {
    static final String CONSUMER = "learning-auth-users";

    private final MemberService members;

    public UserEventListener(MemberService members) {
        this.members = members;
    }

    @Override
    public ConsumerSpec spec() {
        return ConsumerSpec.of(CONSUMER, Subjects.Stream.KELAS_AUTH, Subjects.AUTH_USER_REGISTERED);
    }

    @Override
    public Class<UserRegistered> payloadType() {
        return UserRegistered.class;
    }

    @Override
    public Uni<Void> apply(EventContext context, UserRegistered user) {
        return members.applyUserRegistered(context.tenantId(), user);
    }
}
