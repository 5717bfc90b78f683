package dev.kelas.runtime.problem;

import dev.kelas.contracts.ErrorCode;
import java.util.List;

/** 429 RATE_LIMITED: try again after {@link #retryAfterSeconds()} (sent as {@code Retry-After}, RFC 9110 10.2.3). */
public class TooManyRequestsException extends KelasException {
    private final long retryAfterSeconds;

    /** @param retryAfterSeconds whole seconds to wait, at least 1 */
    public TooManyRequestsException(String detail, long retryAfterSeconds) {
        this(ErrorCode.RATE_LIMITED, detail, retryAfterSeconds);
    }

    /**
     * A 429 with a code of its own, for a limit of one feature (e.g. {@code REVIEW_RATE_LIMITED}).
     *
     * @param retryAfterSeconds whole seconds to wait, at least 1
     */
    public TooManyRequestsException(ErrorCode code, String detail, long retryAfterSeconds) {
        super(429, code, detail, List.of());
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    /** Seconds until a retry may succeed. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
