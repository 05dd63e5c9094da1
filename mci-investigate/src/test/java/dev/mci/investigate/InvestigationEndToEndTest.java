package dev.mci.investigate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mci.client.HmacCredentials;
import dev.mci.client.MimecastClient;
import dev.mci.client.OAuth2Credentials;
import dev.mci.client.PermissionDeniedException;
import dev.mci.investigate.cases.Address;
import dev.mci.investigate.cases.Case;
import dev.mci.investigate.cases.CaseFolder;
import dev.mci.investigate.cases.CaseJson;
import dev.mci.investigate.cases.CaseMessage;
import dev.mci.investigate.cases.CaseStatus;
import dev.mci.investigate.cases.CaseUrl;
import dev.mci.investigate.cases.FileCaseIndex;
import dev.mci.investigate.cases.Finding;
import dev.mci.investigate.cases.StepReport;
import dev.mci.investigate.cases.StepStatus;
import dev.mci.simulator.ScriptedFault;
import dev.mci.simulator.SimulatorConfig;
import dev.mci.simulator.SimulatorCredentials;
import dev.mci.simulator.SimulatorServer;
import dev.mci.simulator.tenant.Message;
import dev.mci.simulator.tenant.PhishingScenario;
import dev.mci.simulator.tenant.Route;
import dev.mci.simulator.tenant.Tenant;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Investigations end to end: the engine over the real client, the simulator on loopback, real HTTP
 * between. Expected values are read from the simulator's planted scenario, never written here.
 */
class InvestigationEndToEndTest {

  private static final String FINDER = "/api/message-finder/search";

  private static SimulatorServer server;
  private static PhishingScenario phish;

  @TempDir Path root;

