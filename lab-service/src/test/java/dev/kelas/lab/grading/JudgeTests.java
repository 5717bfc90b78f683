package dev.kelas.lab.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kelas.contracts.Verdict;
import dev.kelas.lab.sandbox.SandboxResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class JudgeTests {
    private static SandboxResult exited(int code, String stdout, String stderr) {
        return new SandboxResult(code, false, false, false, stdout, stderr, 10);
    }

    @Test
    void shouldAcceptOutputThatDiffersOnlyInLineEndsAndTrailingBlankLines() {
        assertEquals(Verdict.ACCEPTED, Judge.judge(exited(0, "3  \r\n4\n\n\n", ""), "3\n4"));
        assertEquals(Verdict.WRONG_ANSWER, Judge.judge(exited(0, "3 4\n", ""), "3\n4\n"));
        assertEquals(Verdict.WRONG_ANSWER, Judge.judge(exited(0, " 3\n", ""), "3\n"));
    }

    @Test
    void shouldCheckLimitsBeforeOutput() {
        assertEquals(Verdict.OUTPUT_LIMIT_EXCEEDED, Judge.judge(new SandboxResult(-1, false, false, true, "3\n", "", 5), "3\n"));
        assertEquals(Verdict.TIME_LIMIT_EXCEEDED, Judge.judge(new SandboxResult(-1, true, false, false, "3\n", "", 5), "3\n"));
        assertEquals(Verdict.TIME_LIMIT_EXCEEDED, Judge.judge(new SandboxResult(152, false, true, false, "", "", 5), ""));
        assertEquals(Verdict.MEMORY_LIMIT_EXCEEDED, Judge.judge(exited(1, "", "MemoryError"), ""));
        assertEquals(Verdict.RUNTIME_ERROR, Judge.judge(exited(1, "3\n", "Traceback"), "3\n"));
        assertEquals(Verdict.RUNTIME_ERROR, Judge.judge(exited(139, "", ""), ""));
    }

    @Test
    void shouldTakeTheFirstFailingTestsVerdict() {
        assertEquals(Verdict.ACCEPTED, Judge.overall(List.of(Verdict.ACCEPTED, Verdict.ACCEPTED)));
        assertEquals(Verdict.TIME_LIMIT_EXCEEDED,
                Judge.overall(List.of(Verdict.ACCEPTED, Verdict.TIME_LIMIT_EXCEEDED, Verdict.WRONG_ANSWER)));
        assertThrows(IllegalArgumentException.class, () -> Judge.overall(List.of()));
    }

    @Test
    void shouldCompareWithEachBuiltInChecker() {
        assertEquals(true, Judge.matches(Checker.WHITESPACE, 0, "1  2\n3\n", "1 2 3"));
        assertEquals(false, Judge.matches(Checker.WHITESPACE, 0, "1 2", "1 2 3"));
        assertEquals(false, Judge.matches(Checker.EXACT, 0, "1  2\n3\n", "1 2 3"));
        assertEquals(true, Judge.matches(Checker.FLOAT, 1e-6, "3.1415927 ok", "3.14159265 ok"));
        assertEquals(false, Judge.matches(Checker.FLOAT, 1e-9, "3.1415927", "3.14159265"));
        assertEquals(true, Judge.matches(Checker.FLOAT, 1e-6, "1000000.5", "1000000.0"), "relative tolerance");
        assertEquals(false, Judge.matches(Checker.FLOAT, 1e-6, "NaN", "1.0"));
        assertEquals(false, Judge.matches(Checker.FLOAT, 1e-6, "1.0 yes", "1.0 no"));
        assertThrows(IllegalArgumentException.class, () -> Judge.matches(Checker.PROGRAM, 0, "", ""));
    }
}
