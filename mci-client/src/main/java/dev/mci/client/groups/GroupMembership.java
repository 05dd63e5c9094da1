package dev.mci.client.groups;

import java.util.Objects;

/**
 * Why an address belongs to a group.
 *
 * @param group the group the address belongs to
 * @param holder the group whose entry covers the address: {@code group} itself, or a group nested
 *     somewhere below it
 * @param entry the entry that covers the address (the address itself, or its whole domain)
 */
public record GroupMembership(DirectoryGroup group, DirectoryGroup holder, GroupMember entry) {

  /** Checks nothing is null. */
  public GroupMembership {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(holder, "holder");
    Objects.requireNonNull(entry, "entry");
  }

  /** Whether the membership comes through a nested group rather than a direct entry. */
  public boolean nested() {
    return !group.id().equals(holder.id());
  }

  /**
   * One line for people, e.g. {@code Permitted Senders: entry billing@x.example (created_manually,
   * note "Approved by finance")}.
   */
  public String describe() {
    StringBuilder text = new StringBuilder(group.name()).append(": ");
    text.append(entry.wholeDomain() ? "whole domain " : "entry ").append(entry.entry());
    if (nested()) {
      text.append(" in nested group ").append(holder.name());
    }
    text.append(" (").append(entry.type());
    entry.notes().ifPresent(note -> text.append(", note \"").append(note).append('"'));
    return text.append(')').toString();
  }
}
