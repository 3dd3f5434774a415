package com.lakesail.backend.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Maps method + path to a {@link Route}. Templates are literal segments and {@code {param}} segments;
 * a literal beats a parameter at the same position, so {@code /v1/me/tokens} never matches
 * {@code /v1/{x}/tokens}.
 */
public final class Router {

    private final List<Route> routes = new ArrayList<>();

    public Router add(Route route) {
        routes.add(route);
        return this;
    }

    /** The route for this request, the methods the path allows (for a 405), or nothing (404). */
    public Result match(String method, String path) {
        String[] segments = split(path);
        Route best = null;
        Map<String, String> bestParams = null;
        int bestScore = -1;
        Set<String> allowed = new TreeSet<>();
        for (Route route : routes) {
            Map<String, String> params = new LinkedHashMap<>();
            int score = score(route.segments(), segments, params);
            if (score < 0) {
                continue;
            }
            allowed.add(route.method());
            if (route.method().equals(method) && score > bestScore) {
                best = route;
                bestParams = params;
                bestScore = score;
            }
        }
        return new Result(best == null ? Optional.empty() : Optional.of(new Match(best, Map.copyOf(bestParams))), allowed);
    }

    public List<Route> routes() {
        return List.copyOf(routes);
    }

    static String[] split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
    }

    /** Number of literal segments matched, or -1 when the template does not match. */
    private static int score(String[] template, String[] path, Map<String, String> params) {
        if (template.length != path.length) {
            return -1;
        }
        int literals = 0;
        for (int i = 0; i < template.length; i++) {
            String t = template[i];
            if (t.startsWith("{")) {
                if (path[i].isEmpty()) {
                    return -1;
                }
                params.put(t.substring(1, t.length() - 1), path[i]);
            } else if (t.equals(path[i])) {
                literals++;
            } else {
                return -1;
            }
        }
        return literals;
    }

    public record Match(Route route, Map<String, String> pathParams) {
    }

    public record Result(Optional<Match> match, Set<String> allowedMethods) {
    }
}
