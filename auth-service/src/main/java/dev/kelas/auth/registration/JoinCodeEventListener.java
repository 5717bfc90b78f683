package dev.kelas.auth.registration;

import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.events.ClassJoinCodeChanged;
import dev.kelas.runtime.messaging.ConsumerSpec;
import dev.kelas.runtime.messaging.EventConsumer;
import dev.kelas.runtime.messaging.EventContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Keeps auth-service's copy of the classes' join codes from {@code kelas.learning.class.join-code-changed}. */
@ApplicationScoped
public class JoinCodeEventListener implements EventConsumer<ClassJoinCodeChanged> {
    static final String CONSUMER = "auth-learning-join-codes";

    private final SelfRegistrationService registrations;

    public JoinCodeEventListener(SelfRegistrationService registrations) {
        this.registrations = registrations;
    }

    @Override
    public ConsumerSpec spec() {
        return ConsumerSpec.of(CONSUMER, Subjects.Stream.KELAS_LEARNING, Subjects.LEARNING_CLASS_JOIN_CODE_CHANGED);
    }

    @Override
    public Class<ClassJoinCodeChanged> payloadType() {
        return ClassJoinCodeChanged.class;
    }

    @Override
    public Uni<Void> apply(EventContext context, ClassJoinCodeChanged change) {
        return registrations.applyJoinCodeChanged(context.tenantId(), change);
    }
}
