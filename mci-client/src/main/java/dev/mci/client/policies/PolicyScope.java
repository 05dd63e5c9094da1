package dev.mci.client.policies;

import java.util.Objects;
import java.util.Optional;

/**
 * Who a policy's sender or recipient side covers (reference 07 §1.1, {@code policy.from} / {@code
 * policy.to}).
 *
 * @param type {@code everyone}, {@code internal_addresses}, {@code external_addresses}, {@code
 *     email_domain}, {@code individual_email_address}, {@code profile_group}, or another type
 *     Mimecast reports (kept as sent)
 * @param value the domain ({@code emailDomain}), address ({@code emailAddress}) or group id ({@code
 *     groupId}) the type needs; empty for the types that need none
 */
public record PolicyScope(String type, Optional<String> value) {

  /** Checks nothing is null. */
  public PolicyScope {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
  }

  /** A scope without a value, such as {@code everyone}. */
  public static PolicyScope of(String type) {
    return new PolicyScope(type, Optional.empty());
  }

  /** A scope with a value, such as {@code email_domain} and the domain. */
  public static PolicyScope of(String type, String value) {
    return new PolicyScope(type, Optional.of(value));
  }

  /** {@code type} and, when set, {@code value}: e.g. {@code email_domain vendor.example}. */
  @Override
  public String toString() {
    return value.map(v -> type + " " + v).orElse(type);
  }
}
