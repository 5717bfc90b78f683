package dev.kelas.auth.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.password4j.Argon2Function;
import com.password4j.BcryptFunction;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The password policy, rehash detection and login back-off rules, each against hand-worked cases. */
class PasswordRulesTests {
    private static final Argon2Function OWASP = Argon2Function.getInstance(19456, 2, 1, 32, Argon2.ID);

    @Test
    void shouldApplyTheNistPolicy() {
        PasswordPolicy policy = new PasswordPolicy();
        assertNotNull(policy.problem("seven77"));
        assertNull(policy.problem("eight888x"));
        assertNotNull(policy.problem("password"), "the most common password");
        assertNotNull(policy.problem("QWERTYUIOP"), "common passwords compare case-insensitively");
        assertNotNull(policy.problem("x".repeat(129)));
        assertNull(policy.problem("x".repeat(128)));
        assertNull(policy.problem("🔑".repeat(8)), "length counts code points, not UTF-16 units");
        assertNotNull(policy.problem("🔑".repeat(3)));
        assertNull(policy.problem("no composition rules at all"));
    }

    @Test
    void shouldAskForARehashOnlyWhenTheParametersDiffer() {
        PasswordHasher hasher = new PasswordHasher(null, OWASP);
        assertFalse(hasher.needsRehash(Password.hash("secret-1").with(OWASP).getResult()));
        assertTrue(hasher.needsRehash(Password.hash("secret-1").with(Argon2Function.getInstance(4096, 3, 1, 32, Argon2.ID)).getResult()));
        assertTrue(hasher.needsRehash(Password.hash("secret-1").with(Argon2Function.getInstance(19456, 2, 1, 32, Argon2.I)).getResult()));
        assertTrue(hasher.needsRehash(Password.hash("secret-1").with(BcryptFunction.getInstance(4)).getResult()));
    }

    @Test
    void shouldDoubleTheWaitPastTheFreeAttempts() {
        Duration max = Duration.ofMinutes(15);
        assertEquals(Duration.ZERO, LoginThrottle.delayAfter(5, 5, max));
        assertEquals(Duration.ofSeconds(1), LoginThrottle.delayAfter(6, 5, max));
        assertEquals(Duration.ofSeconds(2), LoginThrottle.delayAfter(7, 5, max));
        assertEquals(Duration.ofSeconds(512), LoginThrottle.delayAfter(15, 5, max));
        assertEquals(max, LoginThrottle.delayAfter(16, 5, max));
        assertEquals(max, LoginThrottle.delayAfter(1000, 5, max));
    }

    @Test
    void shouldKeyThrottlingByWhatWasTypedNotByWhatExists() {
        LoginThrottle.Keys keys = LoginThrottle.Keys.of("Green-School", " Ada@Example.TEST ", "10.0.0.1");
        assertEquals("account:green-school:ada@example.test", keys.account());
        assertEquals("ip:10.0.0.1", keys.address());
        assertEquals("pair:green-school:ada@example.test:10.0.0.1", keys.pair());
    }
}
