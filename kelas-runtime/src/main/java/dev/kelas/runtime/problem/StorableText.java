package dev.kelas.runtime.problem;

/**
 * The one rule for text Kelas accepts: it must be storable in a PostgreSQL {@code text} column.
 * PostgreSQL cannot store the character U+0000 (NUL) in text at all (PostgreSQL manual, 8.3
 * "Character Types"), and a lone UTF-16 surrogate has no UTF-8 encoding. Such text is refused
 * (422 VALIDATION_ERROR) in JSON bodies by {@link dev.kelas.runtime.web.HostileInputJackson} and
 * in paths and query strings by {@link dev.kelas.runtime.web.HttpLayerProblems}; nothing is stripped.
 */
public final class StorableText {
    /** The message a refused field carries in {@code errors[].message}. */
    public static final String MESSAGE = "contains a character that cannot be stored (NUL or a lone surrogate)";

    private StorableText() {
    }

    /**
     * @param text any text, may be null
     * @return true when {@code text} is null or storable
     */
    public static boolean isStorable(CharSequence text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
