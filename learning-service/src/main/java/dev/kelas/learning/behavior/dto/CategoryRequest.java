package dev.kelas.learning.behavior.dto;

import dev.kelas.learning.behavior.BehaviorCategory;
import dev.kelas.learning.behavior.BehaviorKind;

/** One category of a school's behaviour list: a code such as {@code HELPFUL}, a label, its kind and default points. */
public record CategoryRequest(String code, String label, BehaviorKind kind, int defaultPoints) {
    /** The category as an entity (the tenant and position are set by the service). */
    public BehaviorCategory toEntity() {
        BehaviorCategory c = new BehaviorCategory();
        c.code = code;
        c.label = label;
        c.kind = kind;
        c.defaultPoints = defaultPoints;
        return c;
    }
}
