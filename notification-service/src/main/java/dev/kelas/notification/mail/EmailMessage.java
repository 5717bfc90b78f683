package dev.kelas.notification.mail;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A mail waiting to be sent, written in the same transaction as the decision to send it (an outbox for
 * SMTP). Senders claim due rows, and delete each once the SMTP server took it: at-least-once delivery.
 */
@Entity
@Table(name = "email_message")
public class EmailMessage extends PanacheEntityBase {
    // A claimed row is not due again until the lease ends, so a sender that dies leaves it to another.
    private static final String CLAIM = """
            update email_message set next_attempt_at = ?2, attempts = attempts + 1
            where id in (select id from email_message where failed_at is null and next_attempt_at <= now()
                         order by id limit ?1 for update skip locked)
            returning id""";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public UUID tenantId;
    public UUID userId;
    /** The address; null for the user's own address, looked up when the mail is sent. */
    public String recipient;
    public String subject;
    public String body;
    public Instant createdAt;
    public Instant nextAttemptAt;
    public int attempts;
    public String lastError;
    public Instant failedAt;

    /**
     * Queues a mail to go out at once.
     *
     * @param recipient the address, or null for the user's address in {@code user_account} when it is sent
     */
    public static Uni<Void> queue(UUID tenantId, UUID userId, String recipient, String subject, String body) {
        EmailMessage mail = new EmailMessage();
        mail.tenantId = tenantId;
        mail.userId = userId;
        mail.recipient = recipient;
        mail.subject = subject;
        mail.body = body;
        mail.createdAt = Instant.now();
        mail.nextAttemptAt = mail.createdAt;
        return mail.persist().replaceWithVoid();
    }

    /** Claims up to {@code limit} due mails for {@code lease}; each counts as one more attempt. */
    public static Uni<List<EmailMessage>> claimDue(int limit, Duration lease) {
        return Panache.getSession().chain(session -> session.createNativeQuery(CLAIM, Long.class)
                        .setParameter(1, limit).setParameter(2, Instant.now().plus(lease)).getResultList())
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<EmailMessage>of())
                        : EmailMessage.<EmailMessage>list("id in ?1 order by id", ids));
    }

    /** Forgets a mail the SMTP server accepted (it may carry a password-reset token). */
    public static Uni<Void> sent(long id) {
        return delete("id", id).replaceWithVoid();
    }

    /** Records a failed attempt: retried at {@code retryAt}, or given up on when {@code retryAt} is null. */
    public static Uni<Void> failed(long id, String error, Instant retryAt) {
        return retryAt == null
                ? update("lastError = ?1, failedAt = ?2 where id = ?3", error, Instant.now(), id).replaceWithVoid()
                : update("lastError = ?1, nextAttemptAt = ?2 where id = ?3", error, retryAt, id).replaceWithVoid();
    }
}
