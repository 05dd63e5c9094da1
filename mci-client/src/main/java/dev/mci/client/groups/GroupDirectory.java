package dev.mci.client.groups;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable snapshot of groups and their direct members, for questions the API cannot answer in
 * one call: which groups is this address in, and is it in this group (counting nested groups)?
 * Build it with {@code client.groups().snapshot()} or, for tests and offline use, {@link #of}.
 *
 * <p>A group counts every member of the groups nested below it, as Mimecast applies a policy's
 * group to its sub-groups (UNVERIFIED in the API reference; it matches the Administration Console).
 */
public final class GroupDirectory {

  private final Map<String, DirectoryGroup> groups;
  private final Map<String, List<GroupMember>> members;

  private GroupDirectory(
      Map<String, DirectoryGroup> groups, Map<String, List<GroupMember>> members) {
    this.groups = groups;
    this.members = members;
  }

  /**
   * A snapshot of these groups and members.
   *
   * @param groups the groups, in the order they should be reported
   * @param membersByGroupId each group's direct members; a group without an entry has none
   */
  public static GroupDirectory of(
      List<DirectoryGroup> groups, Map<String, List<GroupMember>> membersByGroupId) {
    Map<String, DirectoryGroup> byId = new LinkedHashMap<>();
    for (DirectoryGroup group : groups) {
      byId.putIfAbsent(group.id(), group);
    }
    Map<String, List<GroupMember>> copy = new LinkedHashMap<>();
    membersByGroupId.forEach((id, list) -> copy.put(id, List.copyOf(list)));
    return new GroupDirectory(Collections.unmodifiableMap(byId), Collections.unmodifiableMap(copy));
  }

  /** The groups, in snapshot order. */
  public List<DirectoryGroup> groups() {
    return List.copyOf(groups.values());
  }

  /** The group with this id. */
  public Optional<DirectoryGroup> group(String id) {
    return Optional.ofNullable(groups.get(id));
  }

  /** The group with this name (case-insensitive); the first one when several share it. */
  public Optional<DirectoryGroup> groupNamed(String name) {
    return groups.values().stream().filter(g -> g.name().equalsIgnoreCase(name)).findFirst();
  }

  /** A group's direct members; empty for unknown groups. */
  public List<GroupMember> members(String groupId) {
    return members.getOrDefault(groupId, List.of());
  }

  /**
   * The groups with an entry covering {@code address} (the address itself or its whole domain), in
   * group order. Parent groups that hold it only through a nested group are left out, or every
   * address would be listed in the root folders; {@link #membership} counts them.
   */
  public List<GroupMembership> membershipsOf(String address) {
    List<GroupMembership> found = new ArrayList<>();
    if (address == null) {
      return found;
    }
    for (DirectoryGroup group : groups.values()) {
      for (GroupMember entry : members(group.id())) {
        if (entry.covers(address)) {
          found.add(new GroupMembership(group, group, entry));
          break;
        }
      }
    }
    return found;
  }

  /**
   * Why {@code address} belongs to the group {@code groupId}: its own entry first, else the first
   * nested group (depth first) that covers it; empty when it does not belong.
   */
  public Optional<GroupMembership> membership(String groupId, String address) {
    DirectoryGroup group = groups.get(groupId);
    if (group == null || address == null) {
      return Optional.empty();
    }
    return find(group, group, address, new LinkedHashSet<>());
  }

  /**
   * The account's own domains, as far as the snapshot shows them: the domains of entries Mimecast
   * marks as internal.
   */
  public Set<String> internalDomains() {
    Set<String> domains = new LinkedHashSet<>();
    members.values().stream()
        .flatMap(List::stream)
        .filter(GroupMember::internal)
        .forEach(m -> domains.add(m.domain().toLowerCase(Locale.ROOT)));
    return Set.copyOf(domains);
  }

  private Optional<GroupMembership> find(
      DirectoryGroup group, DirectoryGroup current, String address, Set<String> visited) {
    if (!visited.add(current.id())) {
      return Optional.empty();
    }
    for (GroupMember entry : members(current.id())) {
      if (entry.covers(address)) {
        return Optional.of(new GroupMembership(group, current, entry));
      }
    }
    for (DirectoryGroup child : groups.values()) {
      if (child.parentId().equals(Optional.of(current.id()))) {
        Optional<GroupMembership> nested = find(group, child, address, visited);
        if (nested.isPresent()) {
          return nested;
        }
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return "GroupDirectory[" + groups.size() + " groups]";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof GroupDirectory that
        && groups.equals(that.groups)
        && members.equals(that.members);
  }

  @Override
  public int hashCode() {
    return Objects.hash(groups, members);
  }
}
