package dev.kelas.runtime.ratelimit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Sorts a request into its rate-limit route group: the first group of {@link RateLimitConfig#order()}
 * whose pattern matches {@code "METHOD /path"}; preflights and the exempt prefixes are never limited.
 */
public final class RouteGroups {
    /** A group with its compiled pattern. */
    public record Route(String name, Pattern pattern, RateLimitConfig.Group limits) {
    }

    private final List<Route> routes;
    private final List<String> exemptPrefixes;

    /** Compiles the groups of {@code config}; throws {@link IllegalArgumentException} naming an unknown group. */
    public RouteGroups(RateLimitConfig config) {
        List<Route> compiled = new ArrayList<>();
        for (String name : config.order()) {
            RateLimitConfig.Group group = config.groups().get(name);
            if (group == null) {
                throw new IllegalArgumentException("kelas.rate-limit.order names group '" + name
                        + "', which has no kelas.rate-limit.groups." + name + ".match");
            }
            compiled.add(new Route(name, Pattern.compile(group.match()), group));
        }
        this.routes = List.copyOf(compiled);
        this.exemptPrefixes = List.copyOf(config.exemptPrefixes());
    }

    /** The group of a request with this method and path (no query), or empty when it is not limited. */
    public Optional<Route> classify(String method, String path) {
        if ("OPTIONS".equals(method) || path == null) {
            return Optional.empty();
        }
        for (String prefix : exemptPrefixes) {
            if (path.startsWith(prefix)) {
                return Optional.empty();
            }
        }
        String request = method + " " + path;
        for (Route route : routes) {
            if (route.pattern().matcher(request).matches()) {
                return Optional.of(route);
            }
        }
        return Optional.empty();
    }
}
