package dev.mci.client.groups;

import java.util.Objects;
import java.util.Optional;

/**
 * What find-groups should list: groups whose name contains {@code query} (Mimecast's matching rule
 * is not documented), from one source or, when none is given, whatever the server lists by default.
 *
 * @param query text to match against group names
 * @param source {@code cloud} or {@code ldap} groups only
 */
public record GroupSearch(Optional<String> query, Optional<GroupSource> source) {

  /** Checks nothing is null and treats a blank query as none. */
  public GroupSearch {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(source, "source");
    query = query.map(String::strip).filter(q -> !q.isEmpty());
  }

  /** Every group. */
  public static GroupSearch all() {
    return new GroupSearch(Optional.empty(), Optional.empty());
  }

  /** Groups whose name contains {@code query}. */
  public static GroupSearch named(String query) {
    return new GroupSearch(Optional.ofNullable(query), Optional.empty());
  }

  /** The same search limited to one source. */
  public GroupSearch from(GroupSource source) {
    return new GroupSearch(query, Optional.of(source));
  }
}
