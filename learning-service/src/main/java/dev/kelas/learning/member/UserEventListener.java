package dev.kelas.learning.member;

import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.events.UserRegistered;
import dev.kelas.runtime.messaging.ConsumerSpec;
import dev.kelas.runtime.messaging.IncomingEvent;
import dev.kelas.runtime.messaging.JetStreamConsumers;
import dev.kelas.runtime.messaging.Reactive;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Keeps learning-service's copy of users from {@code kelas.auth.user.registered}. */
@ApplicationScoped
public class UserEventListener {
    static final String CONSUMER = "learning-auth-users";

    private final JetStreamConsumers consumers;
    private final MemberService members;

    public UserEventListener(JetStreamConsumers consumers, MemberService members) {
        this.consumers = consumers;
        this.members = members;
    }

    void start(@Observes StartupEvent event) {
        consumers.start(ConsumerSpec.of(CONSUMER, Subjects.Stream.KELAS_AUTH, Subjects.AUTH_USER_REGISTERED), this::onUserRegistered);
    }

    void onUserRegistered(IncomingEvent event) {
        UserRegistered user = event.data(UserRegistered.class);
        Reactive.await(() -> members.applyUserRegistered(CONSUMER, event.id(), event.tenantId(), user));
    }
}
