package dev.mci.simulator.tenant;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A directory group (find-groups "folder", reference 07 §2).
 *
 * @param index position in {@link Tenant#groups()}
 * @param id opaque group id (family {@link IdFamily#GROUP})
 * @param description the group's name, e.g. {@code Permitted Senders}
 * @param source where the group comes from
 * @param parentId id of the parent group; absent for a root
 * @param members direct members
 */
public record Group(
    int index,
    String id,
    String description,
    Source source,
    Optional<String> parentId,
    List<GroupMember> members) {

  /** Where a group is maintained. */
  public enum Source {
    /** A Mimecast-native group. */
    CLOUD,
    /** A group synchronised from the customer's directory. */
    LDAP;

    /** The wire value: {@code cloud} or {@code ldap}. */
    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Copies the member list and checks nothing is null. */
  public Group {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(parentId, "parentId");
    members = List.copyOf(members);
  }
}
