package dev.mci.cli.groups;

import dev.mci.cli.CliContext;
import dev.mci.cli.ExitCode;
import dev.mci.cli.support.Column;
import dev.mci.client.MimecastClient;
import dev.mci.client.groups.DirectoryGroup;
import dev.mci.client.groups.GroupSearch;
import dev.mci.client.groups.GroupSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mci groups find}: groups whose name contains a text, every page. */
@Command(
    name = "find",
    mixinStandardHelpOptions = true,
    description = {
      "List directory groups whose name contains QUERY (all groups without one), with their ids,"
          + " member and sub-group counts.",
      "Use the id with 'mci groups members'."
    })
public final class GroupsFindCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(
      arity = "0..1",
      paramLabel = "QUERY",
      description = "Text the group name contains, e.g. \"Permitted Senders\".")
  String query;

  @Option(
      names = "--source",
      paramLabel = "SOURCE",
      description = "Only groups from: ${COMPLETION-CANDIDATES} (cloud = Mimecast-native).")
  GroupSource source;

  public GroupsFindCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    GroupSearch search = new GroupSearch(Optional.ofNullable(query), Optional.ofNullable(source));
    try (MimecastClient client = context.client()) {
      context.output().rows(COLUMNS, client.groups().find(search));
    }
    return ExitCode.OK;
  }

  static final List<Column<DirectoryGroup>> COLUMNS =
      List.of(
          Column.of("name", DirectoryGroup::name),
          Column.of("source", DirectoryGroup::source),
          Column.of("members", DirectoryGroup::userCount),
          Column.of("subgroups", DirectoryGroup::folderCount),
          Column.of("id", DirectoryGroup::id),
          Column.of("parentId", DirectoryGroup::parentId));
}
