package dev.kelas.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** notification-service settings ({@code kelas.notification.*}). */
@ConfigMapping(prefix = "kelas.notification")
public interface NotificationConfig {
    /** Interval of heartbeats (SSE comments, WebSocket heartbeat frames) that keep proxies from closing idle connections. */
    @WithDefault("PT15S")
    Duration heartbeat();

    /**
     * Frames one connection may have in flight (written but not yet taken by the network) before it counts
     * as stalled and is closed: the bounded buffer that keeps one slow client from holding up others.
     */
    @WithDefault("256")
    int maxPendingPerConnection();

    /** Most events replayed after a reconnect with {@code Last-Event-ID} or a WebSocket resume. */
    @WithDefault("1000")
    int maxReplay();

    /**
     * How long a live stream waits for a notification that was pushed out of order before it reads the
     * missing ones from the database.
     */
    @WithDefault("PT0.5S")
    Duration gapGrace();

    /** Whether this process consumes events (false: a replica that only serves clients and pushes). */
    @WithDefault("true")
    boolean consumersEnabled();

    /** Removing old notifications. */
    Retention retention();

    /** The daily digest e-mail. */
    Digest digest();

    /** "Assignment due soon" reminders. */
    DueSoon dueSoon();

    /** The e-mail channel. */
    Mail mail();

    /** Class chat and study rooms. */
    Chat chat();

    /** {@code kelas.notification.retention.*} */
    interface Retention {
        /** Notifications older than this are deleted. */
        @WithDefault("P90D")
        Duration maxAge();

        /** How often the retention job runs. */
        @WithDefault("PT1H")
        Duration interval();
    }

    /** {@code kelas.notification.digest.*} */
    interface Digest {
        /** Quartz cron expression of the digest run, in the server's time zone (default 06:00 every day). */
        @WithDefault("0 0 6 * * ?")
        String cron();
    }

    /** {@code kelas.notification.due-soon.*} */
    interface DueSoon {
        /** An assignment due within this is announced as due soon, once. */
        @WithDefault("PT24H")
        Duration window();

        /** How often due dates are checked. */
        @WithDefault("PT5M")
        Duration interval();
    }

    /** {@code kelas.notification.mail.*} (the SMTP server itself is {@code quarkus.mailer.*}). */
    interface Mail {
        /** The link a password-reset mail carries; {@code {token}} is replaced by the token. */
        @WithDefault("https://kelas.example.org/reset-password?token={token}")
        String resetUrl();

        /** The link an invitation mail carries (issue 15); {@code {token}} is replaced by the invitation's token. */
        @WithDefault("https://kelas.example.org/accept-invitation?token={token}")
        String invitationUrl();

        /** The link an e-mail verification mail carries (self-registration, issue 15); {@code {token}} is replaced. */
        @WithDefault("https://kelas.example.org/verify-email?token={token}")
        String verifyUrl();

        /** How often queued mail is looked at when nothing wakes the sender. */
        @WithDefault("PT10S")
        Duration pollInterval();

        /** Attempts before a mail is given up on (kept with its error for an operator). */
        @WithDefault("8")
        int maxAttempts();
    }

    /** {@code kelas.notification.chat.*} */
    interface Chat {
        /** Longest message, in characters. */
        @WithDefault("2000")
        int maxMessageLength();

        /** Messages a user may send per minute in one room. */
        @WithDefault("30")
        int messagesPerMinute();
    }
}
