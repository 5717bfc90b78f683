package dev.kelas.learning.grading;

import dev.kelas.learning.academic.GradeComponent;
import dev.kelas.learning.academic.Subject;
import dev.kelas.learning.academic.SubjectService;
import dev.kelas.learning.assignment.Assignment;
import dev.kelas.learning.common.ClassAccess;
import dev.kelas.learning.common.Rows;
import dev.kelas.runtime.problem.ConflictException;
import dev.kelas.runtime.problem.KelasException.FieldError;
import dev.kelas.runtime.problem.NotFoundException;
import dev.kelas.runtime.problem.ValidationException;
import dev.kelas.runtime.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A class's grading configuration per subject (the method and each component's weight and dropped
 * lowest scores) and its finalization, which locks the grades and releases them.
 */
@ApplicationScoped
public class GradingConfigService {
    private final ClassAccess access;
    private final GradeEvents gradeEvents;

    public GradingConfigService(ClassAccess access, GradeEvents gradeEvents) {
        this.access = access;
        this.gradeEvents = gradeEvents;
    }

    /**
     * A component's rule as configured.
     *
     * @param weight percent of the final grade under WEIGHTED, 0 to 100
     */
    public record ComponentSetting(UUID componentId, BigDecimal weight, int dropLowest) {
    }

    /** A class's grading configuration in a subject. */
    public record GradingConfig(GradeConfig config, Subject subject, List<GradeConfigComponent> components,
                                Map<UUID, String> componentNames) {
    }

    /**
     * Sets how a class's grade in a subject is computed. WEIGHTED weights must sum to 100; every
     * component must be the subject's and appear once.
     *
     * @throws ValidationException listing every bad component entry or the weight sum
     * @throws ConflictException   if the configuration is finalized
     */
    @WithTransaction
    public Uni<GradingConfig> configureGrading(Caller caller, UUID classId, UUID subjectId, GradingMethod method,
                                               List<ComponentSetting> settings) {
        UUID tenantId = caller.tenantId();
        return access.managedClass(caller, classId)
                .chain(c -> SubjectService.subject(caller, subjectId))
                .chain(subject -> GradeComponent.listForSubject(subjectId).chain(components -> {
                    validate(method, settings, components.stream().map(c -> c.id).collect(Collectors.toSet()));
                    return GradeConfig.of(classId, subjectId).chain(existing -> {
                        if (existing != null && existing.finalized()) {
                            throw new ConflictException("The grading of this class in this subject is finalized");
                        }
                        GradeConfig config = existing != null ? existing : new GradeConfig();
                        if (existing == null) {
                            config.id = UUID.randomUUID();
                            config.tenantId = tenantId;
                            config.classId = classId;
                            config.subjectId = subjectId;
                        }
                        config.method = method;
                        config.updatedAt = Instant.now();
                        List<GradeConfigComponent> rows = settings.stream().map(setting -> {
                            GradeConfigComponent row = new GradeConfigComponent();
                            row.id = UUID.randomUUID();
                            row.configId = config.id;
                            row.componentId = setting.componentId();
                            row.weight = setting.weight() == null ? BigDecimal.ZERO : setting.weight();
                            row.dropLowest = setting.dropLowest();
                            return row;
                        }).toList();
                        Uni<GradeConfig> saved = existing != null ? Uni.createFrom().item(config) : config.persist();
                        return saved.chain(() -> GradeConfigComponent.deleteForConfig(config.id))
                                .chain(() -> Rows.persistAll(rows))
                                .replaceWith(new GradingConfig(config, subject, rows, names(components)));
                    });
                }));
    }

    /**
     * A class's grading configuration in a subject.
     *
     * @throws NotFoundException if the class or subject is not in the school, or nothing is configured
     */
    @WithSession
    public Uni<GradingConfig> gradingConfig(Caller caller, UUID classId, UUID subjectId) {
        return access.managedClass(caller, classId)
                .chain(c -> SubjectService.subject(caller, subjectId))
                .chain(subject -> GradeConfig.of(classId, subjectId).chain(config -> {
                    if (config == null) {
                        throw new NotFoundException("grading configuration of subject", subjectId);
                    }
                    return GradeConfigComponent.listForConfigs(List.of(config.id)).chain(rows -> GradeComponent
                            .listForSubject(subjectId).map(components -> new GradingConfig(config, subject, rows, names(components))));
                }));
    }

    /**
     * Finalizes a class's grading in a subject: the configuration and the grades of the class's assignments in
     * the subject are locked from now on, missing work counts as 0, and every such assignment's grades are
     * released to the students. Finalizing again changes nothing.
     *
     * @throws ConflictException if the subject has no grading configuration yet
     */
    @WithTransaction
    public Uni<GradingConfig> finalizeGrading(Caller caller, UUID classId, UUID subjectId) {
        return access.managedClass(caller, classId)
                .chain(c -> GradeConfig.of(classId, subjectId))
                .chain(config -> {
                    if (config == null) {
                        throw new ConflictException("Configure the grading of this subject before finalizing it");
                    }
                    if (config.finalized()) {
                        return Uni.createFrom().voidItem();
                    }
                    Instant now = Instant.now();
                    config.finalizedAt = now;
                    config.finalizedBy = caller.userId();
                    return Assignment.listPublishedForSubject(classId, subjectId).chain(list -> {
                        Uni<Void> all = Uni.createFrom().voidItem();
                        for (Assignment assignment : list) {
                            all = all.chain(() -> gradeEvents.release(assignment, now));
                        }
                        return all;
                    });
                })
                .chain(() -> Panache.getSession().chain(session -> session.flush()))
                .chain(() -> gradingConfig(caller, classId, subjectId));
    }

    private static void validate(GradingMethod method, List<ComponentSetting> settings, Set<UUID> subjectComponents) {
        List<FieldError> errors = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < settings.size(); i++) {
            ComponentSetting setting = settings.get(i);
            if (!subjectComponents.contains(setting.componentId())) {
                errors.add(new FieldError("components[" + i + "].componentId", "is not a component of this subject"));
            } else if (!seen.add(setting.componentId())) {
                errors.add(new FieldError("components[" + i + "].componentId", "appears more than once"));
            }
            if (method == GradingMethod.WEIGHTED && setting.weight() == null) {
                errors.add(new FieldError("components[" + i + "].weight", "is required for WEIGHTED grading"));
            }
            if (setting.weight() != null) {
                sum = sum.add(setting.weight());
            }
        }
        if (method == GradingMethod.WEIGHTED && sum.compareTo(BigDecimal.valueOf(100)) != 0) {
            errors.add(new FieldError("components", "the weights sum to " + sum.stripTrailingZeros().toPlainString()
                    + ", not 100"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("The grading configuration is not valid", errors);
        }
    }

    private static Map<UUID, String> names(List<GradeComponent> components) {
        return components.stream().collect(Collectors.toMap(c -> c.id, c -> c.name));
    }
}
