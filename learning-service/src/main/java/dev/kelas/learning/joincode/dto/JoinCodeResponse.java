package dev.kelas.learning.joincode.dto;

import dev.kelas.learning.joincode.ClassJoinCode;
import java.time.Instant;
import java.util.UUID;

/** A class's current join code, who set it and when. */
public record JoinCodeResponse(UUID classId, String code, UUID createdBy, Instant createdAt) {
    public static JoinCodeResponse of(ClassJoinCode row) {
        return new JoinCodeResponse(row.id, row.code, row.createdBy, row.createdAt);
    }
}
