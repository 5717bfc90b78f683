package dev.kelas.notification.mail;

import dev.kelas.notification.config.NotificationConfig;
import dev.kelas.notification.inbox.DeliveryService.Mail;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The text of every mail Kelas sends (plain text, UTF-8). */
@ApplicationScoped
public class MailTemplates {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final String FOOTER = "\n\n-- \nKelas. Choose which notifications reach you by e-mail in your notification settings.\n";

    private final NotificationConfig config;

    public MailTemplates(NotificationConfig config) {
        this.config = config;
    }

    /** A mail of one notification. */
    public Mail notification(String title, String body) {
        return new Mail(null, title, title + "\n\n" + body + FOOTER);
    }

    /** The password-reset mail with its single-use link. */
    public Mail passwordReset(String to, String name, String token, Instant expiresAt) {
        String link = config.mail().resetUrl().replace("{token}", token);
        return new Mail(to, "Reset your Kelas password",
                "Hello " + name + ",\n\nSomeone asked to reset the password of your Kelas account. To choose a new one, open\n\n"
                        + link + "\n\nThe link works once, until " + WHEN.format(expiresAt) + ". If it was not you, ignore this"
                        + " mail: your password stays as it is.\n\n-- \nKelas\n");
    }

    /**
     * The invitation mail with its single-use link (issue 15).
     *
     * @param school the school's name
     * @param role   the role the account will have (ADMIN, TEACHER, STUDENT, PARENT)
     */
    public Mail invitation(String to, String name, String school, String role, String token, Instant expiresAt) {
        String link = config.mail().invitationUrl().replace("{token}", token);
        return new Mail(to, "You are invited to " + school + " on Kelas",
                "Hello " + name + ",\n\n" + school + " invites you to Kelas as " + role.toLowerCase(java.util.Locale.ROOT)
                        + ". To choose your password and open your account, open\n\n" + link + "\n\nThe link works once, until "
                        + WHEN.format(expiresAt) + ". If you did not expect this mail, ignore it: no account is made without"
                        + " you.\n\n-- \nKelas\n");
    }

    /** The e-mail verification mail of a self-registered student, with its single-use link (issue 15). */
    public Mail emailVerification(String to, String name, String token, Instant expiresAt) {
        String link = config.mail().verifyUrl().replace("{token}", token);
        return new Mail(to, "Confirm your e-mail address for Kelas",
                "Hello " + name + ",\n\nYou registered on Kelas with a class join code. To confirm this address and open your"
                        + " account, open\n\n" + link + "\n\nThe link works once, until " + WHEN.format(expiresAt)
                        + ". If it was not you, ignore this mail: the account stays closed.\n\n-- \nKelas\n");
    }

    /** The daily digest of a user's waiting items, oldest first. */
    public Mail digest(String to, String name, List<DigestItem> items) {
        StringBuilder text = new StringBuilder("Hello ").append(name).append(",\n\nWhat happened since your last digest:\n");
        for (DigestItem item : items) {
            text.append("\n* ").append(item.title).append(" (").append(WHEN.format(item.createdAt)).append(")\n  ")
                    .append(item.body.replace("\n", "\n  ")).append('\n');
        }
        return new Mail(to, "Your Kelas digest: " + items.size() + (items.size() == 1 ? " notification" : " notifications"),
                text + FOOTER);
    }
}
