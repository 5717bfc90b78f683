package dev.kelas.runtime.problem;

import dev.kelas.contracts.ErrorCode;
import java.util.List;

/** 403 FORBIDDEN: the caller is known but may not do this (wrong role, not the class's teacher). */
public class ForbiddenException extends KelasException {
    public ForbiddenException(String detail) {
        super(403, ErrorCode.FORBIDDEN, detail, List.of());
    }
}
