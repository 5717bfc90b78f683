package dev.kelas.runtime.problem;

import dev.kelas.contracts.ErrorCode;
import java.util.List;

/** 404 NOT_FOUND: no such resource in the caller's tenant. Another tenant's ids answer this too. */
public class NotFoundException extends KelasException {
    /** @param what a noun naming the resource, e.g. {@code "class"} */
    public NotFoundException(String what, Object id) {
        super(404, ErrorCode.NOT_FOUND, "No " + what + " with id " + id, List.of());
    }
}
