package dev.kelas.learning.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.kelas.learning.grading.FinalGrade.ComponentRule;
import dev.kelas.learning.grading.FinalGrade.Item;
import dev.kelas.learning.grading.FinalGrade.Result;
import dev.kelas.learning.grading.FinalGrade.Status;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Hand-computed cases of the final-grade formula (the arithmetic is written out beside each case). */
class FinalGradeTests {
    private static final UUID HOMEWORK = id(100);
    private static final UUID EXAMS = id(200);
    private static final UUID QUIZZES = id(300);

    @Test
    void shouldWeightComponentsAfterDroppingLowestSkippingExcusedAndPenalisingLateWork() {
        // Homework (weight 40, drop 1): H1 8/10 = 80 %; H2 missing after due = 0 %; H3 excused (left out);
        // H4 9/10 one day late at 10 %/day = 8.10 points = 81 %. Counted 80, 0, 81; the 0 is dropped:
        // P_homework = (80 + 81) / 2 = 80.5.
        // Exams (weight 60): E1 45/50 = 90 %; E2 not due yet (pending): P_exams = 90.
        // Final = (40 * 80.5 + 60 * 90) / 100 = (3220 + 5400) / 100 = 86.2.
        Result result = FinalGrade.compute(GradingMethod.WEIGHTED,
                List.of(rule(HOMEWORK, "40", 1), rule(EXAMS, "60", 0)),
                List.of(graded(1, HOMEWORK, "10", "8", "0"),
                        Item.ungraded(id(2), HOMEWORK, dec("10"), Status.MISSING),
                        Item.ungraded(id(3), HOMEWORK, dec("10"), Status.EXCUSED),
                        graded(4, HOMEWORK, "10", "9", "10"),
                        graded(5, EXAMS, "50", "45", "0"),
                        Item.ungraded(id(6), EXAMS, dec("50"), Status.PENDING)));

        assertEquals(dec("86.20"), result.finalPercent());
        assertEquals(dec("80.50"), result.componentPercents().get(HOMEWORK));
        assertEquals(dec("90.00"), result.componentPercents().get(EXAMS));
        assertEquals(Set.of(id(2)), result.dropped());
    }

    @Test
    void shouldShareOutTheWeightOfAComponentWithNothingCountedYet() {
        // Homework 7/10 = 70 and 9/10 = 90: P = 80. Exams (weight 60) only pending: no percentage.
        // Final = 40 * 80 / 40 = 80.
        Result result = FinalGrade.compute(GradingMethod.WEIGHTED,
                List.of(rule(HOMEWORK, "40", 0), rule(EXAMS, "60", 0)),
                List.of(graded(1, HOMEWORK, "10", "7", null), graded(2, HOMEWORK, "10", "9", null),
                        Item.ungraded(id(3), EXAMS, dec("100"), Status.PENDING)));

        assertEquals(dec("80.00"), result.finalPercent());
        assertNull(result.componentPercents().get(EXAMS));
    }

    @Test
    void shouldAverageEveryCountedAssignmentEquallyWithLatePenalties() {
        // 7/10 = 70; 2/3 = 66.6666666667; 10/10 two days late at 15 %/day = 30 % off = 7.00 points = 70.
        // Mean = (70 + 66.6666666667 + 70) / 3 = 68.8888888889 -> 68.89. The excused one is left out.
        Result result = FinalGrade.compute(GradingMethod.AVERAGE, List.of(),
                List.of(graded(1, QUIZZES, "10", "7", "0"), graded(2, null, "3", "2", "0"),
                        graded(3, QUIZZES, "10", "10", "30"),
                        Item.ungraded(id(4), QUIZZES, dec("10"), Status.EXCUSED)));

        assertEquals(dec("68.89"), result.finalPercent());
        assertEquals(dec("70.00"), result.componentPercents().get(QUIZZES));
    }

    @Test
    void shouldCountMissingWorkAsZeroButNotPendingWork() {
        // 6/10 = 60 and a missing one = 0: mean 30. The pending one does not count.
        Result result = FinalGrade.compute(GradingMethod.AVERAGE, List.of(),
                List.of(graded(1, null, "10", "6", null), Item.ungraded(id(2), null, dec("10"), Status.MISSING),
                        Item.ungraded(id(3), null, dec("10"), Status.PENDING)));

        assertEquals(dec("30.00"), result.finalPercent());
    }

    @Test
    void shouldAnswerNullNotZeroWhenNothingCounts() {
        Result result = FinalGrade.compute(GradingMethod.WEIGHTED, List.of(rule(HOMEWORK, "100", 0)),
                List.of(Item.ungraded(id(1), HOMEWORK, dec("10"), Status.PENDING),
                        Item.ungraded(id(2), HOMEWORK, dec("10"), Status.EXCUSED)));

        assertNull(result.finalPercent());
        assertEquals(0, result.componentPercents().size());
    }

