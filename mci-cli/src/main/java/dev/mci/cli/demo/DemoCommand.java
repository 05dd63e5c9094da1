package dev.mci.cli.demo;

import dev.mci.cli.CliContext;
import dev.mci.cli.ExitCode;
import dev.mci.cli.cases.CaseText;
import dev.mci.client.MimecastClient;
import dev.mci.client.OAuth2Credentials;
import dev.mci.investigate.Investigation;
import dev.mci.investigate.InvestigationOptions;
import dev.mci.investigate.cases.Case;
import dev.mci.investigate.cases.CaseStatus;
import dev.mci.simulator.SimulatorConfig;
import dev.mci.simulator.SimulatorServer;
import dev.mci.simulator.TenantSize;
import dev.mci.simulator.events.EventStreamConfig;
import dev.mci.simulator.tenant.PhishingScenario;
import dev.mci.store.EventStore;
import dev.mci.store.StoreLocation;
import dev.mci.store.pull.EventPuller;
import dev.mci.store.pull.PullListener;
import dev.mci.store.pull.PullOptions;
import dev.mci.store.pull.PullReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mci demo}: starts the bundled simulator on a free loopback port and investigates its
 * planted phishing report end to end over HTTP, exactly as {@code mci investigate} would against a
 * real tenant. The only thing taken from the simulator directly is the analyst's starting point,
 * the reported message's Message-ID; everything else comes from API calls.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Start the built-in simulator and investigate its planted phishing report.",
      "Prints the findings and writes the case folder (report.html and all) under --out."
    })
public final class DemoCommand implements Callable<Integer> {
  private static final DateTimeFormatter FOLDER_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private final CliContext context;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Folder the case is written under (default: ./mci-demo-TIME).")
  Path out;

  @Option(names = "--seed", paramLabel = "S", description = "Tenant seed (default: 42).")
  long seed = 42;

  public DemoCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    PrintWriter console = context.out();
    SimulatorConfig config =
        SimulatorConfig.builder()
            .port(0)
            .portV1(0)
            .seed(seed)
            .size(TenantSize.SMALL)
            // Batches every 6 hours instead of 15 minutes: the same events in fewer files, so the
            // demo's pull takes seconds.
            .events(EventStreamConfig.builder().batchInterval(Duration.ofHours(6)).build())
            .build();
    try (SimulatorServer server = SimulatorServer.start(config)) {
      PhishingScenario report = server.tenant().scenario();
      console.println("Simulator running at " + server.baseUrl() + " (API 2.0, seed " + seed + ")");
      console.println(
          "Reported phish: Message-ID "
              + report.messageIdHeader()
              + " from "
              + report.sender().address()
              + ", subject \""
              + report.subject()
              + "\"");
      Instant now = context.environment().clock().instant();
      Path root =
          context
              .environment()
              .workDir()
              .resolve(out != null ? out : Path.of("mci-demo-" + FOLDER_TIME.format(now)));
      MimecastClient.Builder client =
          MimecastClient.builder()
              .baseUrl(server.baseUrl())
              .credentials(
                  new OAuth2Credentials(
                      server.credentials().clientId(), server.credentials().clientSecret()));
      Optional<StoreLocation> events = pullEvents(client, root.resolve("events"), console);
      console.println("Investigating...");
      console.flush();

      InvestigationOptions.Builder options =
          InvestigationOptions.builder()
              .client(client)
              .casesRoot(root)
              .clock(context.environment().clock());
      events.ifPresent(options::eventStore);
      Case model = Investigation.run(report.messageIdHeader(), options.build());
      console.println();
      CaseText.summary(console, model, root.resolve(model.id()));
      return model.status() == CaseStatus.COMPLETE ? ExitCode.OK : ExitCode.PARTIAL;
    }
  }

  /**
   * Pulls the simulator's SIEM events into a store in the demo folder, as {@code mci events pull}
   * would, so the investigation's step 9 has a local event store to search. A failed pull is
   * reported and the demo goes on without the store.
   */
  private Optional<StoreLocation> pullEvents(
      MimecastClient.Builder client, Path folder, PrintWriter console) {
    console.println("Pulling the event stream into " + folder.resolve("events.db") + "...");
    console.flush();
    StoreLocation location = StoreLocation.sqlite(folder.resolve("events.db"));
    try (MimecastClient api = client.build();
        EventStore store = EventStore.open(location)) {
      PullReport pulled =
          new EventPuller(
                  api,
                  store,
                  PullOptions.builder(folder).clock(context.environment().clock()).build(),
                  PullListener.none())
              .run();
      console.printf(
          "Stored %,d events in %.1f s%s%n",
          pulled.stored(),
          pulled.elapsed().toMillis() / 1000.0,
          pulled.complete() ? "" : " (incomplete: " + pulled.problems() + ")");
      return pulled.stored() > 0 ? Optional.of(location) : Optional.empty();
    } catch (RuntimeException e) {
      console.println("The event pull failed (" + e.getMessage() + "); investigating without it.");
      return Optional.empty();
    }
  }
}
