package dev.kelas.runtime.problem;

import dev.kelas.contracts.ErrorCode;
import java.util.List;

/** 409 CONFLICT: the change clashes with existing state (a taken slug, a duplicate enrollment). */
public class ConflictException extends KelasException {
    public ConflictException(String detail) {
        super(409, ErrorCode.CONFLICT, detail, List.of());
    }
}
