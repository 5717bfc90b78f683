package dev.kelas.learning.records.dto;

import dev.kelas.learning.records.GuardianContact;

/** A guardian contact as the API shows it. */
public record GuardianContactResponse(String name, String relationship, String email, String phone) {
    public static GuardianContactResponse of(GuardianContact c) {
        return new GuardianContactResponse(c.name, c.relationship, c.email, c.phone);
    }
}
