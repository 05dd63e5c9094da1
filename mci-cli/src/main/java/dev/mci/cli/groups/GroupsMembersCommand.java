package dev.mci.cli.groups;

import dev.mci.cli.CliContext;
import dev.mci.cli.ExitCode;
import dev.mci.cli.support.Column;
import dev.mci.client.MimecastClient;
import dev.mci.client.groups.GroupMember;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code mci groups members}: every direct member of one group, every page. */
@Command(
    name = "members",
    mixinStandardHelpOptions = true,
    description = {
      "List every direct member of a group: addresses, and whole domains (shown as the domain,"
          + " kind 'domain').",
      "Every page is read: Mimecast silently caps unpaged directory calls."
    })
public final class GroupsMembersCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(paramLabel = "GROUP_ID", description = "The group id from 'mci groups find'.")
  String groupId;

  public GroupsMembersCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    try (MimecastClient client = context.client()) {
      context.output().rows(COLUMNS, client.groups().members(groupId));
    }
    return ExitCode.OK;
  }

  static final List<Column<GroupMember>> COLUMNS =
      List.of(
          Column.of("member", GroupMember::entry),
          Column.of("kind", m -> m.wholeDomain() ? "domain" : "address"),
          Column.of("internal", GroupMember::internal),
          Column.of("type", GroupMember::type),
          Column.of("name", GroupMember::name),
          Column.of("notes", GroupMember::notes));
}
