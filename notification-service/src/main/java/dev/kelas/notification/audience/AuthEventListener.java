package dev.kelas.notification.audience;

import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.events.PasswordResetRequested;
import dev.kelas.contracts.events.UserRegistered;
import dev.kelas.contracts.events.UserUpdated;
import dev.kelas.notification.audience.ProjectionService.UserChange;
import dev.kelas.notification.config.NotificationConfig;
import dev.kelas.notification.inbox.DeliveryService;
import dev.kelas.notification.inbox.Drafts;
import dev.kelas.notification.mail.MailTemplates;
import dev.kelas.notification.push.Fanout;
import dev.kelas.runtime.messaging.ConsumerSpec;
import dev.kelas.runtime.messaging.IncomingEvent;
import dev.kelas.runtime.messaging.JetStreamConsumers;
import dev.kelas.runtime.messaging.Reactive;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Keeps this service's copy of users from {@code kelas.auth.user.*} (e-mail addresses, names, roles,
 * who is active) and mails password-reset links from {@code kelas.auth.password-reset.requested}.
 */
@ApplicationScoped
public class AuthEventListener {
    static final String PASSWORD_RESETS = "notification-auth-password-resets";

    private final JetStreamConsumers consumers;
    private final ProjectionService projections;
    private final DeliveryService delivery;
    private final MailTemplates templates;
    private final Fanout fanout;
    private final NotificationConfig config;

    public AuthEventListener(JetStreamConsumers consumers, ProjectionService projections, DeliveryService delivery,
                             MailTemplates templates, Fanout fanout, NotificationConfig config) {
        this.consumers = consumers;
        this.projections = projections;
        this.delivery = delivery;
        this.templates = templates;
        this.fanout = fanout;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        if (!config.consumersEnabled()) {
            return;
        }
        consumers.start(ConsumerSpec.of("notification-auth-users-registered", Subjects.Stream.KELAS_AUTH,
                Subjects.AUTH_USER_REGISTERED), this::onUserRegistered);
        for (String subject : new String[] {Subjects.AUTH_USER_UPDATED, Subjects.AUTH_USER_DEACTIVATED, Subjects.AUTH_USER_ACTIVATED}) {
            String consumer = "notification-auth-users-" + subject.substring(subject.lastIndexOf('.') + 1);
            consumers.start(ConsumerSpec.of(consumer, Subjects.Stream.KELAS_AUTH, subject), e -> onUserUpdated(consumer, e));
        }
        consumers.start(ConsumerSpec.of(PASSWORD_RESETS, Subjects.Stream.KELAS_AUTH, Subjects.AUTH_PASSWORD_RESET_REQUESTED),
                this::onPasswordResetRequested);
    }

    void onUserRegistered(IncomingEvent event) {
        UserRegistered user = event.data(UserRegistered.class);
        Reactive.await(() -> projections.applyUser("notification-auth-users-registered", event.id(), event.tenantId(),
                new UserChange(user.userId(), user.tenantId(), user.email(), user.name(), user.role().name(), true,
                        user.occurredAt())));
    }

    void onUserUpdated(String consumer, IncomingEvent event) {
        UserUpdated user = event.data(UserUpdated.class);
        Reactive.await(() -> projections.applyUser(consumer, event.id(), event.tenantId(), new UserChange(user.userId(),
                user.tenantId(), null, user.name(), user.role().name(), user.active(), user.occurredAt())));
    }

    void onPasswordResetRequested(IncomingEvent event) {
        PasswordResetRequested reset = event.data(PasswordResetRequested.class);
        if (!event.tenantId().equals(reset.tenantId())) {
            throw new IllegalArgumentException("Event tenant and payload tenant differ");
        }
        fanout.deliver(() -> delivery.deliverOnce(PASSWORD_RESETS, event.id(), event.tenantId(),
                new Audience.User(reset.userId()), Drafts.passwordReset(reset.expiresAt(),
                        templates.passwordReset(reset.email(), reset.name(), reset.token(), reset.expiresAt()))));
    }
}
