package dev.kelas.notification.inbox;

import dev.kelas.notification.config.NotificationConfig;
import dev.kelas.notification.inbox.DeliveryService.Delivered;
import dev.kelas.notification.push.Fanout;
import dev.kelas.runtime.messaging.Reactive;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * The inbox's jobs every replica runs on a timer (quarkus-scheduler): retention and due-soon reminders; each
 * is safe to run on several replicas at once, as rows are claimed with {@code FOR UPDATE SKIP LOCKED}.
 */
@ApplicationScoped
public class InboxJobs {
    private static final Logger LOG = Logger.getLogger(InboxJobs.class);

    private final NotificationConfig config;
    private final NotificationService notifications;
    private final ReminderService reminders;
    private final Fanout fanout;

    public InboxJobs(NotificationConfig config, NotificationService notifications, ReminderService reminders,
                     Fanout fanout) {
        this.config = config;
        this.notifications = notifications;
        this.reminders = reminders;
        this.fanout = fanout;
    }

    /** Deletes notifications older than {@code kelas.notification.retention.max-age}, a batch per transaction. */
    @Scheduled(identity = "notification-retention", every = "${kelas.notification.retention.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void removeExpiredNotifications() {
        Instant before = Instant.now().minus(config.retention().maxAge());
        long removed = 0;
        int batch;
        do {
            batch = Reactive.await(() -> notifications.removeBatchCreatedBefore(before));
            removed += batch;
        } while (batch == NotificationService.retentionBatch());
        if (removed > 0) {
            LOG.infof("Retention removed %d notifications created before %s", removed, before);
        }
    }

    /** Reminds students of assignments due within {@code kelas.notification.due-soon.window}. */
    @Scheduled(identity = "notification-due-soon", every = "${kelas.notification.due-soon.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void remindDueSoon() {
        Delivered delivered;
        while ((delivered = Reactive.await(reminders::remindNext)) != null) {
            fanout.afterCommit(delivered);
        }
    }
}
