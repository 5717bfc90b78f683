package dev.kelas.runtime.problem;

import dev.kelas.contracts.ErrorCode;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;

/**
 * A failure the client caused or may act on. Rendered by {@link ProblemMapper} as an RFC 9457
 * problem document with the HTTP status and stable {@link ErrorCode} it carries.
 */
public class KelasException extends RuntimeException {
    private final int status;
    private final ErrorCode code;
    private final List<FieldError> errors;

    /**
     * @param status HTTP status code
     * @param code   stable error code
     * @param detail human-readable explanation of this occurrence (safe to show the client)
     * @param errors per-field errors, may be empty
     */
    public KelasException(int status, ErrorCode code, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    public ErrorCode code() {
        return code;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /**
     * One invalid field: a JSON path such as {@code limits.cpuSeconds} and what is wrong with it. An entry of a
     * batch may also name its position ({@code index}), the student it is about ({@code studentId}) and a stable
     * per-entry {@code code} (e.g. {@code STUDENT_NOT_ENROLLED}); these are left out of the JSON when null.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(String field, String message, Integer index, UUID studentId, String code) {
        /** A field error without batch details. */
        public FieldError(String field, String message) {
            this(field, message, null, null, null);
        }
    }
}
