package dev.mci.client;

import java.net.URI;

/**
 * Mimecast API hosts. API 2.0 has a global host and regional gateways ({@code *.services}); API 1.0
 * has one host per data-centre region ({@code *-api.mimecast.com}).
 */
public enum MimecastRegion {
  /** API 2.0 global gateway; routes to the tenant's region. The default for MCI. */
  GLOBAL("https://api.services.mimecast.com", ApiGeneration.V2_OAUTH),
  /** API 2.0 UK gateway. */
  UK("https://uk-api.services.mimecast.com", ApiGeneration.V2_OAUTH),
  /** API 2.0 US gateway. */
  US("https://us-api.services.mimecast.com", ApiGeneration.V2_OAUTH),
  /** API 1.0 Europe (UK). */
  EU("https://eu-api.mimecast.com", ApiGeneration.V1_HMAC),
  /** API 1.0 Germany. */
  DE("https://de-api.mimecast.com", ApiGeneration.V1_HMAC),
  /** API 1.0 United States, grid A. */
  US_A("https://us-api.mimecast.com", ApiGeneration.V1_HMAC),
  /** API 1.0 United States, grid B ("USB"). */
  US_B("https://usb-api.mimecast.com", ApiGeneration.V1_HMAC),
  /** API 1.0 Canada. */
  CA("https://ca-api.mimecast.com", ApiGeneration.V1_HMAC),
  /** API 1.0 South Africa. */
  ZA("https://za-api.mimecast.com", ApiGeneration.V1_HMAC),
  /** API 1.0 Australia. */
  AU("https://au-api.mimecast.com", ApiGeneration.V1_HMAC),
  /** API 1.0 offshore (Jersey); the host name is not confirmed by every source. */
  JE("https://je-api.mimecast.com", ApiGeneration.V1_HMAC),
  /** API 1.0 US public sector. */
  USPCOM("https://uspcom-api.mimecast-pscom-us.com", ApiGeneration.V1_HMAC);

  private final URI baseUrl;
  private final ApiGeneration generation;

  MimecastRegion(String baseUrl, ApiGeneration generation) {
    this.baseUrl = URI.create(baseUrl);
    this.generation = generation;
  }

  /** The base URL of this region's API host, without a trailing slash. */
  public URI baseUrl() {
    return baseUrl;
  }

  /** The API generation this host serves. */
  public ApiGeneration generation() {
    return generation;
  }
}
