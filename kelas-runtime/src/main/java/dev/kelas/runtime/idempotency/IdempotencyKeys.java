package dev.kelas.runtime.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kelas.contracts.ErrorCode;
import dev.kelas.runtime.problem.KelasException;
import dev.kelas.runtime.problem.ValidationException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The {@code Idempotency-Key} request header (IETF draft-ietf-httpapi-idempotency-key-header) for unsafe requests
 * a client may retry, such as a code submission sent again after a dropped connection or by the edge after a
 * replica died. The first request with a key runs and its answer (status, {@code Location}, JSON body) is stored in
 * the same transaction as its writes; a retry with the same key and the same request gets that answer again with
 * {@code Idempotent-Replayed: true} and writes nothing. A concurrent retry waits on the key's row until the first
 * commits. The same key with a different request (another path or body) is 422 {@code IDEMPOTENCY_KEY_REUSED}.
 * Keys are per school and user, 1 to 255 printable ASCII characters, kept {@link #RETENTION}.
 */
@ApplicationScoped
public class IdempotencyKeys {
    /** The request header. */
    public static final String HEADER = "Idempotency-Key";
    /** The header on a replayed answer. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    /** How long a key is remembered: 24 hours. */
    public static final Duration RETENTION = Duration.ofHours(24);

    private final ObjectMapper json;

    public IdempotencyKeys(ObjectMapper json) {
        this.json = json;
    }

    /** The answer of a request: its status, its {@code Location} (or null) and its JSON body. */
    public record Answer(int status, URI location, Object body) {
    }

    /**
     * Runs {@code work} once per key: without a key (null) it simply runs; with one, inside one transaction, a
     * stored answer for the same request is replayed, else {@code work} runs and its answer is stored with it.
     *
     * @param tenantId    the caller's school
     * @param principalId the caller
     * @param key         the header's value, or null
     * @param method      the HTTP method
     * @param path        the request path
     * @param request     the request body (hashed as JSON), or null
     * @param work        the request's own work, joining the transaction
     * @return the response to send
     * @throws ValidationException (422) for a malformed key
     * @throws KelasException      422 {@code IDEMPOTENCY_KEY_REUSED} when the key was used for another request
     */
    public Uni<Response> once(UUID tenantId, UUID principalId, String key, String method, String path, Object request,
                              Supplier<Uni<Answer>> work) {
        if (key == null) {
            return work.get().map(IdempotencyKeys::response);
        }
        if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            return Uni.createFrom().failure(new ValidationException(HEADER, "An Idempotency-Key is 1 to 255 printable ASCII characters"));
        }
        String hash = fingerprint(method, path, request);
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                                "delete from idempotency_key where tenant_id = ?1 and principal_id = ?2 and created_at < ?3")
                        .setParameter(1, tenantId).setParameter(2, principalId).setParameter(3, Instant.now().minus(RETENTION))
                        .executeUpdate()
                        // Waits here while another transaction holds the same key, then sees its committed row.
                        .chain(() -> session.createNativeQuery("insert into idempotency_key (tenant_id, principal_id,"
                                        + " idempotency_key, request_hash, response_status, response_body, created_at)"
                                        + " values (?1, ?2, ?3, ?4, 0, '', ?5) on conflict do nothing")
                                .setParameter(1, tenantId).setParameter(2, principalId).setParameter(3, key)
                                .setParameter(4, hash).setParameter(5, Instant.now()).executeUpdate())
                        .chain(inserted -> inserted == 1
                                ? work.get().call(answer -> store(tenantId, principalId, key, answer)).map(IdempotencyKeys::response)
                                : replay(tenantId, principalId, key, hash))));
    }

    private Uni<Integer> store(UUID tenantId, UUID principalId, String key, Answer answer) {
        String body;
        try {
            body = json.writeValueAsString(answer.body());
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("The answer is not serialisable", e));
        }
        return Panache.getSession().chain(session -> session.createNativeQuery("update idempotency_key set response_status = ?4,"
                        + " response_location = ?5, response_body = ?6 where tenant_id = ?1 and principal_id = ?2 and idempotency_key = ?3")
                .setParameter(1, tenantId).setParameter(2, principalId).setParameter(3, key).setParameter(4, answer.status())
                .setParameter(5, answer.location() == null ? null : answer.location().toString()).setParameter(6, body)
                .executeUpdate());
    }

    private Uni<Response> replay(UUID tenantId, UUID principalId, String key, String hash) {
        return Panache.getSession().chain(session -> session.createNativeQuery("select request_hash, response_status,"
                        + " response_location, response_body from idempotency_key where tenant_id = ?1 and principal_id = ?2"
                        + " and idempotency_key = ?3", Object[].class)
                .setParameter(1, tenantId).setParameter(2, principalId).setParameter(3, key).getSingleResult())
                .map(row -> {
                    if (!hash.equals(row[0])) {
                        throw new KelasException(422, ErrorCode.IDEMPOTENCY_KEY_REUSED,
                                "This Idempotency-Key was used for a different request; send a new key", List.of());
                    }
                    Response.ResponseBuilder replayed = Response.status(((Number) row[1]).intValue())
                            .type("application/json").entity(row[3]).header(REPLAYED_HEADER, "true");
                    if (row[2] != null) {
                        replayed.location(URI.create((String) row[2]));
                    }
                    return replayed.build();
                });
    }

    private static Response response(Answer answer) {
        Response.ResponseBuilder builder = Response.status(answer.status()).entity(answer.body());
        if (answer.location() != null) {
            builder.location(answer.location());
        }
        return builder.build();
    }

    private String fingerprint(String method, String path, Object request) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
            sha256.update(json.writeValueAsBytes(request));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot fingerprint the request", e);
        }
    }
}