  @BeforeAll
  static void start() {
    server = SimulatorServer.start(SimulatorConfig.builder().port(0).portV1(0).build());
    phish = server.tenant().scenario();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @AfterEach
  void noFaultLeftBehind() {
    server.faults().clear();
  }

  private InvestigationOptions.Builder options() {
    SimulatorCredentials sim = server.credentials();
    return InvestigationOptions.builder()
        .client(
            MimecastClient.builder()
                .baseUrl(server.baseUrl())
                .credentials(new OAuth2Credentials(sim.clientId(), sim.clientSecret())))
        .casesRoot(root);
  }

  private Path folderOf(Case model) {
    return root.resolve(model.id());
  }

  @Test
  void thePlantedPhishIsInvestigatedByItsMessageIdAndTheFindingsComeFromTheData() throws Exception {
    Case model = Investigation.run(phish.messageIdHeader(), options().build());

    assertThat(model.status()).as("missing: %s", model.missing()).isEqualTo(CaseStatus.COMPLETE);
    assertThat(model.indicator().type()).isEqualTo(IndicatorType.MESSAGE_ID_HEADER);
    assertThat(model.data().located())
        .extracting(CaseMessage::id)
        .containsExactlyInAnyOrderElementsOf(phish.messageFinderIds());
    assertThat(model.data().internalDomains())
        .containsAll(phish.recipients().stream().map(r -> r.domain()).collect(Collectors.toSet()));
    List<String> statements = model.findings().stream().map(Finding::statement).toList();
    assertThat(statements)
        .anySatisfy(
            s ->
                assertThat(s)
                    .contains("from " + phish.sender().address())
                    .contains("reached " + phish.recipients().size() + " recipients"));
    assertThat(statements)
        .anySatisfy(
            s ->
                assertThat(s)
                    .startsWith(
                        "The sender domain "
                            + phish.senderDomain()
                            + " imitates the internal domain"));
    assertThat(model.findings().get(0).severity().name()).isEqualTo("HIGH");
    // In UTC order; the earlier wave with the same attachment comes first, then the phish.
    assertThat(model.timeline()).extracting(e -> e.time()).isSorted();
    assertThat(model.timeline().get(0).time()).isBefore(phish.received());
    assertThat(model.timeline())
        .filteredOn(e -> !e.time().isBefore(phish.received()))
        .first()
        .satisfies(e -> assertThat(e.time()).isEqualTo(phish.received()));
    assertThat(model.steps())
        .extracting(StepReport::name)
        .contains(
            "locate-messages",
            "blast-radius-sender",
            "blast-radius-subject",
            "message-info",
            "message-detail",
            "message-evidence",
            "url-logs",
            "release-logs",
            "hash-search",
            "attachment-logs",
            "people",
            "policy-explain",
            "incidents");
  }

  @Test
  void theDemoStoryComesOutOfTheSimulatorsData() throws Exception {
    Case model = Investigation.run(phish.messageIdHeader(), options().build());
    List<String> statements = model.findings().stream().map(Finding::statement).toList();

    // Clicks: the clickers of the malicious URL, as the tenant's URL logs record them.
    assertThat(model.data().clicks()).isNotEmpty();
    long clickers =
        model.data().clicks().stream()
            .map(c -> c.user())
            .distinct()
            .filter(u -> phish.recipients().stream().anyMatch(r -> r.address().equals(u)))
            .count();
    assertThat(statements)
        .anySatisfy(
            s ->
                assertThat(s)
                    .startsWith(
                        clickers + " of " + phish.recipients().size() + " recipients clicked"));
    // The held VIP copy and who released it.
    assertThat(model.data().holds())
        .anySatisfy(
            h -> {
              assertThat(h.recipient()).isEqualTo(phish.heldRecipient().address());
              assertThat(h.releasedBy()).isEqualTo(phish.releasedBy());
            });
    assertThat(statements)
        .anySatisfy(s -> assertThat(s).contains("released by " + phish.releasedBy()));
    // The attachment, by the hash the scenario planted.
    assertThat(model.data().attachments())
        .anySatisfy(a -> assertThat(a.sha256()).isEqualTo(phish.attachmentSha256()));
    // The sender's group membership.
    assertThat(model.data().memberships()).isNotEmpty();
    assertThat(statements)
        .anySatisfy(s -> assertThat(s).startsWith("The sender is a member of the"));
    // Both forms of the message saved as evidence.
    assertThat(model.evidence())
        .anySatisfy(e -> assertThat(e.path()).endsWith("-received.eml"))
        .anySatisfy(e -> assertThat(e.path()).endsWith("-delivered.eml"));
    assertThat(model.data().people()).isNotEmpty();
    assertThat(model.data().messageInfos()).hasSize(phish.messageFinderIds().size());
  }

  @Test
  void theCaseFolderHoldsTheModelReportsAuditAndVerifiableEvidence() throws Exception {
    Case model = Investigation.run(phish.messageIdHeader(), options().build());
    Path folder = folderOf(model);

    assertThat(CaseFolder.read(folder)).isEqualTo(model);
    assertThat(folder.resolve("report.md"))
        .content()
        .contains(phish.senderDomain().replace("-", "-"));
    assertThat(folder.resolve("report.html")).content().contains("<svg");

    List<String> audit = Files.readAllLines(folder.resolve("audit.ndjson"));
    assertThat(audit).hasSize(model.apiCalls());
    List<String> auditIds = audit.stream().map(InvestigationEndToEndTest::requestIdOf).toList();
    for (StepReport step : model.steps()) {
      assertThat(auditIds).containsAll(step.requestIds());
    }
    JsonNode first = CaseJson.MAPPER.readTree(audit.get(0));
    assertThat(first.fieldNames())
        .toIterable()
        .contains("time", "step", "endpoint", "requestId", "status", "durationMillis", "attempt");

    List<String> manifest = Files.readAllLines(folder.resolve("evidence/SHA256SUMS"));
    assertThat(manifest).hasSameSizeAs(model.evidence()).isNotEmpty();
    for (String line : manifest) {
      String[] parts = line.split("  ", 2);
      assertThat(sha256(folder.resolve("evidence").resolve(parts[1]))).isEqualTo(parts[0]);
    }
    String secret = server.credentials().clientSecret();
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
            .as(file.toString())
            .doesNotContain(secret);
      }
    }
    assertThat(new FileCaseIndex(root).find(model.id())).isPresent();
  }

  @Test
  void twoFailingStepsLeaveAPartialCaseThatNamesBothWithTheirRequestIds() throws Exception {
    // The first search (locate) goes through; the two blast-radius searches are refused.
    server.faults().enqueue(FINDER, ScriptedFault.delay(Duration.ZERO));
    server.faults().enqueue(FINDER, ScriptedFault.status(403));
    server.faults().enqueue(FINDER, ScriptedFault.status(403));

    Case model = Investigation.run(phish.messageIdHeader(), options().build());

    assertThat(model.status()).isEqualTo(CaseStatus.PARTIAL);
    assertThat(model.data().located()).hasSize(phish.recipients().size());
    Map<String, StepReport> steps =
        model.steps().stream().collect(Collectors.toMap(StepReport::name, Function.identity()));
    for (String failed : List.of("blast-radius-sender", "blast-radius-subject")) {
      StepReport step = steps.get(failed);
      assertThat(step.status()).isEqualTo(StepStatus.FAILED);
      assertThat(step.error().type()).isEqualTo(PermissionDeniedException.class.getSimpleName());
      assertThat(step.error().httpStatus()).isEqualTo(403);
      assertThat(step.error().requestId()).isNotBlank().isEqualTo(step.requestIds().get(0));
      assertThat(model.missing())
          .anySatisfy(
              m ->
                  assertThat(m)
                      .startsWith("Failed: " + step.description())
                      .contains(step.error().requestId()));
    }
    assertThat(steps.get("locate-messages").status()).isEqualTo(StepStatus.SUCCEEDED);
    assertThat(CaseFolder.read(folderOf(model)).status()).isEqualTo(CaseStatus.PARTIAL);
    assertThat(Files.readString(folderOf(model).resolve("report.html")))
        .contains(steps.get("blast-radius-sender").error().requestId());
  }

  @Test
  void whenEveryStepFailsTheFirstFailureIsThrownAfterTheCaseIsWritten() throws Exception {
    server.faults().enqueue("/api/ttp/url/decode-url", ScriptedFault.status(403));

    assertThatThrownBy(() -> Investigation.run(phish.maliciousUrl().rewritten(), options().build()))
        .isInstanceOf(PermissionDeniedException.class);
    try (Stream<Path> cases = Files.list(root)) {
      Path folder = cases.findFirst().orElseThrow();
      assertThat(CaseFolder.read(folder).incompleteSteps())
          .extracting(StepReport::name)
          .as("the failed decode and the steps that needed its URLs")
          .containsExactly("decode-urls", "url-logs", "incidents");
    }
  }

  @Test
  void aSenderAddressIsRecognisedFromTheMailItSentWithoutSearchingTwice() {
    Case model = Investigation.run(phish.sender().address(), options().build());

    assertThat(model.indicator())
        .isEqualTo(Indicator.of(phish.sender().address(), IndicatorType.SENDER_ADDRESS));
    Map<String, StepReport> steps =
        model.steps().stream().collect(Collectors.toMap(StepReport::name, Function.identity()));
    assertThat(steps.get("resolve-indicator").calls()).isGreaterThanOrEqualTo(2);
    // The Message Finder rows fetched to resolve the type are reused: locating adds only the
    // archive search, never a second Message Finder search.
    assertThat(auditEndpoints(model, "locate-messages")).doesNotContain(FINDER);
    assertThat(steps).doesNotContainKey("blast-radius-sender");
    assertThat(model.data().located()).hasSize(phish.recipients().size());
  }

  @Test
  void anInternalAddressThatOnlyReceivedMailIsRecognisedAsAUser() {
    String recipient = phish.heldRecipient().address();

    // In the minutes around the phish the recipient received it and sent nothing.
    Case model =
        Investigation.run(
            recipient,
            options()
                .since(phish.received().minusSeconds(60))
                .until(phish.received().plusSeconds(60))
                .build());

    assertThat(model.indicator()).isEqualTo(Indicator.of(recipient, IndicatorType.USER_ADDRESS));
    assertThat(model.data().located())
        .extracting(CaseMessage::id)
        .containsAnyElementsOf(phish.messageFinderIds());
    assertThat(model.steps())
        .extracting(StepReport::name)
        .startsWith("resolve-indicator", "locate-messages")
        .contains("message-info", "people");
  }

  @Test
  void anInternalAddressThatAlsoSentMailIsAmbiguous() throws IOException {
    String internalSender = internalSenderWithinDays(20);

    assertThatThrownBy(() -> Investigation.run(internalSender, options().build()))
        .isInstanceOfSatisfying(
            AmbiguousIndicatorException.class,
            e -> {
              assertThat(e.choices())
                  .containsExactly(IndicatorType.SENDER_ADDRESS, IndicatorType.USER_ADDRESS);
              assertThat(e.getMessage()).contains("internal address that also sent mail");
            });
    try (Stream<Path> cases = Files.list(root)) {
      assertThat(cases).isEmpty();
    }
  }

  @Test
  void aUserIsInvestigatedThroughTheMailTheyReceived() {
    Address cfo = new Address(phish.heldRecipient().address(), null);

    Case model =
        Investigation.run(
            Indicator.of(cfo.address(), IndicatorType.USER_ADDRESS),
            options().since(Instant.now().minus(Duration.ofDays(7))).build());

    assertThat(model.data().located())
        .isNotEmpty()
        .allSatisfy(
            copy -> assertThat(copy.to()).extracting(Address::address).contains(cfo.address()));
    assertThat(model.data().located())
        .extracting(CaseMessage::id)
        .containsAnyElementsOf(phish.messageFinderIds());
    assertThat(model.steps())
        .extracting(StepReport::name)
        .startsWith("locate-messages")
        .contains("message-info", "people");
    assertThat(model.missing()).noneSatisfy(m -> assertThat(m).contains("blast radius"));
  }

  @Test
  void aRewrittenLinkIsDecodedToTheUrlTheSenderWrote() {
    Case model = Investigation.run(phish.maliciousUrl().rewritten(), options().build());

    assertThat(model.indicator().type()).isEqualTo(IndicatorType.REWRITTEN_URL);
    assertThat(model.data().urls())
        .extracting(CaseUrl::url)
        .containsExactly(phish.maliciousUrl().original());
    assertThat(model.findings())
        .extracting(Finding::statement)
        .contains("The rewritten link decodes to " + phish.maliciousUrl().original());
    assertThat(model.steps())
        .filteredOn(step -> step.name().equals("url-logs"))
        .singleElement()
        .satisfies(step -> assertThat(step.status()).isEqualTo(StepStatus.SUCCEEDED));
  }

  @Test
  void aMimecastMessageIdLocatesThatCopyAndItsMessage() {
    String copyId = phish.messageFinderIds().get(0);

    Case model = Investigation.run(copyId, options().build());

    assertThat(model.indicator().type()).isEqualTo(IndicatorType.MIMECAST_ID);
    assertThat(model.status()).as("missing: %s", model.missing()).isEqualTo(CaseStatus.COMPLETE);
    assertThat(model.data().located()).extracting(CaseMessage::id).contains(copyId);
    assertThat(model.data().located())
        .allSatisfy(m -> assertThat(m.sender().address()).isEqualTo(phish.sender().address()));
    assertThat(model.steps()).extracting(StepReport::name).contains("message-info", "people");
  }

  @Test
  void aSenderDomainFindsEveryCopyTheDomainSent() {
    Case model = Investigation.run(phish.senderDomain(), options().build());

    assertThat(model.indicator().type()).isEqualTo(IndicatorType.SENDER_DOMAIN);
    assertThat(model.data().located())
        .extracting(CaseMessage::id)
        .containsAll(phish.messageFinderIds());
    assertThat(model.data().located())
        .allSatisfy(m -> assertThat(m.sender().address()).endsWith("@" + phish.senderDomain()));
  }

  @Test
  void aSendingIpFindsTheMailFromThatIpAndItsRejections() {
    Case model = Investigation.run(phish.sendingIp(), options().build());

    assertThat(model.indicator().type()).isEqualTo(IndicatorType.SENDING_IP);
    assertThat(model.data().located())
        .extracting(CaseMessage::id)
        .containsAll(phish.messageFinderIds());
    assertThat(model.data().located())
        .allSatisfy(m -> assertThat(m.senderIp()).isEqualTo(phish.sendingIp()));
    assertThat(model.steps())
        .filteredOn(step -> step.name().equals("rejection-logs"))
        .singleElement()
        .satisfies(step -> assertThat(step.status()).isEqualTo(StepStatus.SUCCEEDED));
  }

  @Test
  void aUrlIsLookedUpInTheUrlProtectLogsWithItsClicks() {
    Case model = Investigation.run(phish.maliciousUrl().original(), options().build());

    assertThat(model.indicator().type()).isEqualTo(IndicatorType.URL);
    assertThat(model.data().urls())
        .extracting(CaseUrl::url)
        .contains(phish.maliciousUrl().original());
    assertThat(model.data().clicks())
        .isNotEmpty()
        .allSatisfy(c -> assertThat(c.url()).isEqualTo(phish.maliciousUrl().original()));
    assertThat(model.steps())
        .filteredOn(step -> step.name().equals("url-logs"))
        .singleElement()
        .satisfies(step -> assertThat(step.status()).isEqualTo(StepStatus.SUCCEEDED));
  }

  @Test
  void aHashIsSearchedOrgWideAndInTheAttachmentLogs() {
    Case model = Investigation.run(phish.attachmentSha256(), options().build());

    assertThat(model.indicator().type()).isEqualTo(IndicatorType.SHA256);
    assertThat(model.status()).isEqualTo(CaseStatus.COMPLETE);
    assertThat(model.steps())
        .extracting(StepReport::name)
        .contains("hash-search", "attachment-logs");
    assertThat(model.missing())
        .noneSatisfy(m -> assertThat(m).contains("org-wide search for the attachment SHA-256"));
    assertThat(auditEndpoints(model, "hash-search")).contains("/api/ttp/remediation/search-hash");
    assertThat(folderOf(model).resolve("case.json")).exists();
  }

  @Test
  void theSameInvestigationWorksOverApi1Hmac() {
    SimulatorCredentials sim = server.credentials();
    InvestigationOptions api1 =
        InvestigationOptions.builder()
            .client(
                MimecastClient.builder()
                    .baseUrl(server.baseUrlV1())
                    .credentials(
                        new HmacCredentials(
                            sim.appId(), sim.appKey(), sim.accessKey(), sim.secretKey())))
            .casesRoot(root)
            .build();

    Case model = Investigation.run(phish.messageIdHeader(), api1);

    assertThat(model.status()).isEqualTo(CaseStatus.COMPLETE);
    assertThat(model.data().located()).hasSize(phish.recipients().size());
  }

  @Test
  void aSenderBeyondMessageFinderIsAlsoSearchedInTheArchive() {
    Case model =
        Investigation.run(
            Indicator.of(phish.sender().address(), IndicatorType.SENDER_ADDRESS),
            options().since(Instant.now().minus(Duration.ofDays(60))).build());

    assertThat(model.data().located()).isNotEmpty();
    assertThat(model.missing()).noneSatisfy(m -> assertThat(m).contains("older than 30 days"));
    assertThat(auditEndpoints(model, "locate-messages")).contains("/api/archive/search");
  }

  @Test
  void aMessageIdBeyondMessageFinderSaysTheArchiveWasNotSearched() {
    Case model =
        Investigation.run(
            phish.messageIdHeader(),
            options().since(Instant.now().minus(Duration.ofDays(60))).build());

    assertThat(model.data().located()).hasSize(phish.recipients().size());
    assertThat(model.missing())
        .anySatisfy(
            m ->
                assertThat(m)
                    .startsWith("Not covered by this build: locating messages older than 30 days"));
  }

  @Test
  void anArchiveLocatorSearchesThePartBeyondMessageFinder() {
    Instant since = Instant.now().minus(Duration.ofDays(60));
    List<Instant[]> asked = new java.util.ArrayList<>();
    Case model =
        Investigation.run(
            phish.messageIdHeader(),
            options()
                .since(since)
                .archiveLocator(
                    (client, indicator, from, until) -> {
                      asked.add(new Instant[] {from, until});
                      return List.of();
                    })
                .build());

    assertThat(asked).hasSize(1);
    assertThat(asked.get(0)[0]).isEqualTo(since);
    assertThat(model.missing()).noneSatisfy(m -> assertThat(m).contains("older than 30 days"));
  }

  /** The endpoints one step called, read back from the case's audit trail. */
  private List<String> auditEndpoints(Case model, String step) {
    try {
      List<String> endpoints = new java.util.ArrayList<>();
      for (String line : Files.readAllLines(folderOf(model).resolve("audit.ndjson"))) {
        JsonNode entry = CaseJson.MAPPER.readTree(line);
        if (step.equals(entry.path("step").asText())) {
          endpoints.add(entry.path("endpoint").asText());
        }
      }
      return endpoints;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** An internal user who sent mail out (or internally) in the last {@code days} days. */
  private static String internalSenderWithinDays(int days) {
    Tenant tenant = server.tenant();
    return tenant
        .messages(tenant.indexRange(tenant.now().minus(Duration.ofDays(days)), tenant.now()))
        .filter(m -> m.route() == Route.OUTBOUND || m.route() == Route.INTERNAL)
        .map(Message::headerFrom)
        .map(m -> m.address())
        .findFirst()
        .orElseThrow();
  }

  private static String requestIdOf(String line) {
    try {
      return CaseJson.MAPPER.readTree(line).get("requestId").asText();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
