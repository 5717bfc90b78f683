package dev.kelas.notification.audience;

import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.events.EmailVerificationRequested;
import dev.kelas.contracts.events.InvitationCreated;
import dev.kelas.contracts.events.PasswordResetRequested;
import dev.kelas.contracts.events.UserRegistered;
import dev.kelas.contracts.events.UserUpdated;
import dev.kelas.notification.audience.ProjectionService.UserChange;
import dev.kelas.notification.inbox.DeliveryService;
import dev.kelas.notification.inbox.DeliveryService.Delivered;
import dev.kelas.notification.inbox.Drafts;
import dev.kelas.notification.mail.EmailMessage;
import dev.kelas.notification.mail.MailTemplates;
import dev.kelas.notification.push.Fanout;
import dev.kelas.runtime.messaging.ConsumerSpec;
import dev.kelas.runtime.messaging.EventConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Keeps this service's copy of users from {@code kelas.auth.user.*} (e-mail addresses, names, roles,
 * who is active), mails password-reset links from {@code kelas.auth.password-reset.requested}, invitation links
 * from {@code kelas.auth.invitation.created} and e-mail verification links from
 * {@code kelas.auth.email-verification.requested}.
 */
@ApplicationScoped
public class AuthEventListener {
    static final String USERS_REGISTERED = "notification-auth-users-registered";
    static final String PASSWORD_RESETS = "notification-auth-password-resets";
    static final String INVITATIONS = "notification-auth-invitations";
    static final String EMAIL_VERIFICATIONS = "notification-auth-email-verifications";

    private final ProjectionService projections;
    private final DeliveryService delivery;
    private final MailTemplates templates;

    public AuthEventListener(ProjectionService projections, DeliveryService delivery, MailTemplates templates) {
        this.projections = projections;
        this.delivery = delivery;
        this.templates = templates;
    }

    @Produces
    @Singleton
    EventConsumer<UserRegistered> userRegistered(Fanout fanout) {
        return fanout.consumer(ConsumerSpec.of(USERS_REGISTERED, Subjects.Stream.KELAS_AUTH, Subjects.AUTH_USER_REGISTERED),
                UserRegistered.class, (context, user) -> projections.applyUser(context.tenantId(), new UserChange(user.userId(),
                        user.tenantId(), user.email(), user.name(), user.role().name(), true, user.occurredAt()))
                        .replaceWith(Delivered.NOTHING));
    }

    @Produces
    @Singleton
    EventConsumer<UserUpdated> userUpdated(Fanout fanout) {
        return userChanged(fanout, Subjects.AUTH_USER_UPDATED);
    }

    @Produces
    @Singleton
    EventConsumer<UserUpdated> userDeactivated(Fanout fanout) {
        return userChanged(fanout, Subjects.AUTH_USER_DEACTIVATED);
    }

    @Produces
    @Singleton
    EventConsumer<UserUpdated> userActivated(Fanout fanout) {
        return userChanged(fanout, Subjects.AUTH_USER_ACTIVATED);
    }

    @Produces
    @Singleton
    EventConsumer<PasswordResetRequested> passwordResetRequested(Fanout fanout) {
        return fanout.consumer(ConsumerSpec.of(PASSWORD_RESETS, Subjects.Stream.KELAS_AUTH, Subjects.AUTH_PASSWORD_RESET_REQUESTED),
                PasswordResetRequested.class, (context, reset) -> {
                    if (!context.tenantId().equals(reset.tenantId())) {
                        return Uni.createFrom().failure(new IllegalArgumentException("Event tenant and payload tenant differ"));
                    }
                    return delivery.deliver(context.eventId(), context.tenantId(), new Audience.User(reset.userId()),
                            Drafts.passwordReset(reset.expiresAt(), templates.passwordReset(reset.email(), reset.name(),
                                    reset.token(), reset.expiresAt())));
                });
    }

    /**
     * Mails an invitation's link to the invited address. There is no account yet, so no in-app notification: the mail
     * is queued for the address itself (no user).
     */
    @Produces
    @Singleton
    EventConsumer<InvitationCreated> invitationCreated(Fanout fanout) {
        return fanout.consumer(ConsumerSpec.of(INVITATIONS, Subjects.Stream.KELAS_AUTH, Subjects.AUTH_INVITATION_CREATED),
                InvitationCreated.class, (context, invitation) -> {
                    if (!context.tenantId().equals(invitation.tenantId())) {
                        return Uni.createFrom().failure(new IllegalArgumentException("Event tenant and payload tenant differ"));
                    }
                    DeliveryService.Mail mail = templates.invitation(invitation.email(), invitation.name(), invitation.schoolName(),
                            invitation.role().name(), invitation.token(), invitation.expiresAt());
                    return EmailMessage.queue(context.tenantId(), null, mail.to(), mail.subject(), mail.text())
                            .replaceWith(new Delivered(List.of(), 1));
                });
    }

    /**
     * Mails a self-registered student's verification link. The account is not announced before it is verified, so the
     * mail goes to the address in the event, with no in-app notification.
     */
    @Produces
    @Singleton
    EventConsumer<EmailVerificationRequested> emailVerificationRequested(Fanout fanout) {
        return fanout.consumer(ConsumerSpec.of(EMAIL_VERIFICATIONS, Subjects.Stream.KELAS_AUTH, Subjects.AUTH_EMAIL_VERIFICATION_REQUESTED),
                EmailVerificationRequested.class, (context, request) -> {
                    if (!context.tenantId().equals(request.tenantId())) {
                        return Uni.createFrom().failure(new IllegalArgumentException("Event tenant and payload tenant differ"));
                    }
                    DeliveryService.Mail mail = templates.emailVerification(request.email(), request.name(), request.token(),
                            request.expiresAt());
                    return EmailMessage.queue(context.tenantId(), null, mail.to(), mail.subject(), mail.text())
                            .replaceWith(new Delivered(List.of(), 1));
                });
    }

    /** {@code kelas.auth.user.updated}, {@code .deactivated} or {@code .activated}, each on its own consumer as before. */
    private EventConsumer<UserUpdated> userChanged(Fanout fanout, String subject) {
        String consumer = "notification-auth-users-" + subject.substring(subject.lastIndexOf('.') + 1);
        return fanout.consumer(ConsumerSpec.of(consumer, Subjects.Stream.KELAS_AUTH, subject), UserUpdated.class,
                (context, user) -> projections.applyUser(context.tenantId(), new UserChange(user.userId(), user.tenantId(),
                        null, user.name(), user.role().name(), user.active(), user.occurredAt())).replaceWith(Delivered.NOTHING));
    }
}
