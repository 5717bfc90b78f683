package dev.kelas.runtime.problem;

import dev.kelas.contracts.ErrorCode;
import java.util.List;

/**
 * 412 PRECONDITION_FAILED: optimistic concurrency (RFC 9110 section 13.1.1): the request's
 * {@code If-Match} names an ETag the resource no longer has, so the write would overwrite a change
 * the client has not seen. Nothing is written.
 */
public class PreconditionFailedException extends KelasException {
    public PreconditionFailedException(String detail) {
        super(412, ErrorCode.PRECONDITION_FAILED, detail, List.of());
    }
}
