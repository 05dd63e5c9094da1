package dev.mci.client.internal;

import dev.mci.client.ApiGeneration;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/** Rules for the hosts the client talks to. */
public final class BaseUrls {

  private BaseUrls() {}

  /**
   * Why a URL may not be used, or null if it may: it must be absolute and use https, except that
   * plain http is allowed to loopback hosts (127.0.0.0/8, ::1, localhost) for local simulators.
   */
  public static String insecureReason(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost();
    if (!uri.isAbsolute() || host == null || host.isEmpty()) {
      return "'" + uri + "' is not an absolute URL with a host";
    }
    if (scheme.equals("https")) {
      return null;
    }
    if (scheme.equals("http")) {
      return isLoopback(host)
          ? null
          : "plain http is only allowed to loopback hosts (127.0.0.0/8, ::1, localhost), not to "
              + host
              + "; use https";
    }
    return "scheme '" + scheme + "' is not supported; use https";
  }

  /** Whether a host name is loopback by its literal form; names are never resolved. */
  public static boolean isLoopback(String host) {
    String name = host.toLowerCase(Locale.ROOT);
    if (name.startsWith("[") && name.endsWith("]")) {
      name = name.substring(1, name.length() - 1);
    }
    if (name.equals("localhost") || name.equals("::1") || name.equals("0:0:0:0:0:0:0:1")) {
      return true;
    }
    String[] parts = name.split("\\.", -1);
    if (parts.length != 4 || !parts[0].equals("127")) {
      return false;
    }
    for (String part : parts) {
      if (!part.matches("\\d{1,3}") || Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return true;
  }

  /**
   * The API generation a known Mimecast host serves: {@code *.services.mimecast.com} is API 2.0;
   * {@code *-api.mimecast.com}, {@code api.mimecast.com} and the US public-sector host are API 1.0.
   * Other hosts (simulators, proxies) are unknown.
   */
  public static Optional<ApiGeneration> generationOf(String host) {
    String name = host.toLowerCase(Locale.ROOT);
    if (name.equals("services.mimecast.com") || name.endsWith(".services.mimecast.com")) {
      return Optional.of(ApiGeneration.V2_OAUTH);
    }
    if (name.endsWith("-api.mimecast.com")
        || name.equals("api.mimecast.com")
        || name.endsWith(".mimecast-pscom-us.com")) {
      return Optional.of(ApiGeneration.V1_HMAC);
    }
    return Optional.empty();
  }
}
