package dev.mci.investigate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mci.client.MimecastClient;
import dev.mci.client.OAuth2Credentials;
import dev.mci.investigate.cases.Case;
import dev.mci.investigate.cases.CaseMessage;
import dev.mci.investigate.cases.CaseStatus;
import dev.mci.investigate.cases.Finding;
import dev.mci.investigate.cases.Relation;
import dev.mci.simulator.SimulatorConfig;
import dev.mci.simulator.SimulatorCredentials;
import dev.mci.simulator.SimulatorServer;
import dev.mci.simulator.tenant.Message;
import dev.mci.simulator.tenant.PhishingScenario;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attachment blast radius end to end: the planted phish's attachment also travelled in the
 * campaign's earlier wave, and the investigation finds those messages through the Attachment
 * Protect logs. The expected messages are read from the simulator's scenario, never written here.
 */
class HashBlastRadiusEndToEndTest {

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

  private Case investigateThePlantedPhish() {
    SimulatorCredentials sim = server.credentials();
    return Investigation.run(
        phish.messageIdHeader(),
        InvestigationOptions.builder()
            .client(
                MimecastClient.builder()
                    .baseUrl(server.baseUrl())
                    .credentials(new OAuth2Credentials(sim.clientId(), sim.clientSecret())))
            .casesRoot(root)
            .build());
  }

  @Test
  void theAttachmentIsReportedAsSeenInTheEarlierWavesMessages() {
    int others = phish.earlierWave().size();

    Case model = investigateThePlantedPhish();

    assertThat(model.status()).as("missing: %s", model.missing()).isEqualTo(CaseStatus.COMPLETE);
    assertThat(model.findings())
        .extracting(Finding::statement)
        .anySatisfy(
            s ->
                assertThat(s)
                    .startsWith("The attachment '" + phish.attachmentName() + "'")
                    .endsWith("was seen in " + others + " other messages"));
    // The same messages make the attachment's blast radius.
    assertThat(model.findings())
        .extracting(Finding::statement)
        .anySatisfy(
            s ->
                assertThat(s).startsWith(others + " other messages with the same attachment went"));
    assertThat(model.data().attachments())
        .anySatisfy(
            a -> {
              assertThat(a.sha256()).isEqualTo(phish.attachmentSha256());
              assertThat(a.otherMessages()).isEqualTo(others);
            });
  }

  @Test
  void theEarlierWavesMessagesJoinTheCaseAsSameHash() {
    Map<String, Message> wave =
        phish.earlierWave().stream()
            .collect(Collectors.toMap(Message::messageIdHeader, Function.identity()));

    Case model = investigateThePlantedPhish();

    List<CaseMessage> sameHash =
        model.data().messages().stream().filter(m -> m.relation() == Relation.SAME_HASH).toList();
    assertThat(sameHash)
        .extracting(CaseMessage::id)
        .containsExactlyInAnyOrderElementsOf(phish.earlierWaveMessageIds());
    assertThat(sameHash)
        .allSatisfy(
            copy -> {
              Message sent = wave.get(copy.id());
              assertThat(copy.subject()).isEqualTo(sent.subject());
              assertThat(copy.sender().address()).isEqualTo(sent.headerFrom().address());
              assertThat(copy.to())
                  .allSatisfy(
                      to ->
                          assertThat(sent.recipients())
                              .anyMatch(r -> r.address().equals(to.address())));
            });
    // The planted message itself is located, never counted among the others.
    assertThat(model.data().located())
        .extracting(CaseMessage::id)
        .containsExactlyInAnyOrderElementsOf(phish.messageFinderIds());
    assertThat(sameHash).extracting(CaseMessage::id).doesNotContain(phish.messageIdHeader());
  }
}
