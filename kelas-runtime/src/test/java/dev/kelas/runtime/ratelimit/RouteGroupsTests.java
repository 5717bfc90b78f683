package dev.kelas.runtime.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Which route group a request falls in, and the RateLimit header fields' text. */
class RouteGroupsTests {
    private static RateLimitConfig.Group group(String match) {
        return new RateLimitConfig.Group() {
            public String match() {
                return match;
            }

            public OptionalInt perUser() {
                return OptionalInt.of(10);
            }

            public OptionalInt perAddress() {
                return OptionalInt.empty();
            }

            public Duration window() {
                return Duration.ofMinutes(1);
            }
        };
    }

    private static RateLimitConfig config(List<String> order, Map<String, RateLimitConfig.Group> groups) {
        return new RateLimitConfig() {
            public boolean enabled() {
                return true;
            }

            public List<String> order() {
                return order;
            }

            public Map<String, Group> groups() {
                return groups;
            }

            public long maxUnsynchronizedRequests() {
                return 0;
            }

            public Duration maxUnsynchronizedDelay() {
                return Duration.ZERO;
            }

            public int cachedBuckets() {
                return 10;
            }

            public List<String> exemptPrefixes() {
                return List.of("/q/", "/healthz");
            }
        };
    }

    private static RouteGroups defaults() {
        Map<String, RateLimitConfig.Group> groups = new LinkedHashMap<>();
        groups.put("login", group("POST /api/v1/auth/login"));
        groups.put("run", group("POST /api/v1/lab/.*/runs?"));
        groups.put("writes", group("(POST|PUT|PATCH|DELETE) /.*"));
        groups.put("reads", group("(GET|HEAD) /.*"));
        return new RouteGroups(config(List.of("login", "run", "writes", "reads"), groups));
    }

    private static String groupOf(String method, String path) {
        return defaults().classify(method, path).map(RouteGroups.Route::name).orElse("none");
    }

    @Test
    void shouldPickTheFirstMatchingGroupInOrder() {
        assertEquals("login", groupOf("POST", "/api/v1/auth/login"));
        assertEquals("writes", groupOf("POST", "/api/v1/auth/login/extra"));
        assertEquals("run", groupOf("POST", "/api/v1/lab/tasks/8f/runs"));
        assertEquals("writes", groupOf("DELETE", "/api/v1/classes/1"));
        assertEquals("reads", groupOf("GET", "/api/v1/auth/me"));
        assertEquals("reads", groupOf("HEAD", "/api/v1/classes"));
    }

    @Test
    void shouldNeverLimitPreflightsOrExemptPaths() {
        assertEquals("none", groupOf("OPTIONS", "/api/v1/auth/login"));
        assertEquals("none", groupOf("GET", "/q/health/ready"));
        assertEquals("none", groupOf("GET", "/healthz"));
    }

    @Test
    void shouldRefuseAnOrderThatNamesAMissingGroup() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RouteGroups(config(List.of("login", "ghost"), Map.of("login", group("POST /x")))));
        assertTrue(e.getMessage().contains("ghost"), e.getMessage());
    }

    @Test
    void shouldWriteTheRateLimitFieldsOfTheIetfDraft() {
        List<Quota> quotas = List.of(new Quota("writes-user", 120, 60, 0, 1, false, 1),
                new Quota("writes-address", 3000, 60, 2990, 4, true, 0));
        assertEquals("\"writes-user\";q=120;w=60, \"writes-address\";q=3000;w=60", Quota.policyHeader(quotas));
        assertEquals("\"writes-user\";r=0;t=1, \"writes-address\";r=2990;t=4", Quota.rateLimitHeader(quotas));
        assertEquals(1, Quota.retryAfter(quotas));
        assertEquals(0, Quota.retryAfter(quotas.subList(1, 2)));
    }
}
