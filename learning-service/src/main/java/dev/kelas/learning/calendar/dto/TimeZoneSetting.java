package dev.kelas.learning.calendar.dto;

import jakarta.validation.constraints.NotNull;

/** The school's IANA time zone, e.g. {@code Asia/Jakarta}. */
public record TimeZoneSetting(@NotNull String timeZone) {
}
