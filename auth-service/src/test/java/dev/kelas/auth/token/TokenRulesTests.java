package dev.kelas.auth.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The access-token iat and revocation rules against hand-worked cases. */
class TokenRulesTests {
    @Test
    void shouldIssueTokensAfterTheLastRevokedSecond() {
        Instant now = Instant.parse("2026-11-30T10:00:00.700Z");
        assertEquals(Instant.parse("2026-11-30T10:00:00Z"), TokenService.issuedAtAfterRevocation(now, null));
        assertEquals(Instant.parse("2026-11-30T10:00:01Z"),
                TokenService.issuedAtAfterRevocation(now, Instant.parse("2026-11-30T10:00:00.300Z")));
        assertEquals(Instant.parse("2026-11-30T10:00:00Z"),
                TokenService.issuedAtAfterRevocation(now, Instant.parse("2026-11-30T09:59:59.900Z")));
        // A second revocation within that second still covers the token dated to the next second.
        Instant issued = TokenService.issuedAtAfterRevocation(now, Instant.parse("2026-11-30T10:00:00.300Z"));
        Instant again = TokenService.voidUpToAfter(Instant.parse("2026-11-30T10:00:00.900Z"), Instant.parse("2026-11-30T10:00:00.300Z"));
        assertTrue(issued.getEpochSecond() <= again.getEpochSecond());
        assertEquals(now, TokenService.voidUpToAfter(now, null));
    }
}
