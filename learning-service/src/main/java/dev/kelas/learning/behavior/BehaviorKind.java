package dev.kelas.learning.behavior;

/** Whether a behaviour note praises ({@link #POSITIVE}, points at least 0) or records a problem ({@link #NEGATIVE}, points at most 0). */
public enum BehaviorKind {
    POSITIVE, NEGATIVE;

    /** Whether {@code points} has this kind's sign (0 fits both). */
    public boolean allows(int points) {
        return this == POSITIVE ? points >= 0 : points <= 0;
    }
}
