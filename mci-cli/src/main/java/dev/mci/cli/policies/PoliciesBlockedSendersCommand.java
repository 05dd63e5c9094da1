package dev.mci.cli.policies;

import dev.mci.cli.CliContext;
import dev.mci.cli.ExitCode;
import dev.mci.cli.support.Column;
import dev.mci.cli.support.OutputFormat;
import dev.mci.client.MimecastClient;
import dev.mci.client.groups.GroupSearch;
import dev.mci.client.groups.GroupSource;
import dev.mci.client.policies.BlockedSenderPolicy;
import dev.mci.client.policies.PolicyScope;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mci policies blocked-senders}: every Blocked Senders policy, or one by id. */
@Command(
    name = "blocked-senders",
    mixinStandardHelpOptions = true,
    description = {
      "List Blocked Senders policies: who they cover (sender and recipient), which sender address"
          + " they read, dates, IP ranges, override and bidirectional flags.",
      "Dates show 'eternal' when the policy has no limit."
    })
public final class PoliciesBlockedSendersCommand implements Callable<Integer> {
  private final CliContext context;

  @Option(names = "--id", paramLabel = "ID", description = "Show only the policy with this id.")
  String id;

  public PoliciesBlockedSendersCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    try (MimecastClient client = context.client()) {
      List<BlockedSenderPolicy> policies =
          id != null
              ? List.of(client.policies().blockedSender(id))
              : client.policies().blockedSenders();
      Map<String, String> groupNames = groupNames(client, policies);
      List<Column<BlockedSenderPolicy>> columns = columns(groupNames);
      if (id != null) {
        context.output().single(columns, policies.get(0));
      } else {
        context.output().rows(columns, policies);
      }
    }
    return ExitCode.OK;
  }

  /**
   * Group names for the {@code profile_group} scopes, so people read "Permitted Senders" rather
   * than an id: one find-groups listing per source, only when a policy names a group and the output
   * is for people (JSON keeps the policy as Mimecast sent it).
   */
  private Map<String, String> groupNames(
      MimecastClient client, List<BlockedSenderPolicy> policies) {
    boolean namesGroups = policies.stream().anyMatch(p -> isGroup(p.from()) || isGroup(p.to()));
    Map<String, String> names = new HashMap<>();
    if (!namesGroups
        || context.format() == OutputFormat.JSON
        || context.format() == OutputFormat.NDJSON) {
      return names;
    }
    for (GroupSource source : GroupSource.values()) {
      client
          .groups()
          .find(GroupSearch.all().from(source))
          .forEach(group -> names.putIfAbsent(group.id(), group.name()));
    }
    return names;
  }

  private static boolean isGroup(PolicyScope scope) {
    return scope.type().equalsIgnoreCase("profile_group") && scope.value().isPresent();
  }

  private static String scope(PolicyScope scope, Map<String, String> groupNames) {
    if (isGroup(scope) && groupNames.containsKey(scope.value().get())) {
      return scope.type() + " " + groupNames.get(scope.value().get());
    }
    return scope.toString();
  }

  static List<Column<BlockedSenderPolicy>> columns(Map<String, String> groupNames) {
    return List.of(
        Column.of("description", BlockedSenderPolicy::description),
        Column.of("option", BlockedSenderPolicy::option),
        Column.of("from", p -> scope(p.from(), groupNames)),
        Column.of("to", p -> scope(p.to(), groupNames)),
        Column.of("fromPart", BlockedSenderPolicy::fromPart),
        Column.of("validFrom", p -> date(p.validFrom())),
        Column.of("validUntil", p -> date(p.validUntil())),
        Column.of("sourceIPs", p -> String.join(" ", p.sourceIps())),
        Column.of("override", BlockedSenderPolicy::override),
        Column.of("bidirectional", BlockedSenderPolicy::bidirectional),
        Column.of("enabled", BlockedSenderPolicy::enabled),
        Column.of("id", BlockedSenderPolicy::id));
  }

  private static String date(Optional<Instant> date) {
    return date.map(Instant::toString).orElse("eternal");
  }
}
