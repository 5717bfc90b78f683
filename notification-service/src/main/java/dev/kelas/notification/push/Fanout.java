package dev.kelas.notification.push;

import dev.kelas.notification.config.NotificationConfig;
import dev.kelas.notification.inbox.DeliveryService;
import dev.kelas.notification.inbox.DeliveryService.Delivered;
import dev.kelas.notification.inbox.NotificationView;
import dev.kelas.notification.mail.MailSender;
import dev.kelas.runtime.messaging.ConsumerSpec;
import dev.kelas.runtime.messaging.EventConsumer;
import dev.kelas.runtime.messaging.EventContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.BiFunction;
import org.jboss.logging.Logger;

/** What happens after a delivery commits: its notifications go live on every replica and its mail goes out. */
@ApplicationScoped
public class Fanout {
    private static final Logger LOG = Logger.getLogger(Fanout.class);

    private final PushHub push;
    private final MailSender mail;
    private final NotificationConfig config;

    public Fanout(PushHub push, MailSender mail, NotificationConfig config) {
        this.push = push;
        this.mail = mail;
        this.config = config;
    }

    /**
     * A declared JetStream consumer whose events are delivered to users: {@code handler} runs in the transaction
     * with the inbox mark (via {@link DeliveryService#deliver}), and what it wrote goes live once that commits.
     * Not started on a replica with {@code kelas.notification.consumers-enabled=false}.
     *
     * @param payload the contract record the event's data is decoded into
     */
    public <T> EventConsumer<T> consumer(ConsumerSpec spec, Class<T> payload,
                                         BiFunction<EventContext, T, Uni<Delivered>> handler) {
        Fanout fanout = this;
        return new EventConsumer<>() {
            @Override
            public ConsumerSpec spec() {
                return spec;
            }

            @Override
            public Class<T> payloadType() {
                return payload;
            }

            @Override
            public Uni<Delivered> apply(EventContext context, T data) {
                return handler.apply(context, data);
            }

            @Override
            public void afterCommit(Object applied) {
                fanout.afterCommit((Delivered) applied);
            }

            @Override
            public boolean enabled() {
                return config.consumersEnabled();
            }
        };
    }

    /** Pushes each stored notification and wakes the mail sender if mail was queued. */
    public void afterCommit(Delivered delivered) {
        for (NotificationView notification : delivered.notifications()) {
            try {
                push.publish(notification);
            } catch (RuntimeException e) {
                // Stored already: the client gets it on its next reconnect, or from the database in a gap fill.
                LOG.warnf("Live push of notification %d failed: %s", notification.id(), e.getMessage());
            }
        }
        for (LiveUpdate update : delivered.liveUpdates()) {
            try {
                push.publishLive(update);
            } catch (RuntimeException e) {
                LOG.debugf("Live update for user %s not sent: %s", update.userId(), e.getMessage());
            }
        }
        if (delivered.mailsQueued() > 0) {
            mail.wake();
        }
    }
}
