package dev.kelas.notification.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kelas.notification.audience.Audience;
import dev.kelas.notification.audience.ClassMember;
import dev.kelas.notification.audience.UserAccount;
import dev.kelas.notification.mail.DigestItem;
import dev.kelas.notification.mail.EmailMessage;
import dev.kelas.notification.mail.MailTemplates;
import dev.kelas.notification.preferences.EmailDelivery;
import dev.kelas.notification.preferences.NotificationPreference;
import dev.kelas.notification.push.Fanout;
import dev.kelas.notification.push.LiveUpdate;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns one event into what each user of its audience receives, as each user chose
 * ({@link PreferenceService}): a stored, numbered in-app notification, an e-mail now, an entry in the
 * daily digest, or nothing. Everything is written in the caller's transaction, the declared consumer's
 * with its inbox mark ({@link Fanout#consumer}); the notifications returned are pushed and the mail sender
 * woken after the commit.
 */
@ApplicationScoped
public class DeliveryService {
    private final ObjectMapper json;
    private final MailTemplates templates;

    public DeliveryService(ObjectMapper json, MailTemplates templates) {
        this.json = json;
        this.templates = templates;
    }

    /**
     * What to tell an audience about one event.
     *
     * @param data the event's data as clients see it (never secrets: it is stored and pushed)
     * @param mail the e-mail to send instead of one made of title and body, or null
     */
    public record Draft(NotificationType type, String title, String body, Object data, Mail mail) {
        /** A draft whose e-mail, if any, is made of its title and body. */
        public Draft(NotificationType type, String title, String body, Object data) {
            this(type, title, body, data, null);
        }
    }

    /**
     * A mail written for one event.
     *
     * @param to the address, or null for the one the user projection holds
     */
    public record Mail(String to, String subject, String text) {
    }

    /**
     * What one delivery wrote: the notifications to push, how many mails it queued, and the unstored live
     * updates to send after the commit.
     */
    public record Delivered(List<NotificationView> notifications, int mailsQueued, List<LiveUpdate> liveUpdates) {
        /** Nothing: the event was handled before, or nobody wants it. */
        public static final Delivered NOTHING = new Delivered(List.of(), 0);

        /** Stored notifications and queued mails, no live updates. */
        public Delivered(List<NotificationView> notifications, int mailsQueued) {
            this(notifications, mailsQueued, List.of());
        }

        /** The same delivery, with these live updates besides. */
        public Delivered withLiveUpdates(List<LiveUpdate> updates) {
            List<LiveUpdate> all = new ArrayList<>(liveUpdates);
            all.addAll(updates);
            return new Delivered(notifications, mailsQueued, all);
        }

        /** Several deliveries as one. */
        public static Delivered sum(List<Delivered> deliveries) {
            List<NotificationView> all = new ArrayList<>();
            List<LiveUpdate> live = new ArrayList<>();
            deliveries.forEach(d -> {
                all.addAll(d.notifications);
                live.addAll(d.liveUpdates);
            });
            return new Delivered(all, deliveries.stream().mapToInt(Delivered::mailsQueued).sum(), live);
        }
    }

    /** Delivers in the caller's transaction; a user who has this event's notification already gets nothing new. */
    public Uni<Delivered> deliver(UUID eventId, UUID tenantId, Audience audience, Draft draft) {
        return recipients(tenantId, audience).chain(users -> deliverTo(eventId, tenantId, users, draft));
    }

    /** The user ids an audience means in a school, from the local projections. */
    Uni<List<UUID>> recipients(UUID tenantId, Audience audience) {
        if (audience instanceof Audience.User user) {
            // A user known to belong to another school is not told (the event's tenant is checked).
            return UserAccount.findAll(List.of(user.userId())).map(known -> known.stream()
                    .anyMatch(u -> !u.tenantId.equals(tenantId)) ? List.of() : List.of(user.userId()));
        }
        if (audience instanceof Audience.Users some) {
            return UserAccount.findAll(some.userIds()).map(known -> {
                java.util.Set<UUID> elsewhere = known.stream().filter(u -> !u.tenantId.equals(tenantId)).map(u -> u.userId)
                        .collect(Collectors.toSet());
                return some.userIds().stream().filter(id -> !elsewhere.contains(id)).toList();
            });
        }
        if (audience instanceof Audience.ClassMembers members) {
            return ClassMember.ids(tenantId, members.classId(), members.roles(), members.joinedBy());
        }
        if (audience instanceof Audience.WithRole role) {
            return UserAccount.activeIds(tenantId, role.role().name());
        }
        return UserAccount.activeIds(tenantId, null);
    }

    private Uni<Delivered> deliverTo(UUID eventId, UUID tenantId, List<UUID> users, Draft draft) {
        if (users.isEmpty()) {
            return Uni.createFrom().item(Delivered.NOTHING);
        }
        Instant now = Instant.now();
        JsonNode data = json.valueToTree(draft.data());
        return NotificationPreference.<NotificationPreference>list("type = ?1 and userId in ?2", draft.type().type(), users)
                .chain(stored -> UserAccount.findAll(users).chain(accounts -> {
                    Map<UUID, NotificationPreference> chosen = stored.stream()
                            .collect(Collectors.toMap(p -> p.userId, Function.identity()));
                    Map<UUID, String> addresses = new HashMap<>();
                    accounts.stream().filter(a -> a.email != null).forEach(a -> addresses.put(a.userId, a.email));
                    List<UUID> inApp = users.stream().filter(u -> chosen.get(u) == null || chosen.get(u).inApp).toList();
                    Uni<List<NotificationView>> notifications = Notification.storeForUsers(eventId, tenantId, inApp,
                                    draft.type().type(), draft.title(), draft.body(), data.toString(), now)
                            .map(rows -> rows.stream().map(row -> new NotificationView(row.id(), row.seq(), tenantId,
                                    row.userId(), draft.type().type(), draft.title(), draft.body(), data, now, false)).toList());
                    return notifications.chain(views -> Multi.createFrom().iterable(users)
                            .onItem().transformToUniAndConcatenate(user -> mailFor(tenantId, user, emailChoice(draft.type(),
                                    chosen.get(user)), addresses.get(user), draft, now))
                            .collect().asList()
                            .map(mails -> new Delivered(views, mails.stream().mapToInt(Integer::intValue).sum())));
                }));
    }

    private static EmailDelivery emailChoice(NotificationType type, NotificationPreference chosen) {
        if (type.emailRequired()) {
            return EmailDelivery.IMMEDIATE;
        }
        return chosen == null ? type.defaultEmail() : chosen.email;
    }

    /**
     * Queues the mail or digest entry one user gets; returns how many mails were queued (0 or 1).
     *
     * @param knownAddress the user's address in the projection, or null
     */
    private Uni<Integer> mailFor(UUID tenantId, UUID user, EmailDelivery choice, String knownAddress, Draft draft,
                                 Instant now) {
        String address = draft.mail() != null && draft.mail().to() != null ? draft.mail().to() : knownAddress;
        return switch (choice) {
            case OFF -> Uni.createFrom().item(0);
            case DAILY_DIGEST -> DigestItem.add(tenantId, user, draft.type().type(), draft.title(), draft.body(), now)
                    .replaceWith(0);
            case IMMEDIATE -> {
                // No address yet (a registration event not yet handled): the sender looks it up when it sends.
                Mail mail = draft.mail() != null ? draft.mail() : templates.notification(draft.title(), draft.body());
                yield EmailMessage.queue(tenantId, user, address, mail.subject(), mail.text()).replaceWith(1);
            }
        };
    }
}
