package dev.kelas.learning.calendar;

import dev.kelas.runtime.problem.ValidationException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The time zone a school's days and lessons are in: the school's own setting, else
 * {@code kelas.learning.default-time-zone} (UTC unless configured). Dates of the calendar, the
 * timetable and the register are local dates of this zone.
 */
@ApplicationScoped
public class SchoolTimeZone {
    private final ZoneId defaultZone;

    public SchoolTimeZone(@ConfigProperty(name = "kelas.learning.default-time-zone", defaultValue = "UTC") String defaultZone) {
        this.defaultZone = ZoneId.of(defaultZone);
    }

    /** The school's zone; call inside a session. */
    public Uni<ZoneId> zoneOf(UUID tenantId) {
        return SchoolSetting.<SchoolSetting>findById(tenantId)
                .map(setting -> setting == null ? defaultZone : ZoneId.of(setting.timeZone));
    }

    /** The school's zone, opening a session of its own. */
    @WithSession
    public Uni<ZoneId> read(UUID tenantId) {
        return zoneOf(tenantId);
    }

    /**
     * Sets the school's time zone.
     *
     * @param zone an IANA zone id such as {@code Europe/Berlin}
     * @return the zone stored
     * @throws ValidationException {@code timeZone} when the id is not a known region zone
     */
    @WithTransaction
    public Uni<ZoneId> change(UUID tenantId, String zone) {
        ZoneId parsed = parse(zone);
        return SchoolSetting.<SchoolSetting>findById(tenantId).chain(found -> {
            SchoolSetting setting = found == null ? new SchoolSetting() : found;
            setting.tenantId = tenantId;
            setting.timeZone = parsed.getId();
            setting.updatedAt = Instant.now();
            return setting.<SchoolSetting>persist().replaceWith(parsed);
        });
    }

    /**
     * Parses an IANA region zone id.
     *
     * @throws ValidationException {@code timeZone} when it is missing or unknown
     */
    public static ZoneId parse(String zone) {
        if (zone == null || zone.isBlank() || zone.length() > 64) {
            throw new ValidationException("timeZone", "must be an IANA time zone such as Asia/Jakarta");
        }
        try {
            return ZoneId.of(zone.trim());
        } catch (DateTimeException e) {
            throw new ValidationException("timeZone", "is not a known IANA time zone");
        }
    }
}
