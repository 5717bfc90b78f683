package dev.kelas.auth.profile.dto;

/**
 * A user changes their own profile: every field optional; an absent (or null) field stays as it is. An empty
 * {@code preferredLanguage} or {@code timeZone} clears it (the school's applies again).
 *
 * @param name              1-200 characters, not blank
 * @param preferredLanguage a well-formed BCP 47 tag with an ISO 639 language, e.g. {@code id}, {@code en-GB}
 * @param timeZone          an IANA time zone id, e.g. {@code Asia/Jakarta} (not an offset such as {@code +07:00})
 */
public record UpdateProfileRequest(String name, String preferredLanguage, String timeZone) {
}
