package dev.kelas.notification.inbox;

import dev.kelas.notification.config.NotificationConfig;
import dev.kelas.notification.mail.MailSender;
import dev.kelas.notification.push.Fanout;
import dev.kelas.notification.inbox.DeliveryService.Delivered;
import dev.kelas.notification.mail.MailService;
import dev.kelas.notification.inbox.NotificationService;
import dev.kelas.notification.inbox.ReminderService;
import dev.kelas.runtime.messaging.Reactive;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * The jobs every replica runs on a timer (quarkus-scheduler); each is safe to run on several replicas at
 * once: rows are claimed with {@code FOR UPDATE SKIP LOCKED}, the digest under an advisory lock.
 */
@ApplicationScoped
public class ScheduledJobs {
    private static final Logger LOG = Logger.getLogger(ScheduledJobs.class);

    private final NotificationConfig config;
    private final NotificationService notifications;
    private final MailService mails;
    private final ReminderService reminders;
    private final MailSender mailSender;
    private final Fanout fanout;

    public ScheduledJobs(NotificationConfig config, NotificationService notifications, MailService mails,
                         ReminderService reminders, MailSender mailSender, Fanout fanout) {
        this.config = config;
        this.notifications = notifications;
        this.mails = mails;
        this.reminders = reminders;
        this.mailSender = mailSender;
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

    /** Writes the daily digests ({@code kelas.notification.digest.cron}) and sends them. */
    @Scheduled(identity = "notification-digest", cron = "${kelas.notification.digest.cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDigests() {
        if (Reactive.await(mails::writeDigests) > 0) {
            mailSender.wake();
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

    /** Looks for mail to retry, or queued by a replica whose sender died, every {@code kelas.notification.mail.poll-interval}. */
    @Scheduled(identity = "notification-mail-poll", every = "${kelas.notification.mail.poll-interval}")
    void pollMail() {
        mailSender.wake();
    }
}
