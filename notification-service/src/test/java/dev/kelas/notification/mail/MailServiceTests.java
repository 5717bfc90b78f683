package dev.kelas.notification.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Mail retries back off from 30 s, doubling, to at most an hour. */
class MailServiceTests {
    @Test
    void shouldDoubleTheRetryDelayUpToAnHour() {
        assertEquals(Duration.ofSeconds(30), MailService.backoff(1));
        assertEquals(Duration.ofSeconds(60), MailService.backoff(2));
        assertEquals(Duration.ofMinutes(32), MailService.backoff(7));
        assertEquals(Duration.ofHours(1), MailService.backoff(8));
        assertEquals(Duration.ofHours(1), MailService.backoff(40));
    }
}
