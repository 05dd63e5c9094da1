package dev.mci.cli.demo;

import dev.mci.cli.CliContext;
import dev.mci.cli.ExitCode;
import dev.mci.cli.support.Json;
import dev.mci.client.MimecastClient;
import dev.mci.client.OAuth2Credentials;
import dev.mci.client.messages.MessageSearch;
import dev.mci.client.messages.TrackedEmail;
import dev.mci.client.urls.DecodedUrl;
import dev.mci.simulator.SimulatorConfig;
import dev.mci.simulator.SimulatorServer;
import dev.mci.simulator.TenantSize;
import dev.mci.simulator.tenant.MessageUrl;
import dev.mci.simulator.tenant.PhishingScenario;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mci demo}: starts the bundled simulator on a free loopback port and triages its planted
 * phishing report end to end over HTTP, as an analyst would against a real tenant. The only thing
 * taken from the simulator directly is the analyst's starting point (the reported sender and the
 * rewritten links from the user's report); everything else comes from API calls.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Start the built-in simulator and run the main job against its planted phishing report.",
      "Writes the results to a folder and says where."
    })
public final class DemoCommand implements Callable<Integer> {
  private static final DateTimeFormatter FOLDER_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private final CliContext context;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Result folder (default: ./mci-demo-TIME).")
  Path out;

  @Option(names = "--seed", paramLabel = "S", description = "Tenant seed (default: 42).")
  long seed = 42;

  public DemoCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter console = context.out();
    SimulatorConfig config =
        SimulatorConfig.builder().port(0).portV1(0).seed(seed).size(TenantSize.SMALL).build();
    try (SimulatorServer server = SimulatorServer.start(config);
        MimecastClient client =
            MimecastClient.builder()
                .baseUrl(server.baseUrl())
                .credentials(
                    new OAuth2Credentials(
                        server.credentials().clientId(), server.credentials().clientSecret()))
                .build()) {
      PhishingScenario report = server.tenant().scenario();
      console.println("Simulator running at " + server.baseUrl() + " (API 2.0, seed " + seed + ")");
      console.println(
          "Reported phish: from "
              + report.sender().address()
              + ", subject \""
              + report.subject()
              + "\"");

      Instant now = context.environment().clock().instant();
      MessageSearch bySender =
          MessageSearch.builder()
              .from(report.sender().domain())
              .start(now.minus(Duration.ofDays(7)))
              .end(now)
              .searchReason("mci demo: reported phish triage")
              .build();
      List<TrackedEmail> messages = client.messages().searchAll(bySender).stream().toList();
      List<DecodedUrl> urls =
          client.urls().decode(report.urls().stream().map(MessageUrl::rewritten).toList());

      Path folder =
          out != null
              ? out
              : context.environment().workDir().resolve("mci-demo-" + FOLDER_TIME.format(now));
      Files.createDirectories(folder);
      write(folder.resolve("messages.json"), messages);
      write(folder.resolve("decoded-urls.json"), urls);
      Path summary = folder.resolve("summary.md");
      Files.writeString(summary, summary(report.sender().domain(), messages, urls));

      console.println();
      console.print(summary(report.sender().domain(), messages, urls));
      console.println();
      console.println("Results written to " + folder.toAbsolutePath());
      console.flush();
    }
    return ExitCode.OK;
  }

  private static void write(Path file, Object value) {
    try {
      Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String summary(String senderDomain, List<TrackedEmail> messages, List<DecodedUrl> urls) {
    TreeSet<String> recipients = new TreeSet<>();
    Map<String, Integer> statuses = new LinkedHashMap<>();
    TreeSet<String> subjects = new TreeSet<>();
    TreeSet<String> senderIps = new TreeSet<>();
    for (TrackedEmail message : messages) {
      message.to().forEach(to -> recipients.add(to.emailAddress()));
      statuses.merge(message.status(), 1, Integer::sum);
      subjects.add(message.subject());
      if (message.senderIp() != null) {
        senderIps.add(message.senderIp());
      }
    }
    StringBuilder text = new StringBuilder();
    text.append("# Triage of mail from ").append(senderDomain).append(" (last 7 days)\n\n");
    text.append("- ")
        .append(messages.size())
        .append(" Message Finder rows, ")
        .append(recipients.size())
        .append(" distinct recipients\n");
    text.append("- delivery statuses: ").append(statuses).append('\n');
    text.append("- subjects: ").append(subjects).append('\n');
    text.append("- sending IPs: ").append(senderIps).append('\n');
    text.append("- rewritten links in the report decode to:\n");
    for (DecodedUrl url : urls) {
      text.append("  - ")
          .append(
              url.url().orElse("(not decoded: " + url.error().map(e -> e.code()).orElse("?") + ")"))
          .append('\n');
    }
    return text.toString();
  }
}
