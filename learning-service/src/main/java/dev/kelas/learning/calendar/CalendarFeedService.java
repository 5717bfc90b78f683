package dev.kelas.learning.calendar;

import dev.kelas.learning.assignment.Assignment;

import dev.kelas.learning.common.Audiences;
import dev.kelas.contracts.Role;
import dev.kelas.learning.member.Member;
import dev.kelas.runtime.problem.NotFoundException;
import dev.kelas.runtime.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * A person's calendar as an iCalendar feed (RFC 5545, {@code text/calendar}) that Google Calendar,
 * Outlook and Thunderbird subscribe to. The feed URL carries a secret token instead of a bearer
 * token (calendar clients cannot send one); only its SHA-256 is stored, a new token voids the old.
 * The feed holds the window from {@link #DAYS_BACK} days ago to {@link #DAYS_AHEAD} days ahead, each
 * occurrence expanded as its own VEVENT in UTC (all-day ones as dates), written with ical4j.
 */
@ApplicationScoped
public class CalendarFeedService {
    /** Days before today the feed starts. */
    public static final int DAYS_BACK = 30;
    /** Days after today the feed ends. */
    public static final int DAYS_AHEAD = 180;
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter UID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    private final PersonalCalendarService personal;
    private final CalendarService calendar;

    public CalendarFeedService(PersonalCalendarService personal, CalendarService calendar) {
        this.personal = personal;
        this.calendar = calendar;
    }

    /**
     * Issues the caller a new feed token; any earlier one stops working.
     *
     * @return the token (shown once; only its hash is kept)
     */
    @WithTransaction
    public Uni<String> issueToken(Caller caller) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return CalendarFeedToken.<CalendarFeedToken>findById(caller.userId()).chain(found -> {
            CalendarFeedToken row = found == null ? new CalendarFeedToken() : found;
            row.userId = caller.userId();
            row.tenantId = caller.tenantId();
            row.tokenHash = sha256(token);
            row.createdAt = Instant.now();
            return row.<CalendarFeedToken>persist().replaceWith(token);
        });
    }

    /** Voids the caller's feed token, if any. */
    @WithTransaction
    public Uni<Void> revokeToken(Caller caller) {
        return CalendarFeedToken.deleteById(caller.userId()).replaceWithVoid();
    }

    /**
     * The feed of the token's owner.
     *
     * @return the iCalendar text
     * @throws NotFoundException for an unknown, rotated or malformed token, or a user no longer known
     */
    @WithSession
    public Uni<String> feed(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Uni.createFrom().failure(new NotFoundException("calendar feed", "this token"));
        }
        return CalendarFeedToken.findByHash(sha256(token)).chain(row -> {
            if (row == null) {
                throw new NotFoundException("calendar feed", "this token");
            }
            return Member.findInTenant(row.tenantId, row.userId).chain(member -> {
                if (member == null) {
                    throw new NotFoundException("calendar feed", "this token");
                }
                EnumSet<Role> roles = member.role == null ? EnumSet.noneOf(Role.class) : EnumSet.of(member.role);
                return calendar.zoneOf(row.tenantId).chain(zone -> {
                    LocalDate today = LocalDate.now(zone);
                    return Audiences.of(row.tenantId, row.userId, roles)
                            .chain(audiences -> personal.entries(audiences, today.minusDays(DAYS_BACK), today.plusDays(DAYS_AHEAD)));
                });
            }).map(CalendarFeedService::render);
        });
    }

    /** Writes entries as an iCalendar document. */
    static String render(List<CalendarEntry> entries) {
        Calendar ical = new Calendar();
        ical.add(new ProdId("-//Kelas//School calendar//EN"));
        ical.add(ImmutableVersion.VERSION_2_0);
        ical.add(ImmutableCalScale.GREGORIAN);
        for (CalendarEntry entry : entries) {
            VEvent event = entry.allDay()
                    ? new VEvent(entry.start().toLocalDate(), entry.end().toLocalDate(), entry.title())
                    : new VEvent(entry.start().toInstant(), entry.end().toInstant(), entry.title());
            event.add(new Uid(uid(entry)));
            if (entry.room() != null) {
                event.add(new Location(entry.room()));
            }
            if (entry.kind() == CalendarEntry.Kind.DUE) {
                event.add(new Description("Assignment due"));
            }
            ical.add(event);
        }
        return ical.toString();
    }

    private static String uid(CalendarEntry entry) {
        UUID id = entry.eventId() != null ? entry.eventId() : entry.assignmentId() != null ? entry.assignmentId() : entry.classId();
        String kind = entry.kind().name().toLowerCase();
        String at = entry.start().toLocalDateTime().format(UID_TIME);
        String extra = entry.kind() == CalendarEntry.Kind.LESSON && entry.subjectId() != null ? "-" + entry.subjectId() : "";
        return kind + "-" + id + extra + "-" + at + "@kelas";
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
