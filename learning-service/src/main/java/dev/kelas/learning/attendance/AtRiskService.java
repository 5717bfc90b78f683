package dev.kelas.learning.attendance;

import dev.kelas.contracts.Role;
import dev.kelas.learning.common.ClassAccess;
import dev.kelas.learning.enrollment.Enrollment;
import dev.kelas.learning.enrollment.EnrollmentStatus;
import dev.kelas.learning.enrollment.SchoolClass;
import dev.kelas.learning.enrollment.TeachingAssignment;
import dev.kelas.runtime.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The students at or past the school's absence limit in their class's term, for administrators and teachers. */
@ApplicationScoped
public class AtRiskService {
    private final ClassAccess access;
    private final AttendanceTallies tallyRules;

    public AtRiskService(ClassAccess access, AttendanceTallies tallyRules) {
        this.access = access;
        this.tallyRules = tallyRules;
    }

    /** A student at or past the limit in a class. */
    public record AtRisk(UUID classId, String className, UUID studentId, String name, int absences, int limit) {
    }

    /** A page of students at risk. */
    public record AtRiskPage(List<AtRisk> items, int page, int size, long total) {
    }

    /**
     * Actively enrolled students whose absences in their class's term are at or past the school's limit, most absences
     * first: of every class for an administrator, of the classes they teach for a teacher.
     *
     * @param classId only this class (null: all the caller may see)
     */
    @WithSession
    public Uni<AtRiskPage> atRisk(Caller caller, UUID classId, int page, int size) {
        UUID tenantId = caller.tenantId();
        Uni<List<SchoolClass>> classes;
        if (classId != null) {
            classes = access.managedClass(caller, classId).map(List::of);
        } else if (caller.hasRole(Role.ADMIN)) {
            classes = SchoolClass.listForTenant(tenantId, null);
        } else {
            classes = taughtClassIds(caller).chain(ids -> SchoolClass.listInTenant(tenantId, ids));
        }
        return classes.chain(list -> {
            Map<UUID, SchoolClass> byId = new HashMap<>();
            list.forEach(c -> byId.put(c.id, c));
            return AttendanceMark.tallyInTerm(tenantId, byId.keySet(), null).chain(tallies -> tallyRules.tallier(tenantId).chain(tallier -> {
                Map<UUID, Map<UUID, List<AttendanceMark.Tally>>> grouped = new HashMap<>();
                for (AttendanceMark.Tally t : tallies) {
                    grouped.computeIfAbsent(t.classId(), id -> new HashMap<>()).computeIfAbsent(t.studentId(), id -> new ArrayList<>()).add(t);
                }
                List<UUID[]> candidates = new ArrayList<>();
                Map<String, Integer> absences = new HashMap<>();
                grouped.forEach((cid, students) -> students.forEach((sid, rows) -> {
                    int n = tallier.absencesByStudent(rows).getOrDefault(sid, 0);
                    if (n >= tallier.setting().absenceLimit) {
                        candidates.add(new UUID[] {cid, sid});
                        absences.put(cid + ":" + sid, n);
                    }
                }));
                Set<UUID> studentIds = new HashSet<>();
                candidates.forEach(c -> studentIds.add(c[1]));
                return activeIn(byId.keySet(), studentIds).chain(active -> AttendanceTallies.names(tenantId, studentIds).map(names -> {
                    List<AtRisk> items = candidates.stream().filter(c -> active.contains(c[0] + ":" + c[1]))
                            .map(c -> new AtRisk(c[0], byId.get(c[0]).name, c[1], names.get(c[1]), absences.get(c[0] + ":" + c[1]),
                                    tallier.setting().absenceLimit))
                            .sorted(Comparator.comparingInt(AtRisk::absences).reversed()
                                    .thenComparing(a -> a.className() == null ? "" : a.className())
                                    .thenComparing(a -> a.name() == null ? "" : a.name()))
                            .toList();
                    int first = Math.min(items.size(), page * size);
                    return new AtRiskPage(items.subList(first, Math.min(items.size(), first + size)), page, size, items.size());
                }));
            }));
        });
    }

    /** The classes a teacher teaches: homeroom and teaching assignments. */
    static Uni<Set<UUID>> taughtClassIds(Caller caller) {
        return SchoolClass.homeroomClassIds(caller.tenantId(), caller.userId())
                .chain(homeroom -> TeachingAssignment.classIdsOf(caller.tenantId(), caller.userId()).map(taught -> {
                    Set<UUID> ids = new HashSet<>(homeroom);
                    ids.addAll(taught);
                    return ids;
                }));
    }

    /** {@code classId:studentId} of the active enrollments of these students in these classes. */
    private static Uni<Set<String>> activeIn(Collection<UUID> classIds, Collection<UUID> studentIds) {
        if (classIds.isEmpty() || studentIds.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return Enrollment.<Enrollment>list("classId in ?1 and studentId in ?2 and status = ?3", classIds, studentIds, EnrollmentStatus.ACTIVE)
                .map(list -> {
                    Set<String> keys = new HashSet<>();
                    list.forEach(e -> keys.add(e.classId + ":" + e.studentId));
                    return keys;
                });
    }
}
