package dev.kelas.learning.attendance;

import dev.kelas.runtime.problem.ConflictException;
import dev.kelas.runtime.problem.KelasException.FieldError;
import dev.kelas.runtime.problem.ValidationException;
import dev.kelas.runtime.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A school's attendance statuses and rules. A school without stored rows uses the defaults
 * ({@link AttendanceStatus#defaults}, {@link AttendanceSetting#defaults}); its rows are created on its first
 * change. Only administrators change them (checked by the resource).
 */
@ApplicationScoped
public class AttendanceSettingsService {
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,19}");
    private static final BigDecimal MAX_POINTS = BigDecimal.valueOf(100);

    /** A status as an administrator defines it; its position is its place in the list. */
    public record StatusDraft(String code, String label, BigDecimal points, Boolean countsAsAbsence) {
    }

    /** The school's statuses in order: the stored set, else the defaults. Call inside a session. */
    public Uni<List<AttendanceStatus>> statuses(UUID tenantId) {
        return AttendanceStatus.stored(tenantId).map(stored -> stored.isEmpty() ? AttendanceStatus.defaults(tenantId) : stored);
    }

    /** The school's rules: the stored row, else the defaults. Call inside a session. */
    public Uni<AttendanceSetting> settings(UUID tenantId) {
        return AttendanceSetting.<AttendanceSetting>findById(tenantId)
                .map(found -> found == null ? AttendanceSetting.defaults(tenantId) : found);
    }

    /** The caller's school's statuses in order. */
    @WithSession
    public Uni<List<AttendanceStatus>> listStatuses(Caller caller) {
        return statuses(caller.tenantId());
    }

    /** The caller's school's rules. */
    @WithSession
    public Uni<AttendanceSetting> readSettings(Caller caller) {
        return settings(caller.tenantId());
    }

    /**
     * Replaces the school's statuses with this list (in this order).
     *
     * @throws ValidationException every bad entry as {@code statuses[i].code|label|points}: a code of 1-20 capital
     *                             letters, digits or underscores, repeated codes, a label of 1-60 characters, points
     *                             0-100, or no status earning points
     * @throws ConflictException   when a status left out is used by a mark
     */
    @WithTransaction
    public Uni<List<AttendanceStatus>> replaceStatuses(Caller caller, List<StatusDraft> drafts) {
        UUID tenantId = caller.tenantId();
        List<FieldError> errors = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        List<AttendanceStatus> replacement = new ArrayList<>();
        if (drafts == null || drafts.isEmpty()) {
            throw new ValidationException("statuses", "must list at least one status");
        }
        boolean earns = false;
        for (int i = 0; i < drafts.size(); i++) {
            StatusDraft draft = drafts.get(i);
            String field = "statuses[" + i + "].";
            if (draft == null) {
                errors.add(new FieldError("statuses[" + i + "]", "must not be null"));
                continue;
            }
            String code = draft.code() == null ? null : draft.code().strip();
            if (code == null || !CODE.matcher(code).matches()) {
                errors.add(new FieldError(field + "code", "must be 1-20 capital letters, digits or underscores, starting with a letter"));
            } else if (!codes.add(code)) {
                errors.add(new FieldError(field + "code", "repeats " + code));
            }
            String label = draft.label() == null ? "" : draft.label().strip();
            if (label.isEmpty() || label.length() > 60) {
                errors.add(new FieldError(field + "label", "must be 1-60 characters"));
            }
            if (draft.points() == null || draft.points().signum() < 0 || draft.points().compareTo(MAX_POINTS) > 0
                    || draft.points().scale() > 2) {
                errors.add(new FieldError(field + "points", "must be 0 to 100 with at most 2 decimals"));
            } else if (draft.points().signum() > 0) {
                earns = true;
            }
            replacement.add(AttendanceStatus.of(tenantId, code, label, draft.points(), Boolean.TRUE.equals(draft.countsAsAbsence()), i));
        }
        if (errors.isEmpty() && !earns) {
            errors.add(new FieldError("statuses", "at least one status must earn points"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("The statuses have invalid entries; nothing was changed", errors);
        }
        return statuses(tenantId).chain(current -> {
            List<String> removed = current.stream().map(s -> s.code).filter(code -> !codes.contains(code)).toList();
            return AttendanceMark.statusesInUse(tenantId, removed);
        }).chain(inUse -> {
            if (!inUse.isEmpty()) {
                throw new ConflictException("Statuses in use by marks cannot be removed",
                        inUse.stream().sorted().map(code -> new FieldError("statuses", code + " is used by marks")).toList());
            }
            return AttendanceStatus.delete("tenantId", tenantId);
        }).call(() -> Panache.getSession().chain(session -> session.flush()))
                .chain(() -> PanacheEntityBase.persist(replacement)).replaceWith(replacement);
    }

    /**
     * Sets the school's rules.
     *
     * @param absenceLimit    absences per class and term that raise the alarm, 1 to 1000
     * @param latesPerAbsence lates that count as one absence, 0 (off) to 100
     * @throws ValidationException {@code absenceLimit} or {@code latesPerAbsence} out of range
     */
    @WithTransaction
    public Uni<AttendanceSetting> changeSettings(Caller caller, Integer absenceLimit, Integer latesPerAbsence) {
        List<FieldError> errors = new ArrayList<>();
        if (absenceLimit == null || absenceLimit < 1 || absenceLimit > 1000) {
            errors.add(new FieldError("absenceLimit", "must be 1 to 1000"));
        }
        if (latesPerAbsence == null || latesPerAbsence < 0 || latesPerAbsence > 100) {
            errors.add(new FieldError("latesPerAbsence", "must be 0 (off) to 100"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("Invalid attendance settings", errors);
        }
        return AttendanceSetting.<AttendanceSetting>findById(caller.tenantId()).chain(found -> {
            AttendanceSetting setting = found == null ? AttendanceSetting.defaults(caller.tenantId()) : found;
            setting.absenceLimit = absenceLimit;
            setting.latesPerAbsence = latesPerAbsence;
            setting.updatedAt = Instant.now();
            return setting.<AttendanceSetting>persist();
        });
    }
}
