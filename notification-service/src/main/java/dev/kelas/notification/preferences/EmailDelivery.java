package dev.kelas.notification.preferences;

/** How a notification type reaches a user by e-mail. */
public enum EmailDelivery {
    /** Not by e-mail. */
    OFF,
    /** One mail per notification, sent at once. */
    IMMEDIATE,
    /** Listed in one mail a day ({@code kelas.notification.digest.cron}). */
    DAILY_DIGEST
}
