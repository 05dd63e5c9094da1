package dev.mci.simulator.tenant;

import java.util.Objects;

/**
 * A mail domain the tenant exchanges mail with.
 *
 * @param name domain name, lower case
 * @param internal whether the tenant owns it
 * @param kind what kind of sender it is
 * @param brand a human name for the organisation behind it
 * @param sendingIp the IP its mail arrives from (the tenant's own gateway IP for internal domains)
 */
public record Domain(String name, boolean internal, Kind kind, String brand, String sendingIp) {

  /** What kind of correspondent a domain is. */
  public enum Kind {
    /** The tenant's own domain. */
    INTERNAL,
    /** A supplier sending invoices and orders. */
    VENDOR,
    /** A business partner; people writing to people. */
    PARTNER,
    /** Newsletters and marketing. */
    NEWSLETTER,
    /** A software service sending notifications. */
    SAAS,
    /** A free webmail provider. */
    FREEMAIL,
    /** Junk and scam senders. */
    SPAM,
    /** The planted phishing scenario's lookalike domain. */
    LOOKALIKE
  }

  /** Checks nothing is null. */
  public Domain {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(brand, "brand");
    Objects.requireNonNull(sendingIp, "sendingIp");
  }
}
