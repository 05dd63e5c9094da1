package dev.mci.client.policies;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** IP literals and CIDR ranges, parsed without any name lookup. */
final class Cidr {

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]+");

  private Cidr() {}

  /** The address bytes of an IPv4 or IPv6 literal; empty for anything else (names included). */
  static Optional<byte[]> literal(String text) {
    String value = text.strip();
    if (IPV4.matcher(value).matches()) {
      String[] parts = value.split("\\.");
      byte[] bytes = new byte[4];
      for (int i = 0; i < 4; i++) {
        int octet = Integer.parseInt(parts[i]);
        if (octet > 255) {
          return Optional.empty();
        }
        bytes[i] = (byte) octet;
      }
      return Optional.of(bytes);
    }
    if (value.contains(":") && IPV6.matcher(value).matches()) {
      try {
        // A literal with a colon is parsed, never resolved.
        byte[] bytes = InetAddress.getByName(value).getAddress();
        return bytes.length == 16 ? Optional.of(bytes) : Optional.empty();
      } catch (UnknownHostException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /**
   * Whether {@code ip} is inside {@code range} ({@code a.b.c.d/n}, an IPv6 range, or a single
   * address); empty when either cannot be parsed.
   */
  static Optional<Boolean> contains(String range, String ip) {
    String[] parts = range.strip().split("/", 2);
    Optional<byte[]> network = literal(parts[0]);
    Optional<byte[]> address = literal(ip);
    if (network.isEmpty() || address.isEmpty() || network.get().length != address.get().length) {
      return network.isEmpty() || address.isEmpty() ? Optional.empty() : Optional.of(false);
    }
    int bits = network.get().length * 8;
    int prefix = bits;
    if (parts.length == 2) {
      try {
        prefix = Integer.parseInt(parts[1].strip());
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
      if (prefix < 0 || prefix > bits) {
        return Optional.empty();
      }
    }
    if (prefix == 0) {
      return Optional.of(true);
    }
    BigInteger mask =
        BigInteger.ONE
            .shiftLeft(bits)
            .subtract(BigInteger.ONE)
            .shiftRight(bits - prefix)
            .shiftLeft(bits - prefix);
    BigInteger net = new BigInteger(1, network.get()).and(mask);
    BigInteger addr = new BigInteger(1, address.get()).and(mask);
    return Optional.of(net.equals(addr));
  }
}
