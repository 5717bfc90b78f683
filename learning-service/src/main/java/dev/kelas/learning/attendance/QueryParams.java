package dev.kelas.learning.attendance;

import dev.kelas.runtime.problem.ValidationException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Query parameters of the attendance calls: ISO dates, {@code page} from 0, {@code size} 1 to 200. */
final class QueryParams {
    private QueryParams() {
    }

    /** @throws ValidationException {@code page} below 0 or {@code size} outside 1-200 */
    static void check(int page, int size) {
        if (page < 0) {
            throw new ValidationException("page", "must be 0 or more");
        }
        if (size < 1 || size > 200) {
            throw new ValidationException("size", "must be 1 to 200");
        }
    }

    /**
     * An ISO date ({@code 2026-09-01}), or null when absent.
     *
     * @throws ValidationException {@code field} when it is not a date
     */
    static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new ValidationException(field, "must be an ISO date such as 2026-09-01");
        }
    }
}
