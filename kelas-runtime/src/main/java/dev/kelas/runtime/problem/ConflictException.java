package dev.kelas.runtime.problem;

import dev.kelas.contracts.ErrorCode;
import java.util.List;

/** 409 CONFLICT: the change clashes with existing state (a taken slug, a duplicate enrollment). */
public class ConflictException extends KelasException {
    public ConflictException(String detail) {
        super(409, ErrorCode.CONFLICT, detail, List.of());
    }

    /**
     * A conflict with each clash listed, e.g. every slot a timetable entry double-books.
     *
     * @param conflicts one entry per clash: the field of the request that clashes and what it clashes with
     */
    public ConflictException(String detail, List<FieldError> conflicts) {
        super(409, ErrorCode.CONFLICT, detail, conflicts);
    }
}
