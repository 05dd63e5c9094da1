package dev.mci.client.groups;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a group (reference 07 §3): an address, or a whole domain.
 *
 * @param emailAddress the member address; empty for a whole-domain entry (the wire's {@code ""})
 * @param domain the member's domain, the only value of a whole-domain entry
 * @param internal whether the address or domain belongs to the account
 * @param type how the entry was made: {@code created_manually}, {@code created_by_email} or {@code
 *     contact_from_ldap} (a directory-synced entry)
 * @param name display name captured when the entry was made, often empty
 * @param notes an administrator's justification, when one was typed
 */
public record GroupMember(
    Optional<String> emailAddress,
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

  /** Whether the entry stands for every address of {@link #domain()}. */
  public boolean wholeDomain() {
    return emailAddress.isEmpty();
  }

  /** What the entry covers: the address, or the domain for a whole-domain entry. */
  public String entry() {
    return emailAddress.orElse(domain);
  }

  /** Whether this entry covers {@code address}: the same address, or its whole domain. */
  public boolean covers(String address) {
    String wanted = address.strip().toLowerCase(Locale.ROOT);
    if (emailAddress.isPresent()) {
      return emailAddress.get().equalsIgnoreCase(wanted);
    }
    int at = wanted.lastIndexOf('@');
    return at >= 0 && wanted.substring(at + 1).equals(domain.toLowerCase(Locale.ROOT));
  }
}
