package dev.mci.cli.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mci.cli.ExitCode;
import dev.mci.cli.investigate.Runs;
import dev.mci.cli.support.Json;
import dev.mci.cli.testing.InProcessCli;
import dev.mci.investigate.cases.CaseFolder;
import dev.mci.simulator.SimulatorConfig;
import dev.mci.simulator.SimulatorCredentials;
import dev.mci.simulator.SimulatorServer;
import dev.mci.simulator.tenant.PhishingScenario;
import dev.mci.store.CaseEntry;
import dev.mci.store.EventStore;
import dev.mci.store.StoreLocation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mci investigate} records each case in the event store's case index, and {@code mci case
 * list|show} read that index, adding the case folders it does not know. The CLI in-process, the
 * simulator on loopback, a SQLite store as the default store.
 */
class CaseIndexCommandsTest {
  private static SimulatorServer server;
  private static PhishingScenario phish;

  @TempDir Path folder;

  @BeforeAll
  static void start() {
    server = SimulatorServer.start(SimulatorConfig.builder().port(0).portV1(0).build());
    phish = server.tenant().scenario();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private Runs runs() {
    SimulatorCredentials sim = server.credentials();
    return Runs.in(folder)
        .set("MCI_DATA_DIR", folder.resolve("data").toString())
        .set("MIMECAST_BASE_URL", server.baseUrl().toString())
        .set("MIMECAST_CLIENT_ID", sim.clientId())
        .set("MIMECAST_CLIENT_SECRET", sim.clientSecret());
  }

  private static List<String> ids(Path cases) throws Exception {
    try (Stream<Path> folders = Files.list(cases)) {
      return folders.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void investigationsAreIndexedInTheDefaultStoreAndListingMergesTheFolders() throws Exception {
    StoreLocation store = StoreLocation.sqlite(folder.resolve("data").resolve("events.db"));
    EventStore.open(store).close();
    Path cases = folder.resolve("cases");
    Path absent = folder.resolve("nowhere.db");

    InProcessCli.Run indexed =
        runs().run("investigate", phish.messageIdHeader(), "--case-dir", "cases");
    List<String> first = ids(cases);
    // Written with another store that does not exist: the default store's index never hears of it.
    InProcessCli.Run unindexed =
        runs()
            .run(
                "investigate",
                phish.messageIdHeader(),
                "--case-dir",
                "cases",
                "--store",
                absent.toString(),
                "--format",
                "json");

    assertThat(indexed.exitCode()).as(indexed.toString()).isEqualTo(ExitCode.OK);
    assertThat(unindexed.exitCode()).as(unindexed.toString()).isEqualTo(ExitCode.OK);
    assertThat(absent).doesNotExist();
    assertThat(Json.MAPPER.readTree(unindexed.out()).get("missing").toString())
        .contains("No local event store")
        .contains("nowhere.db");
    String indexedId = first.get(0);
    List<String> all = ids(cases);
    String folderOnlyId =
        all.stream().filter(id -> !id.equals(indexedId)).findFirst().orElseThrow();
    try (EventStore readOnly = EventStore.openReadOnly(store)) {
      assertThat(readOnly.cases().list()).extracting(CaseEntry::id).containsExactly(indexedId);
      assertThat(Path.of(readOnly.cases().get(indexedId).orElseThrow().folder()))
          .isEqualTo(cases.resolve(indexedId).toAbsolutePath());
    }

    InProcessCli.Run shown = runs().run("case", "show", folderOnlyId, "--case-dir", "cases");
    assertThat(shown.exitCode()).as(shown.toString()).isEqualTo(ExitCode.OK);
    // The indexed case is listed from the index: its case.json is not read to list it.
    Files.writeString(
        cases.resolve(indexedId).resolve(CaseFolder.CASE_JSON), "{}", StandardCharsets.UTF_8);
    InProcessCli.Run listed = runs().run("case", "list", "--case-dir", "cases", "--format", "json");
    InProcessCli.Run scanned =
        runs()
            .run(
                "case",
                "list",
                "--case-dir",
                "cases",
                "--store",
                absent.toString(),
                "--format",
                "json");

    assertThat(listed.exitCode()).as(listed.toString()).isEqualTo(ExitCode.OK);
    List<String> listedIds = new ArrayList<>();
    for (JsonNode row : Json.MAPPER.readTree(listed.out())) {
      listedIds.add(row.get("id").asText());
      assertThat(row.get("indicator").get("value").asText()).isEqualTo(phish.messageIdHeader());
      assertThat(row.get("messages").asInt()).isGreaterThanOrEqualTo(phish.recipients().size());
    }
    assertThat(listedIds).containsExactlyInAnyOrder(indexedId, folderOnlyId);
    List<String> scannedIds = new ArrayList<>();
    Json.MAPPER.readTree(scanned.out()).forEach(row -> scannedIds.add(row.get("id").asText()));
    assertThat(scannedIds).containsExactly(folderOnlyId);
  }
}
