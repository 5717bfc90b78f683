package dev.kelas.learning.common;

import dev.kelas.runtime.problem.PreconditionFailedException;
import jakarta.ws.rs.core.EntityTag;

/**
 * Optimistic concurrency for the resources a school edits: the ETag is the row's {@code version}, a PATCH with
 * {@code If-Match} naming an older one is refused (RFC 9110 section 13.1.1), as announcements and calendar events do.
 */
public final class ETags {
    private ETags() {
    }

    /** The ETag of a version (a strong tag, e.g. {@code "3"}). */
    public static EntityTag of(int version) {
        return new EntityTag(Integer.toString(version));
    }

    /**
     * The version an If-Match header names: null when absent or {@code *} (then no check is made).
     *
     * @throws PreconditionFailedException when it names no version this API hands out
     */
    public static Integer expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Integer.parseInt(tag);
        } catch (NumberFormatException e) {
            throw new PreconditionFailedException("If-Match names no version of this resource");
        }
    }

    /**
     * Checks the version a client read against the stored one.
     *
     * @param expected the version from If-Match, or null to skip the check
     * @param what     what changed, for the detail (e.g. "assignment")
     * @throws PreconditionFailedException when it changed since that version
     */
    public static void require(Integer expected, int actual, String what) {
        if (expected != null && expected != actual) {
            throw new PreconditionFailedException("The " + what + " changed since you read it (version " + actual + ")");
        }
    }
}
