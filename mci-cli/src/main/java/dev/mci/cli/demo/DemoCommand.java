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
import dev.mci.simulator.tenant.PhishingScenario;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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
        SimulatorConfig.builder().port(0).portV1(0).seed(seed).size(TenantSize.SMALL).build();
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
      console.println("Investigating...");
      console.flush();

      Instant now = context.environment().clock().instant();
      Path root =
          context
              .environment()
              .workDir()
              .resolve(out != null ? out : Path.of("mci-demo-" + FOLDER_TIME.format(now)));
      InvestigationOptions options =
          InvestigationOptions.builder()
              .client(
                  MimecastClient.builder()
                      .baseUrl(server.baseUrl())
                      .credentials(
                          new OAuth2Credentials(
                              server.credentials().clientId(),
                              server.credentials().clientSecret())))
              .casesRoot(root)
              .since(now.minus(Duration.ofDays(7)))
              .until(now)
              .clock(context.environment().clock())
              .build();
      Case model = Investigation.run(report.messageIdHeader(), options);
      console.println();
      CaseText.summary(console, model, root.resolve(model.id()));
      return model.status() == CaseStatus.COMPLETE ? ExitCode.OK : ExitCode.PARTIAL;
    }
  }
}
