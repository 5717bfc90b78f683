package dev.kelas.learning.behavior.dto;

import dev.kelas.learning.behavior.BehaviorCategory;
import dev.kelas.learning.behavior.BehaviorKind;

/** A behaviour category. */
public record CategoryResponse(String code, String label, BehaviorKind kind, int defaultPoints) {
    public static CategoryResponse of(BehaviorCategory c) {
        return new CategoryResponse(c.code, c.label, c.kind, c.defaultPoints);
    }
}
