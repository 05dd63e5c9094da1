package dev.mci.simulator.tenant;

import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a directory group (reference 07 §3).
 *
 * @param emailAddress the member address; empty for a whole-domain entry
 * @param domain the member's domain (the only value of a whole-domain entry)
 * @param internal whether the address or domain belongs to the tenant
 * @param type how the entry was created: {@code created_manually}, {@code created_by_email} or
 *     {@code contact_from_ldap}
 * @param name display name captured at creation, may be empty
 * @param notes an administrator's justification, when one was typed
 */
public record GroupMember(
    String emailAddress,
    String domain,
    boolean internal,
    String type,
    String name,
    Optional<String> notes) {

  /** Checks nothing is null. */
  public GroupMember {
    Objects.requireNonNull(emailAddress, "emailAddress");
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(notes, "notes");
  }

  /** Whether this entry stands for a whole domain rather than one address. */
  public boolean wholeDomain() {
    return emailAddress.isEmpty();
  }
}
