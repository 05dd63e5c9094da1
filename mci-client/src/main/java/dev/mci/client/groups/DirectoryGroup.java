package dev.mci.client.groups;

import java.util.Objects;
import java.util.Optional;

/**
 * A directory group, as find-groups lists it (reference 07 §2, a "folder").
 *
 * @param id the group id, a long opaque string; never hard-code or shorten it
 * @param name the group's name (the wire's {@code description}), e.g. {@code Permitted Senders}
 * @param source {@code cloud} or {@code ldap}
 * @param parentId the parent group's id; top-level groups name their account's root folder
 * @param userCount direct members (addresses and whole-domain entries)
 * @param folderCount direct sub-groups
 */
public record DirectoryGroup(
    String id,
    String name,
    String source,
    Optional<String> parentId,
    int userCount,
    int folderCount) {

  /** Checks nothing is null. */
  public DirectoryGroup {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(parentId, "parentId");
  }
}
