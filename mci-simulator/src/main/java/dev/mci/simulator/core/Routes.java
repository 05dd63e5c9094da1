package dev.mci.simulator.core;

import dev.mci.simulator.ApiGeneration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The route table both listeners share. API areas register {@code /api/...} endpoints with {@link
 * #post}; everything else (token endpoint, REST-style resources, downloads) with {@link #raw}.
 */
public final class Routes {

  /** A registered {@code /api/...} endpoint. */
  record ApiRoute(String path, Set<ApiGeneration> generations, ApiHandler handler) {}

  /** A registered non-envelope route; a path ending in {@code *} matches by prefix. */
  record RawRoute(
      String method,
      String path,
      Set<ApiGeneration> generations,
      boolean authenticated,
      RawHandler handler) {

    boolean matches(String requestPath) {
      return path.endsWith("*")
          ? requestPath.startsWith(path.substring(0, path.length() - 1))
          : path.equals(requestPath);
    }
  }

  private final Map<String, ApiRoute> api = new ConcurrentHashMap<>();
  private final List<RawRoute> raw = new CopyOnWriteArrayList<>();

  /** Registers an {@code /api/...} endpoint served on both listeners. */
  public void post(String path, ApiHandler handler) {
    post(path, EnumSet.allOf(ApiGeneration.class), handler);
  }

  /** Registers an {@code /api/...} endpoint served on the given listeners only. */
  public void post(String path, Set<ApiGeneration> generations, ApiHandler handler) {
    Objects.requireNonNull(handler, "handler");
    if (!path.startsWith("/api/")) {
      throw new IllegalArgumentException("envelope endpoints live under /api/, not " + path);
    }
    if (api.putIfAbsent(path, new ApiRoute(path, Set.copyOf(generations), handler)) != null) {
      throw new IllegalStateException("route registered twice: " + path);
    }
  }

  /**
   * Registers a route outside the envelope.
   *
   * @param method HTTP method
   * @param path exact path, or a prefix followed by {@code *}
   * @param generations listeners serving it
   * @param authenticated whether the listener's auth scheme is checked first (errors in the flat
   *     form)
   */
  public void raw(
      String method,
      String path,
      Set<ApiGeneration> generations,
      boolean authenticated,
      RawHandler handler) {
    raw.add(new RawRoute(method, path, Set.copyOf(generations), authenticated, handler));
  }

  Optional<ApiRoute> api(ApiGeneration generation, String path) {
    return Optional.ofNullable(api.get(path)).filter(r -> r.generations().contains(generation));
  }

  /** Whether an envelope endpoint exists on another listener only. */
  boolean apiOnlyElsewhere(ApiGeneration generation, String path) {
    ApiRoute route = api.get(path);
    return route != null && !route.generations().contains(generation);
  }

  List<RawRoute> raw(ApiGeneration generation, String path) {
    return raw.stream()
        .filter(r -> r.generations().contains(generation) && r.matches(path))
        .toList();
  }
}
