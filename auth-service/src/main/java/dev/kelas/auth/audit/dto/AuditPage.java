package dev.kelas.auth.audit.dto;

import java.util.List;

/** One page (from 0) of the audit log, newest first, with the total. */
public record AuditPage(List<AuditEntryResponse> items, int page, int size, long total) {
}