    @Test
    void shouldKeepAtLeastOneResultWhenDroppingMoreThanThereAre() {
        // Drop 5 of 2 counted: only the lower (4/10) goes; 9/10 stays. Final = 90.
        Result result = FinalGrade.compute(GradingMethod.WEIGHTED, List.of(rule(HOMEWORK, "100", 5)),
                List.of(graded(1, HOMEWORK, "10", "4", null), graded(2, HOMEWORK, "10", "9", null)));

        assertEquals(dec("90.00"), result.finalPercent());
        assertEquals(Set.of(id(1)), result.dropped());
    }

    @Test
    void shouldDropTheLowestPercentageNotTheLowestPointsAndBreakTiesByAssignmentId() {
        // 30/50 = 60 % is lower than 7/10 = 70 % although 30 > 7; the two 50 % results tie, the smaller id drops.
        Result byPercent = FinalGrade.compute(GradingMethod.AVERAGE, List.of(rule(HOMEWORK, "0", 1)),
                List.of(graded(1, HOMEWORK, "50", "30", null), graded(2, HOMEWORK, "10", "7", null)));
        assertEquals(Set.of(id(1)), byPercent.dropped());
        assertEquals(dec("70.00"), byPercent.finalPercent());

        Result tie = FinalGrade.compute(GradingMethod.AVERAGE, List.of(rule(HOMEWORK, "0", 1)),
                List.of(graded(8, HOMEWORK, "10", "5", null), graded(7, HOMEWORK, "4", "2", null),
                        graded(9, HOMEWORK, "10", "10", null)));
        assertEquals(Set.of(id(7)), tie.dropped());
        assertEquals(dec("75.00"), tie.finalPercent());
    }

    @Test
    void shouldRoundOnlyAtTheEndHalfUp() {
        // Components 2/3 = 66.6666666667 % and 1/3 = 33.3333333333 %, weights 50/50:
        // final = (50 * 66.6666666667 + 50 * 33.3333333333) / 100 = 50.00; the component shows 66.67.
        Result halves = FinalGrade.compute(GradingMethod.WEIGHTED, List.of(rule(HOMEWORK, "50", 0), rule(EXAMS, "50", 0)),
                List.of(graded(1, HOMEWORK, "3", "2", null), graded(2, EXAMS, "3", "1", null)));
        assertEquals(dec("50.00"), halves.finalPercent());
        assertEquals(dec("66.67"), halves.componentPercents().get(HOMEWORK));

        // Points are first rounded to 2 decimals half up, as stored: 1.005 -> 1.01 of 10 = 10.1 %,
        // 2.675 -> 2.68 of 4 = 67 %. Mean = (10.1 + 67) / 2 = 38.55.
        Result halfUp = FinalGrade.compute(GradingMethod.AVERAGE, List.of(),
                List.of(graded(1, null, "10", "1.005", null), graded(2, null, "4", "2.675", null)));
        assertEquals(dec("38.55"), halfUp.finalPercent());
    }

    @Test
    void shouldApplyLatePenaltiesToTwoDecimalsAndNeverBelowZero() {
        assertEquals(dec("8.10"), FinalGrade.effectivePoints(dec("9"), dec("10")));
        assertEquals(dec("6.67"), FinalGrade.effectivePoints(dec("10"), dec("33.33")));
        assertEquals(dec("0.00"), FinalGrade.effectivePoints(dec("10"), dec("125")));
        assertEquals(dec("10.00"), FinalGrade.effectivePoints(dec("10"), null));
    }

    @Test
    void shouldIgnoreItemsOutsideTheConfiguredComponentsWhenWeighted() {
        // Only homework is configured; the quiz (no rule) and the item without a component do not count.
        Result result = FinalGrade.compute(GradingMethod.WEIGHTED, List.of(rule(HOMEWORK, "100", 0)),
                List.of(graded(1, HOMEWORK, "10", "5", null), graded(2, QUIZZES, "10", "10", null),
                        graded(3, null, "10", "10", null)));

        assertEquals(dec("50.00"), result.finalPercent());
    }

    private static Item graded(int id, UUID component, String max, String raw, String penalty) {
        return Item.graded(id(id), component, dec(max), dec(raw), penalty == null ? null : dec(penalty));
    }

    private static ComponentRule rule(UUID component, String weight, int dropLowest) {
        return new ComponentRule(component, dec(weight), dropLowest);
    }

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    private static UUID id(int n) {
        return new UUID(0, n);
    }
}
