package dev.kelas.learning.behavior;

import java.util.List;

/** The behaviour list a school starts with until an administrator sets its own. */
final class DefaultBehaviorCategories {
    /** One default category. */
    record Entry(String code, String label, BehaviorKind kind, int points) {
    }

    static final List<Entry> ALL = List.of(
            new Entry("EXCELLENT_WORK", "Excellent work", BehaviorKind.POSITIVE, 3),
            new Entry("HELPFUL", "Helpful to others", BehaviorKind.POSITIVE, 2),
            new Entry("PARTICIPATION", "Active participation", BehaviorKind.POSITIVE, 1),
            new Entry("NO_HOMEWORK", "Homework not done", BehaviorKind.NEGATIVE, -1),
            new Entry("DISRUPTION", "Disrupting the lesson", BehaviorKind.NEGATIVE, -2),
            new Entry("DISRESPECT", "Disrespect", BehaviorKind.NEGATIVE, -3));

    private DefaultBehaviorCategories() {
    }
}
