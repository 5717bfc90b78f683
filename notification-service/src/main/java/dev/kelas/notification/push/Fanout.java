package dev.kelas.notification.push;

import dev.kelas.notification.inbox.DeliveryService.Delivered;
import dev.kelas.notification.inbox.NotificationView;
import dev.kelas.notification.mail.MailSender;
import dev.kelas.runtime.messaging.Reactive;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/** What happens after a delivery commits: its notifications go live on every replica and its mail goes out. */
@ApplicationScoped
public class Fanout {
    private static final Logger LOG = Logger.getLogger(Fanout.class);

    private final PushHub push;
    private final MailSender mail;

    public Fanout(PushHub push, MailSender mail) {
        this.push = push;
        this.mail = mail;
    }

    /**
     * Runs a delivery (on a worker thread, waiting for its transaction), then pushes and mails what it wrote.
     *
     * @param delivery the transactional delivery, e.g. {@code () -> delivery.deliverOnce(...)}
     */
    public void deliver(Supplier<Uni<Delivered>> delivery) {
        afterCommit(Reactive.await(delivery));
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
        if (delivered.mailsQueued() > 0) {
            mail.wake();
        }
    }
}
