package dev.mci.cli.messages;

import dev.mci.cli.CliContext;
import dev.mci.cli.ExitCode;
import dev.mci.cli.support.Column;
import dev.mci.cli.support.OutputFormat;
import dev.mci.client.MimecastClient;
import dev.mci.client.messages.MessageInfo;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code mci messages info ID}: what Message Finder knows about one recipient's copy. */
@Command(
    name = "info",
    mixinStandardHelpOptions = true,
    description = {
      "Show Message Finder's record of one recipient's copy: receipt (sending IP, SPF/DKIM/DMARC),"
          + " delivery, policies applied, spam verdicts, any hold.",
      "ID is a Message Finder id (from 'mci messages search'), not an archive id."
    })
public final class MessagesInfoCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(paramLabel = "ID", description = "Message Finder id.")
  String id;

  public MessagesInfoCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    MessageInfo info;
    try (MimecastClient client = context.client()) {
      info = client.messages().info(id);
    }
    context.output().single(COLUMNS, info);
    if (context.format() == OutputFormat.TABLE) {
      PrintWriter out = context.out();
      List<Row> deliveries = new ArrayList<>();
      for (Map.Entry<String, MessageInfo.Delivery> entry : info.deliveries().entrySet()) {
        MessageInfo.Leg leg = entry.getValue().leg();
        deliveries.add(
            new Row(
                entry.getKey(),
                leg == null
                    ? ""
                    : leg.event()
                        + " to "
                        + leg.remoteHost()
                        + " ["
                        + leg.remoteIp()
                        + "] at "
                        + leg.end(),
                String.join(
                    ", ",
                    entry.getValue().policies().stream()
                        .map(p -> p.type() + ": " + p.name())
                        .toList())));
      }
      if (!deliveries.isEmpty()) {
        out.println();
        out.println("Deliveries:");
        context.output().rows(DELIVERY_COLUMNS, deliveries);
      }
      if (info.received() != null && info.received().leg() != null) {
        out.println();
        out.println("Components as received:");
        context.output().rows(COMPONENT_COLUMNS, info.received().leg().components());
      }
      out.flush();
    }
    return ExitCode.OK;
  }

  private record Row(String recipient, String delivery, String policies) {}

  private static final List<Column<Row>> DELIVERY_COLUMNS =
      List.of(
          Column.of("recipient", Row::recipient),
          Column.of("delivery", Row::delivery),
          Column.of("policies", Row::policies));

  private static final List<Column<MessageInfo.Component>> COMPONENT_COLUMNS =
      List.of(
          Column.of("type", MessageInfo.Component::type),
          Column.of("name", MessageInfo.Component::name),
          Column.of("size", MessageInfo.Component::size),
          Column.of("sha256", MessageInfo.Component::sha256));

  private static String check(MessageInfo.Check check) {
    return check == null ? "" : check.info();
  }

  static final List<Column<MessageInfo>> COLUMNS =
      List.of(
          Column.of("id", MessageInfo::id),
          Column.of("status", MessageInfo::status),
          Column.of(
              "subject",
              i ->
                  i.received() == null || i.received().message() == null
                      ? ""
                      : i.received().message().subject()),
          Column.of(
              "from (header)",
              i ->
                  i.received() == null || i.received().message() == null
                      ? ""
                      : i.received().message().fromHeader()),
          Column.of(
              "from (envelope)",
              i ->
                  i.received() == null || i.received().message() == null
                      ? ""
                      : i.received().message().fromEnvelope()),
          Column.of(
              "to",
              i ->
                  i.received() == null || i.received().message() == null
                      ? ""
                      : String.join("; ", i.received().message().to())),
          Column.of(
              "sending IP",
              i ->
                  i.received() == null || i.received().leg() == null
                      ? ""
                      : i.received().leg().remoteIp()),
          Column.of(
              "sending host",
              i ->
                  i.received() == null || i.received().leg() == null
                      ? ""
                      : i.received().leg().remoteHost()),
          Column.of(
              "receipt",
              i ->
                  i.received() == null || i.received().leg() == null
                      ? ""
                      : i.received().leg().event()),
          Column.of(
              "received at",
              i ->
                  i.received() == null || i.received().leg() == null
                      ? null
                      : i.received().leg().end()),
          Column.of("spf", i -> i.spam() == null ? "" : check(i.spam().spf())),
          Column.of("dkim", i -> i.spam() == null ? "" : check(i.spam().dkim())),
          Column.of("dmarc", i -> i.spam() == null ? "" : check(i.spam().dmarc())),
          Column.of(
              "permitted sender", i -> i.spam() == null ? "" : check(i.spam().permittedSender())),
          Column.of("spam score", i -> i.spam() == null ? null : i.spam().score()),
          Column.of("detection level", i -> i.spam() == null ? "" : i.spam().detectionLevel()),
          Column.of(
              "held",
              i -> i.queue() == null ? "" : i.queue().reason() + " since " + i.queue().created()));
}
