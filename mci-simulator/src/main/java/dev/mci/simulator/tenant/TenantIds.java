package dev.mci.simulator.tenant;

import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * Mints and reads the tenant's opaque identifiers without storing anything: an id encodes its
 * family, an index and a sub-coordinate, masked and checked with a key derived from the seed. A
 * garbled, truncated or foreign id (another seed) does not decode. Thread-safe.
 */
public final class TenantIds {

  private static final long MAX_INDEX = (1L << 48) - 1;
  private static final int ID_BYTES = 16;
  private static final int CHECKED_BYTES = 9;

  private final long key;

  TenantIds(long seed) {
    this.key = Rng.mix(seed, 0x1D5L, 0);
  }

  /** The id of {@code index} (and {@code sub}) in {@code family}. */
  public String encode(IdFamily family, long index, int sub) {
    if (index < 0 || index > MAX_INDEX || sub < 0 || sub > 0xFFFF) {
      throw new IllegalArgumentException("id coordinates out of range: " + index + "/" + sub);
    }
    byte[] bytes = new byte[ID_BYTES];
    bytes[0] = (byte) family.ordinal();
    putLong(bytes, 1, index, 6);
    putLong(bytes, 7, sub, 2);
    long check = check(family.ordinal(), index, sub);
    putLong(bytes, CHECKED_BYTES, check, 7);
    mask(bytes, check);
    return family.prefix() + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Decodes an id of any family; empty when it is not a valid id of this tenant. */
  public Optional<DecodedId> decode(String id) {
    if (id == null || id.length() < 4) {
      return Optional.empty();
    }
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(id.strip().substring(3));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (bytes.length != ID_BYTES) {
      return Optional.empty();
    }
    long check = getLong(bytes, CHECKED_BYTES, 7);
    mask(bytes, check);
    int familyOrdinal = bytes[0] & 0xFF;
    if (familyOrdinal >= IdFamily.values().length) {
      return Optional.empty();
    }
    IdFamily family = IdFamily.values()[familyOrdinal];
    long index = getLong(bytes, 1, 6);
    int sub = (int) getLong(bytes, 7, 2);
    if (check != check(familyOrdinal, index, sub) || !id.strip().startsWith(family.prefix())) {
      return Optional.empty();
    }
    return Optional.of(new DecodedId(family, index, sub));
  }

  /** Decodes an id that must belong to {@code family}; empty otherwise. */
  public Optional<DecodedId> decode(String id, IdFamily family) {
    return decode(id).filter(d -> d.family() == family);
  }

  /** The local part of a generated Message-ID header: 24 hex digits encoding the message index. */
  String messageIdLocalPart(long index) {
    byte[] bytes = new byte[12];
    putLong(bytes, 0, index, 5);
    long check = check(0xFF, index, 0);
    putLong(bytes, 5, check, 7);
    maskMessageId(bytes, check);
    StringBuilder hex = new StringBuilder(24);
    for (byte b : bytes) {
      hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
    }
    return hex.toString();
  }

  /** The message index a generated Message-ID local part stands for. */
  Optional<Long> messageIndexOfLocalPart(String localPart) {
    String hex = localPart.toLowerCase(Locale.ROOT);
    if (hex.length() != 24) {
      return Optional.empty();
    }
    byte[] bytes = new byte[12];
    for (int i = 0; i < 12; i++) {
      int hi = Character.digit(hex.charAt(2 * i), 16);
      int lo = Character.digit(hex.charAt(2 * i + 1), 16);
      if (hi < 0 || lo < 0) {
        return Optional.empty();
      }
      bytes[i] = (byte) (hi << 4 | lo);
    }
    long check = getLong(bytes, 5, 7);
    maskMessageId(bytes, check);
    long index = getLong(bytes, 0, 5);
    return check == check(0xFF, index, 0) ? Optional.of(index) : Optional.empty();
  }

  /** A keyed 56-bit check of the coordinates. */
  long check(int family, long index, int sub) {
    return Rng.mix(key, family * 0x10001L + sub, index) & 0x00FF_FFFF_FFFF_FFFFL;
  }

  private void mask(byte[] bytes, long check) {
    long mask = Rng.mix(key, check, 0x5EED);
    for (int i = 0; i < CHECKED_BYTES; i++) {
      bytes[i] ^= (byte) (mask >>> (8 * (i % 8)) ^ (i == 8 ? 0x5A : 0));
    }
  }

  private void maskMessageId(byte[] bytes, long check) {
    long mask = Rng.mix(key, check, 0x4D1D);
    for (int i = 0; i < 5; i++) {
      bytes[i] ^= (byte) (mask >>> (8 * i));
    }
  }

  private static void putLong(byte[] bytes, int offset, long value, int length) {
    for (int i = 0; i < length; i++) {
      bytes[offset + i] = (byte) (value >>> (8 * (length - 1 - i)));
    }
  }

  private static long getLong(byte[] bytes, int offset, int length) {
    long value = 0;
    for (int i = 0; i < length; i++) {
      value = value << 8 | (bytes[offset + i] & 0xFF);
    }
    return value;
  }
}
