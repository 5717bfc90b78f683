package dev.kelas.runtime.problem;

import dev.kelas.contracts.ErrorCode;
import java.util.List;

/** 401 UNAUTHENTICATED: missing, invalid or expired credentials. */
public class UnauthenticatedException extends KelasException {
    public UnauthenticatedException(String detail) {
        super(401, ErrorCode.UNAUTHENTICATED, detail, List.of());
    }
}
