package dev.kelas.learning.behavior;

import dev.kelas.runtime.problem.ConflictException;
import dev.kelas.runtime.problem.KelasException.FieldError;
import dev.kelas.runtime.problem.ValidationException;
import dev.kelas.runtime.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A school's behaviour categories: the default list until an administrator replaces it; a category that notes
 * use cannot be removed.
 */
@ApplicationScoped
public class BehaviorCategoryService {
    /** The school's categories in list order; the default list is stored on first use. */
    @WithTransaction
    public Uni<List<BehaviorCategory>> categories(UUID tenantId) {
        return categoriesIn(tenantId);
    }

    /**
     * Replaces the school's category list.
     *
     * @throws ValidationException listing every bad entry (code, label, points against kind, duplicates)
     * @throws ConflictException   when a category that notes use would be removed
     */
    @WithTransaction
    public Uni<List<BehaviorCategory>> replaceCategories(Caller caller, List<BehaviorCategory> wanted) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < wanted.size(); i++) {
            BehaviorCategory c = wanted.get(i);
            String at = "categories[" + i + "]";
            if (c.code == null || !c.code.matches("[A-Z][A-Z0-9_]{0,39}")) {
                errors.add(new FieldError(at + ".code", "must be 1 to 40 capital letters, digits or _"));
            } else if (!codes.add(c.code)) {
                errors.add(new FieldError(at + ".code", "appears twice"));
            }
            if (c.label == null || c.label.isBlank() || c.label.length() > 100) {
                errors.add(new FieldError(at + ".label", "must be 1 to 100 characters"));
            }
            if (c.kind == null) {
                errors.add(new FieldError(at + ".kind", "must be POSITIVE or NEGATIVE"));
            } else if (!c.kind.allows(c.defaultPoints) || Math.abs(c.defaultPoints) > 100) {
                errors.add(new FieldError(at + ".defaultPoints", "must be 0 to 100 for POSITIVE, -100 to 0 for NEGATIVE"));
            }
        }
        if (wanted.isEmpty()) {
            errors.add(new FieldError("categories", "must hold at least one category"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("The category list has " + errors.size() + " problem(s)", errors);
        }
        UUID tenantId = caller.tenantId();
        return BehaviorNote.find("select distinct n.category from BehaviorNote n where n.tenantId = ?1", tenantId)
                .project(String.class).list()
                .chain(used -> {
                    List<String> removed = used.stream().filter(code -> !codes.contains(code)).toList();
                    if (!removed.isEmpty()) {
                        throw new ConflictException("Notes use " + String.join(", ", removed) + "; keep those categories");
                    }
                    return BehaviorCategory.delete("tenantId", tenantId);
                })
                .chain(() -> {
                    List<BehaviorCategory> rows = new ArrayList<>();
                    for (int i = 0; i < wanted.size(); i++) {
                        BehaviorCategory c = wanted.get(i);
                        c.tenantId = tenantId;
                        c.label = c.label.strip();
                        c.position = (short) i;
                        rows.add(c);
                    }
                    return BehaviorCategory.persist(rows).replaceWith(rows);
                });
    }

    /** The school's categories, storing the default list first when it has none; runs in the caller's transaction. */
    Uni<List<BehaviorCategory>> categoriesIn(UUID tenantId) {
        return BehaviorCategory.listForTenant(tenantId).chain(found -> {
            if (!found.isEmpty()) {
                return Uni.createFrom().item(found);
            }
            List<BehaviorCategory> defaults = new ArrayList<>();
            for (DefaultBehaviorCategories.Entry entry : DefaultBehaviorCategories.ALL) {
                BehaviorCategory c = new BehaviorCategory();
                c.tenantId = tenantId;
                c.code = entry.code();
                c.label = entry.label();
                c.kind = entry.kind();
                c.defaultPoints = entry.points();
                c.position = (short) defaults.size();
                defaults.add(c);
            }
            return BehaviorCategory.persist(defaults).replaceWith(defaults);
        });
    }
}
