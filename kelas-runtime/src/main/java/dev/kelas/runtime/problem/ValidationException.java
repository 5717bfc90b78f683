package dev.kelas.runtime.problem;

import dev.kelas.contracts.ErrorCode;
import java.util.List;

/**
 * 422 VALIDATION_ERROR: the request is well-formed but breaks a rule that needs more than one
 * field or the database to check (an unknown student, a language the task does not take).
 */
public class ValidationException extends KelasException {
    /** A single invalid field. */
    public ValidationException(String field, String message) {
        super(422, ErrorCode.VALIDATION_ERROR, message, List.of(new FieldError(field, message)));
    }

    /**
     * Several invalid fields at once (a batch is checked whole before anything is written).
     *
     * @param errors at least one
     */
    public ValidationException(String detail, List<FieldError> errors) {
        super(422, ErrorCode.VALIDATION_ERROR, detail, errors);
    }
}
