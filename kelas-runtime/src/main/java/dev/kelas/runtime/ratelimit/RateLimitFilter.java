package dev.kelas.runtime.ratelimit;

import dev.kelas.runtime.problem.TooManyRequestsException;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The general rate limit of every API request (docs/edge.md#rate-limits): the request's route group
 * ({@link RouteGroups}) draws one request from the bucket of the signed-in user and from that of the client
 * address (proxy-aware: the edge's {@code X-Forwarded-For}), as the group configures. A refusal answers
 * 429 problem+json {@code RATE_LIMITED} with {@code Retry-After}; every limited answer, refused or not,
 * carries the {@code RateLimit-Policy} and {@code RateLimit} fields of the IETF RateLimit header fields
 * draft. An invalid token counts as anonymous here (the resource answers it 401).
 */
@ApplicationScoped
public class RateLimitFilter {
    private static final Logger LOG = Logger.getLogger(RateLimitFilter.class);
    private static final String QUOTAS = RateLimitFilter.class.getName() + ".quotas";

    @Inject
    RateLimitConfig config;
    @Inject
    Instance<DataSource> dataSource;
    @Inject
    CurrentIdentityAssociation identities;
    @Inject
    Vertx vertx;

    private RouteGroups groups;
    private RateLimiter limiter;

    void start(@Observes StartupEvent ignored) {
        groups = new RouteGroups(config);
        if (config.enabled()) {
            limiter = new RateLimiter(dataSource.get(), config.maxUnsynchronizedRequests(),
                    config.maxUnsynchronizedDelay(), config.cachedBuckets());
            vertx.setPeriodic(60_000, id -> vertx.executeBlocking(Uni.createFrom().item(() -> limiter.removeExpired(1000)), false)
                    .subscribe().with(removed -> { }, e -> LOG.debugf("Sweeping expired rate-limit buckets failed: %s", e.toString())));
        }
    }

    /** Draws from the request's buckets; fails with {@link TooManyRequestsException} when one is empty. */
    @ServerRequestFilter
    public Uni<Void> limit(ContainerRequestContext request, HttpServerRequest http) {
        if (limiter == null) {
            return Uni.createFrom().voidItem();
        }
        Optional<RouteGroups.Route> route = groups.classify(request.getMethod(), http.path());
        if (route.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        RateLimitConfig.Group group = route.get().limits();
        String name = route.get().name();
        String address = http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        Uni<Optional<String>> user = group.perUser().isPresent()
                ? identities.getDeferredIdentity().map(RateLimitFilter::userOf)
                    .onFailure().recoverWithItem(Optional.empty())
                : Uni.createFrom().item(Optional.empty());
        return user.chain(signedIn -> {
            List<RateLimiter.Limit> limits = new ArrayList<>(2);
            signedIn.ifPresent(id -> limits.add(new RateLimiter.Limit("user:" + name + ":" + id, name + "-user",
                    group.perUser().getAsInt(), group.window())));
            if (group.perAddress().isPresent()) {
                limits.add(new RateLimiter.Limit("address:" + name + ":" + address, name + "-address",
                        group.perAddress().getAsInt(), group.window()));
            }
            if (limits.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return vertx.executeBlocking(Uni.createFrom().item(() -> limiter.consume(limits)), false).map(quotas -> {
                request.setProperty(QUOTAS, quotas);
                long retryAfter = Quota.retryAfter(quotas);
                if (retryAfter > 0) {
                    throw new TooManyRequestsException("Too many requests (" + name + "): try again in "
                            + retryAfter + " s", retryAfter);
                }
                return null;
            });
        });
    }

    /** Adds the RateLimit header fields to an answer whose request was counted. */
    @ServerResponseFilter
    @SuppressWarnings("unchecked")
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        Object quotas = request.getProperty(QUOTAS);
        if (quotas instanceof List<?> list && !list.isEmpty()) {
            response.getHeaders().putSingle("RateLimit-Policy", Quota.policyHeader((List<Quota>) list));
            response.getHeaders().putSingle("RateLimit", Quota.rateLimitHeader((List<Quota>) list));
        }
    }

    private static Optional<String> userOf(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return Optional.empty();
        }
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null) {
            return Optional.of(token.getSubject());
        }
        return Optional.ofNullable(identity.getPrincipal().getName());
    }
}
