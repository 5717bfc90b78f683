package dev.kelas.notification.mail;

import dev.kelas.notification.audience.UserAccount;
import dev.kelas.notification.config.NotificationConfig;
import dev.kelas.notification.inbox.DeliveryService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The queue of outgoing mail ({@code email_message}) and the daily digest. Sending over SMTP happens
 * outside any transaction ({@code mail.MailSender}); this class claims, settles and writes the rows.
 */
@ApplicationScoped
public class MailService {
    /** How long a claimed mail belongs to its sender before another may try it. */
    static final Duration LEASE = Duration.ofMinutes(2);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    private static final Duration LAST_RETRY = Duration.ofHours(1);
    private static final int DIGEST_BATCH = 10_000;
    // One digest run at a time across replicas: a user gets one mail listing everything, not two halves.
    private static final long DIGEST_LOCK = 0x6b656c6173L;

    private final NotificationConfig config;
    private final MailTemplates templates;

    public MailService(NotificationConfig config, MailTemplates templates) {
        this.config = config;
        this.templates = templates;
    }

    /** A mail to send now. */
    public record OutgoingMail(long id, String to, String subject, String text, int attempts) {
    }

    /**
     * Claims up to {@code limit} mails that are due, each with its address (null while the user's address is
     * still unknown).
     */
    @WithTransaction
    public Uni<List<OutgoingMail>> claimDue(int limit) {
        return EmailMessage.claimDue(limit, LEASE).chain(rows -> UserAccount.findAll(rows.stream()
                        .filter(m -> m.recipient == null && m.userId != null).map(m -> m.userId).distinct().toList())
                .map(accounts -> {
                    Map<UUID, String> addresses = new HashMap<>();
                    accounts.forEach(a -> addresses.put(a.userId, a.email));
                    return rows.stream().map(m -> new OutgoingMail(m.id, m.recipient != null ? m.recipient
                            : addresses.get(m.userId), m.subject, m.body, m.attempts)).toList();
                }));
    }

    /** The SMTP server accepted the mail: it is forgotten. */
    @WithTransaction
    public Uni<Void> sent(long id) {
        return EmailMessage.sent(id);
    }

    /**
     * The mail could not be sent: it is tried again after a delay doubling from 30 s up to an hour, or, after
     * {@code kelas.notification.mail.max-attempts}, kept with its error and not tried again.
     */
    @WithTransaction
    public Uni<Void> failed(OutgoingMail mail, String error) {
        Instant retryAt = mail.attempts() >= config.mail().maxAttempts() ? null
                : Instant.now().plus(backoff(mail.attempts()));
        return EmailMessage.failed(mail.id(), error.length() > 500 ? error.substring(0, 500) : error, retryAt);
    }

    /** The delay before attempt {@code attempts + 1}. */
    static Duration backoff(int attempts) {
        Duration delay = FIRST_RETRY.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 16));
        return delay.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : delay;
    }

    /**
     * Writes each user's digest of the items waiting for them as one queued mail, and removes the items.
     * Items of users without a known address are dropped. Does nothing while another replica runs it.
     *
     * @return the number of digest mails queued
     */
    @WithTransaction
    public Uni<Integer> writeDigests() {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("select pg_try_advisory_xact_lock(?1)", Boolean.class)
                        .setParameter(1, DIGEST_LOCK).getSingleResult())
                .chain(locked -> locked ? DigestItem.takeAll(DIGEST_BATCH) : Uni.createFrom().item(List.<DigestItem>of()))
                .chain(items -> {
                    Map<UUID, List<DigestItem>> byUser = items.stream()
                            .collect(Collectors.groupingBy(i -> i.userId, LinkedHashMap::new, Collectors.toList()));
                    return UserAccount.findAll(List.copyOf(byUser.keySet())).chain(accounts -> {
                        Map<UUID, UserAccount> known = accounts.stream().filter(a -> a.email != null)
                                .collect(Collectors.toMap(a -> a.userId, Function.identity()));
                        return Multi.createFrom().iterable(byUser.entrySet())
                                .filter(entry -> known.containsKey(entry.getKey()))
                                .onItem().transformToUniAndConcatenate(entry -> {
                                    UserAccount user = known.get(entry.getKey());
                                    DeliveryService.Mail mail = templates.digest(user.email, user.name, entry.getValue());
                                    return EmailMessage.queue(user.tenantId, user.userId, mail.to(), mail.subject(), mail.text());
                                })
                                .collect().asList().map(List::size);
                    });
                });
    }
}
