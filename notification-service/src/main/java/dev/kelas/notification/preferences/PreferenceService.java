package dev.kelas.notification.preferences;

import dev.kelas.notification.inbox.NotificationType;
import dev.kelas.runtime.problem.NotFoundException;
import dev.kelas.runtime.problem.ValidationException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Each user's choice, per notification type, of in-app delivery and e-mail (off, at once, daily digest). */
@ApplicationScoped
public class PreferenceService {

    /**
     * A user's delivery of one type.
     *
     * @param emailRequired e-mail goes out at once whatever is chosen (password reset)
     * @param chosen        false while the type's defaults apply
     */
    public record Choice(String type, boolean inApp, EmailDelivery email, boolean emailRequired, boolean chosen) {
    }

    /** The user's delivery of every type, in the order of {@link NotificationType}. */
    @WithSession
    public Uni<List<Choice>> preferences(UUID tenantId, UUID userId) {
        return NotificationPreference.of(tenantId, userId).map(stored -> {
            Map<String, NotificationPreference> byType = stored.stream()
                    .collect(Collectors.toMap(p -> p.type, Function.identity()));
            return Arrays.stream(NotificationType.values()).map(type -> choice(type, byType.get(type.type()))).toList();
        });
    }

    /**
     * Sets the user's delivery of one type.
     *
     * @throws NotFoundException   if no notification type has this name
     * @throws ValidationException if it would turn off a required e-mail
     */
    @WithTransaction
    public Uni<Choice> choose(UUID tenantId, UUID userId, String typeName, boolean inApp, EmailDelivery email) {
        NotificationType type = NotificationType.of(typeName)
                .orElseThrow(() -> new NotFoundException("notification type", typeName));
        if (type.emailRequired() && email != EmailDelivery.IMMEDIATE) {
            throw new ValidationException("email", "This notification is always sent by e-mail at once (IMMEDIATE)");
        }
        return NotificationPreference.save(tenantId, userId, type.type(), inApp, email)
                .map(saved -> new Choice(type.type(), inApp, email, type.emailRequired(), true));
    }

    private static Choice choice(NotificationType type, NotificationPreference stored) {
        return stored == null
                ? new Choice(type.type(), true, type.defaultEmail(), type.emailRequired(), false)
                : new Choice(type.type(), stored.inApp, stored.email, type.emailRequired(), true);
    }
}
