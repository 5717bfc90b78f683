package dev.kelas.learning.assignment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LatePolicyTests {
    private static final Instant DUE = Instant.parse("2026-03-02T23:59:00Z");

    @Test
    void shouldCountEachStartedDayLate() {
        assertEquals(0, LatePolicy.daysLate(DUE, DUE));
        assertEquals(0, LatePolicy.daysLate(DUE, DUE.minusSeconds(3600)));
        assertEquals(1, LatePolicy.daysLate(DUE, DUE.plusSeconds(1)));
        assertEquals(1, LatePolicy.daysLate(DUE, DUE.plusSeconds(24 * 3600)));
        assertEquals(2, LatePolicy.daysLate(DUE, DUE.plusSeconds(24 * 3600 + 1)));
        assertEquals(3, LatePolicy.daysLate(DUE, DUE.plusSeconds(50 * 3600)));
    }

    @Test
    void shouldMultiplyThePenaltyPerDayUpTo100Percent() {
        assertEquals(new BigDecimal("30.00"), LatePolicy.penaltyPercent(3, new BigDecimal("10")));
        assertEquals(new BigDecimal("0.00"), LatePolicy.penaltyPercent(0, new BigDecimal("10")));
        assertEquals(new BigDecimal("100.00"), LatePolicy.penaltyPercent(5, new BigDecimal("25")));
        assertEquals(new BigDecimal("7.50"), LatePolicy.penaltyPercent(3, new BigDecimal("2.5")));
    }

    @Test
    void shouldAcceptLateWorkUntilTheCutOffOrRefuseIt() {
        Instant cutoff = DUE.plusSeconds(48 * 3600);
        assertTrue(LatePolicy.PENALTY.accepts(DUE, cutoff, cutoff));
        assertFalse(LatePolicy.PENALTY.accepts(DUE, cutoff, cutoff.plusSeconds(1)));
        assertTrue(LatePolicy.PENALTY.accepts(DUE, null, DUE.plusSeconds(365L * 24 * 3600)));
        assertTrue(LatePolicy.REFUSE.accepts(DUE, null, DUE));
        assertFalse(LatePolicy.REFUSE.accepts(DUE, null, DUE.plusSeconds(1)));
    }
}
