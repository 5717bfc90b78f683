package dev.kelas.notification.mail;

import dev.kelas.notification.mail.MailService.OutgoingMail;
import dev.kelas.runtime.messaging.Reactive;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Sends queued mail over SMTP ({@code quarkus.mailer.*}) on a thread of its own: woken right after a
 * transaction queues mail, and by a poll for retries and for mail another replica queued. Each mail is
 * deleted only after the SMTP server accepted it, so a crash between the two sends it twice, never not at all.
 */
@ApplicationScoped
public class MailSender {
    private static final Logger LOG = Logger.getLogger(MailSender.class);
    private static final int BATCH = 20;
    private static final Duration SMTP_TIMEOUT = Duration.ofSeconds(30);

    private final MailService mails;
    private final ReactiveMailer mailer;
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "mail-sender");
        t.setDaemon(true);
        return t;
    });

    public MailSender(MailService mails, ReactiveMailer mailer) {
        this.mails = mails;
        this.mailer = mailer;
    }

    /** Sends what is due soon, on the sender's thread; calls while a run is pending fold into it. */
    public void wake() {
        if (wakeQueued.compareAndSet(false, true)) {
            try {
                thread.execute(this::sendDue);
            } catch (RejectedExecutionException shuttingDown) {
                wakeQueued.set(false); // the process is stopping; queued mail waits in the table
            }
        }
    }

    void stop(@Observes ShutdownEvent event) {
        thread.shutdownNow();
    }

    private void sendDue() {
        wakeQueued.set(false);
        try {
            List<OutgoingMail> batch;
            do {
                batch = Reactive.await(() -> mails.claimDue(BATCH));
                for (OutgoingMail mail : batch) {
                    send(mail);
                }
            } while (batch.size() == BATCH);
        } catch (RuntimeException e) {
            LOG.warnf("Cannot read the mail queue: %s", e.getMessage());
        }
    }

    private void send(OutgoingMail mail) {
        if (mail.to() == null) {
            Reactive.await(() -> mails.failed(mail, "The user's e-mail address is not known yet"));
            return;
        }
        try {
            mailer.send(Mail.withText(mail.to(), mail.subject(), mail.text())).await().atMost(SMTP_TIMEOUT);
        } catch (RuntimeException e) {
            LOG.warnf("Mail %d (attempt %d) not sent: %s", mail.id(), mail.attempts(), e.getMessage());
            Reactive.await(() -> mails.failed(mail, String.valueOf(e.getMessage())));
            return;
        }
        Reactive.await(() -> mails.sent(mail.id()));
    }
}
