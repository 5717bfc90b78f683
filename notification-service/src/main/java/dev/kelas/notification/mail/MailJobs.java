package dev.kelas.notification.mail;

import dev.kelas.runtime.messaging.Reactive;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The mail jobs every replica runs on a timer (quarkus-scheduler): the daily digest, written under an
 * advisory lock so several replicas may run it at once, and the poll for mail to retry.
 */
@ApplicationScoped
public class MailJobs {
    private final MailService mails;
    private final MailSender mailSender;

    public MailJobs(MailService mails, MailSender mailSender) {
        this.mails = mails;
        this.mailSender = mailSender;
    }

    /** Writes the daily digests ({@code kelas.notification.digest.cron}) and sends them. */
    @Scheduled(identity = "notification-digest", cron = "${kelas.notification.digest.cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDigests() {
        if (Reactive.await(mails::writeDigests) > 0) {
            mailSender.wake();
        }
    }

    /** Looks for mail to retry, or queued by a replica whose sender died, every {@code kelas.notification.mail.poll-interval}. */
    @Scheduled(identity = "notification-mail-poll", every = "${kelas.notification.mail.poll-interval}")
    void pollMail() {
        mailSender.wake();
    }
}
