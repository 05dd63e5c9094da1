package dev.mci.client.urls;

import dev.mci.client.ApiError;
import java.util.Optional;

/**
 * The result of decoding one rewritten URL.
 *
 * @param input the URL as given to {@link UrlsApi#decode}
 * @param url the original URL, when decoding succeeded
 * @param success whether Mimecast decoded it
 * @param error why it failed, when Mimecast said
 */
public record DecodedUrl(
    String input, Optional<String> url, boolean success, Optional<ApiError> error) {}
