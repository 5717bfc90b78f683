package dev.kelas.auth.account;

import dev.kelas.runtime.problem.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a new password must be, per NIST SP 800-63B section 3.1.1.2 and OWASP ASVS 5.0 V6.2: at least
 * 8 characters (15 suggested), at most 128 (so at least 64 are allowed), any characters, no
 * composition rules, and not one of the 10,000 most common passwords (the shipped list
 * {@code common-passwords.txt}, compared case-insensitively). Length counts Unicode code points.
 */
@ApplicationScoped
public class PasswordPolicy {
    /** Shortest password accepted, in code points. */
    public static final int MIN_LENGTH = 8;
    /** Longest password accepted, in code points. */
    public static final int MAX_LENGTH = 128;

    private final Set<String> common;

    /** @throws IllegalStateException if the shipped list is missing */
    public PasswordPolicy() {
        common = loadCommonPasswords();
    }

    /**
     * Checks a new password.
     *
     * @param field the request field named in the error, e.g. {@code password}
     * @throws ValidationException (400 VALIDATION_ERROR) naming what is wrong
     */
    public void check(String field, String password) {
        String problem = problem(password);
        if (problem != null) {
            throw new ValidationException(field, problem);
        }
    }

    /** What is wrong with a new password, or null when it is acceptable. */
    public String problem(String password) {
        if (password == null) {
            return "is required";
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return "must have at least " + MIN_LENGTH + " characters (15 or more is better)";
        }
        if (length > MAX_LENGTH) {
            return "must have at most " + MAX_LENGTH + " characters";
        }
        if (common.contains(password.toLowerCase(Locale.ROOT))) {
            return "is one of the most common passwords; choose another";
        }
        return null;
    }

    private static Set<String> loadCommonPasswords() {
        Set<String> passwords = new HashSet<>(16_384);
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    passwords.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read common-passwords.txt", e);
        }
        return Set.copyOf(passwords);
    }
}
