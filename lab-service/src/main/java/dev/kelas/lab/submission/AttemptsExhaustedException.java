package dev.kelas.lab.submission;

import dev.kelas.contracts.ErrorCode;
import dev.kelas.runtime.problem.KelasException;
import java.util.List;

/** 409 ATTEMPTS_EXHAUSTED: the student used every submission the CODING assignment's {@code maxAttempts} allows. */
public class AttemptsExhaustedException extends KelasException {
    /** @param maxAttempts the assignment's limit, for the detail */
    public AttemptsExhaustedException(int maxAttempts) {
        super(409, ErrorCode.ATTEMPTS_EXHAUSTED, "All " + maxAttempts + " attempts of this task are used", List.of());
    }
}
