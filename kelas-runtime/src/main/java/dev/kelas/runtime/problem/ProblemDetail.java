package dev.kelas.runtime.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem document with Kelas's extension members {@code code} (stable error code),
 * {@code errors} (per-field problems) and {@code requestId} (to find the server log lines).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProblemDetail(String type, String title, int status, String detail, String instance, String code,
                            List<KelasException.FieldError> errors, String requestId) {
    /** Media type of a problem document (RFC 9457 section 3). */
    public static final String MEDIA_TYPE = "application/problem+json";
}
