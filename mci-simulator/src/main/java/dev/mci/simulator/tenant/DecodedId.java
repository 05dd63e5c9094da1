package dev.mci.simulator.tenant;

import java.util.Objects;

/**
 * What an opaque id stands for.
 *
 * @param family the id family
 * @param index index of the message (or group, ...) it names
 * @param sub a second coordinate, e.g. the recipient or attachment position; 0 when unused
 */
public record DecodedId(IdFamily family, long index, int sub) {

  /** Checks the family is present and numbers are not negative. */
  public DecodedId {
    Objects.requireNonNull(family, "family");
    if (index < 0 || sub < 0) {
      throw new IllegalArgumentException("negative id coordinates");
    }
  }
}
