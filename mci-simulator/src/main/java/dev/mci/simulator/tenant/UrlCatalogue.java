package dev.mci.simulator.tenant;

import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The URLs that appear in message bodies, each with its URL Protect rewrite. The rewrite token
 * encodes the URL's catalogue index with a keyed check, so decode-url resolves it without a lookup
 * table and rejects anything the tenant did not mint.
 */
final class UrlCatalogue {

  private static final long SALT_URLS = 0x0751L;
  private static final String ALPHABET =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final BigInteger BASE = BigInteger.valueOf(ALPHABET.length());
  private static final int TOKEN_LENGTH = 15;
  private static final int TOKEN_BYTES = 11;
  private static final Pattern PROTECT_HOST = Pattern.compile("protect-[a-z0-9]+\\.mimecast\\.com");

  private final TenantIds ids;
  private final String region;
  private final List<MessageUrl> urls = new ArrayList<>();
  private final List<List<Integer>> byDomain = new ArrayList<>();

  UrlCatalogue(TenantIds ids, String region) {
    this.ids = ids;
    this.region = region;
  }

  /**
   * Adds {@code count} URLs on {@code domain}; returns nothing, index them with {@link #forDomain}.
   */
  void addDomain(long seed, int domainSlot, Domain domain, int count) {
    while (byDomain.size() <= domainSlot) {
      byDomain.add(new ArrayList<>());
    }
    boolean malicious = domain.kind() == Domain.Kind.SPAM;
    for (int i = 0; i < count; i++) {
      Rng r = Rng.of(seed, SALT_URLS, (long) domainSlot << 20 | i);
      String host;
      String path;
      if (malicious) {
        host = "secure-login." + domain.name();
        path = "/verify?u=" + r.between(10000, 999999);
      } else {
        host = (domain.kind() == Domain.Kind.NEWSLETTER ? "links." : "www.") + domain.name();
        path = r.pick(Names.URL_PATHS) + "?ref=" + r.between(1000, 99999);
      }
      String scheme = malicious && r.chance(0.5) ? "http://" : "https://";
      byDomain.get(domainSlot).add(urls.size());
      add(scheme + host + path, category(domain.kind()), malicious);
    }
  }

  /** Adds one URL and returns it with its rewrite. */
  MessageUrl add(String original, String category, boolean malicious) {
    MessageUrl url = new MessageUrl(original, rewrite(urls.size(), original), category, malicious);
    urls.add(url);
    return url;
  }

  List<MessageUrl> all() {
    return List.copyOf(urls);
  }

  MessageUrl get(int index) {
    return urls.get(index);
  }

  int size() {
    return urls.size();
  }

  /** Catalogue indexes of the URLs on the domain in {@code domainSlot}. */
  List<Integer> forDomain(int domainSlot) {
    return domainSlot < byDomain.size() ? byDomain.get(domainSlot) : List.of();
  }

  /** The catalogue entry a rewritten URL stands for; empty unless this tenant minted it. */
  Optional<MessageUrl> decode(String rewritten) {
    if (rewritten == null) {
      return Optional.empty();
    }
    URI uri;
    try {
      uri = new URI(rewritten.strip());
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    if (!PROTECT_HOST.matcher(host).matches() || !path.startsWith("/s/")) {
      return Optional.empty();
    }
    return indexOf(path.substring(3)).filter(i -> i < urls.size()).map(urls::get);
  }

  private String rewrite(int index, String original) {
    String host = URI.create(original).getHost();
    return "https://protect-" + region + ".mimecast.com/s/" + token(index) + "?domain=" + host;
  }

  private String token(int index) {
    byte[] bytes = new byte[TOKEN_BYTES];
    long check = ids.check(0xFE, index, 0);
    long mask = Rng.mix(check, 0x7E57L, 0);
    for (int i = 0; i < 4; i++) {
      bytes[i] = (byte) ((index >>> (8 * (3 - i))) ^ (mask >>> (8 * i)));
    }
    for (int i = 0; i < 7; i++) {
      bytes[4 + i] = (byte) (check >>> (8 * (6 - i)));
    }
    BigInteger value = new BigInteger(1, bytes);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < TOKEN_LENGTH; i++) {
      BigInteger[] qr = value.divideAndRemainder(BASE);
      text.append(ALPHABET.charAt(qr[1].intValue()));
      value = qr[0];
    }
    return text.reverse().toString();
  }

  private Optional<Integer> indexOf(String token) {
    if (token.length() != TOKEN_LENGTH) {
      return Optional.empty();
    }
    BigInteger value = BigInteger.ZERO;
    for (char c : token.toCharArray()) {
      int digit = ALPHABET.indexOf(c);
      if (digit < 0) {
        return Optional.empty();
      }
      value = value.multiply(BASE).add(BigInteger.valueOf(digit));
    }
    if (value.bitLength() > TOKEN_BYTES * 8) {
      return Optional.empty();
    }
    byte[] raw = value.toByteArray();
    byte[] bytes = new byte[TOKEN_BYTES];
    int copy = Math.min(raw.length, TOKEN_BYTES);
    System.arraycopy(raw, raw.length - copy, bytes, TOKEN_BYTES - copy, copy);
    long check = 0;
    for (int i = 0; i < 7; i++) {
      check = check << 8 | (bytes[4 + i] & 0xFF);
    }
    long mask = Rng.mix(check, 0x7E57L, 0);
    int index = 0;
    for (int i = 0; i < 4; i++) {
      index = index << 8 | ((bytes[i] ^ (byte) (mask >>> (8 * i))) & 0xFF);
    }
    return index >= 0 && ids.check(0xFE, index, 0) == check ? Optional.of(index) : Optional.empty();
  }

  private static String category(Domain.Kind kind) {
    switch (kind) {
      case NEWSLETTER:
        return "News and Media";
      case SAAS:
        return "Computers and Technology";
      case FREEMAIL:
        return "Web-based Email";
      case SPAM:
      case LOOKALIKE:
        return "Phishing & Fraud";
      default:
        return "Business";
    }
  }
}
