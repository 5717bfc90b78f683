package dev.kelas.notification.common;

import dev.kelas.runtime.problem.ValidationException;

/** Reading notification and message numbers given as cursors in query parameters, headers and socket frames. */
public final class Cursors {
    private Cursors() {
    }

    /**
     * Parses a notification number from a query parameter or header.
     *
     * @return null when absent
     * @throws ValidationException if it is not a non-negative whole number
     */
    public static Long parseId(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(value.trim());
            if (id < 0) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw new ValidationException(field, "must be the id of a notification (a whole number from 0)");
        }
    }
}
