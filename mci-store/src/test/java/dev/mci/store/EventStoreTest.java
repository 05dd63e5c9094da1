package dev.mci.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mci.store.testing.TestStores;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The store on both engines: schema, transactions, duplicates, hunts, read-only SQL, cases. */
class EventStoreTest {

  @TempDir Path folder;

  static StoreLocation.Engine[] engines() {
    return TestStores.engines();
  }

  private static StoredEvent event(long time, String sender, String user, String ip) {
    String fingerprint = UUID.nameUUIDFromBytes((time + sender + user + ip).getBytes()).toString();
    return new StoredEvent(
        time,
        fingerprint,
        "siem-batch",
        "receipt",
        "<m" + time + "@x.example>",
        "agg" + time,
        sender,
        null,
        user,
        ip,
        null,
        sender.substring(sender.indexOf('@') + 1),
        null,
        null,
        null,
        "subject " + time,
        "Acc",
        "{\"t\":" + time + "}");
  }

  private interface StoreTest {
    void run(StoreLocation location) throws Exception;
  }

  private void onEngine(StoreLocation.Engine engine, StoreTest test) throws Exception {
    StoreLocation location = TestStores.create(engine, folder);
    try {
      test.run(location);
    } finally {
      TestStores.drop(location);
    }
  }

  @ParameterizedTest
  @MethodSource("engines")
  void opensAtTheCurrentSchemaVersionAndReopensWithoutMigratingAgain(StoreLocation.Engine engine)
      throws Exception {
    onEngine(
        engine,
        location -> {
          try (EventStore store = EventStore.open(location)) {
            assertThat(store.schemaVersion()).isEqualTo(1);
            try (EventStore.Ingest ingest = store.ingest()) {
              ingest.add(event(1_000, "a@x.example", "u@corp.example", "192.0.2.1"));
              ingest.commit("s", "c1");
            }
          }
          try (EventStore again = EventStore.open(location)) {
            assertThat(again.schemaVersion()).isEqualTo(1);
            assertThat(again.count()).isEqualTo(1);
          }
        });
  }

  @ParameterizedTest
  @MethodSource("engines")
  void rowsAndTheirCheckpointCommitTogetherOrNotAtAll(StoreLocation.Engine engine)
      throws Exception {
    onEngine(
        engine,
        location -> {
          try (EventStore store = EventStore.open(location)) {
            try (EventStore.Ingest ingest = store.ingest()) {
              for (int i = 0; i < 1_200; i++) {
                ingest.add(event(10_000 + i, "a@x.example", "u@corp.example", "192.0.2.1"));
              }
              // Closed without commit: a crash before the commit.
            }
            assertThat(store.count()).isZero();
            assertThat(store.checkpoint("siem-batch:receipt")).isEmpty();

            long inserted;
            try (EventStore.Ingest ingest = store.ingest()) {
              for (int i = 0; i < 1_200; i++) {
                ingest.add(event(10_000 + i, "a@x.example", "u@corp.example", "192.0.2.1"));
              }
              inserted = ingest.commit("siem-batch:receipt", "{\"file\":1}");
            }
            assertThat(inserted).isEqualTo(1_200);
            assertThat(store.count()).isEqualTo(1_200);
            Checkpoint checkpoint = store.checkpoint("siem-batch:receipt").orElseThrow();
            assertThat(checkpoint.cursor()).hasValue("{\"file\":1}");
            assertThat(checkpoint.events()).isEqualTo(1_200);
          }
        });
  }

  @ParameterizedTest
  @MethodSource("engines")
  void anEventDeliveredAgainIsStoredOnce(StoreLocation.Engine engine) throws Exception {
    onEngine(
        engine,
        location -> {
          try (EventStore store = EventStore.open(location)) {
            try (EventStore.Ingest ingest = store.ingest()) {
              ingest.add(event(5, "a@x.example", "u@corp.example", "192.0.2.1"));
              ingest.add(event(6, "a@x.example", "u@corp.example", "192.0.2.1"));
              ingest.commit("s", "1");
            }
            long inserted;
            try (EventStore.Ingest ingest = store.ingest()) {
              ingest.add(event(6, "a@x.example", "u@corp.example", "192.0.2.1"));
              ingest.add(event(7, "a@x.example", "u@corp.example", "192.0.2.1"));
              ingest.add(event(7, "a@x.example", "u@corp.example", "192.0.2.1"));
              inserted = ingest.commit("s", "2");
            }
            assertThat(inserted).isEqualTo(1);
            assertThat(store.count()).isEqualTo(3);
            assertThat(store.checkpoint("s").orElseThrow().events()).isEqualTo(3);
          }
        });
  }

  @ParameterizedTest
  @MethodSource("engines")
  void huntsSearchEveryColumnThatCanHoldTheIndicatorNewestFirst(StoreLocation.Engine engine)
      throws Exception {
    onEngine(
        engine,
        location -> {
          try (EventStore store = EventStore.open(location)) {
            try (EventStore.Ingest ingest = store.ingest()) {
              ingest.add(event(100, "ceo@lookalike.example", "cfo@corp.example", "203.0.113.9"));
              ingest.add(event(200, "ceo@lookalike.example", "ann@corp.example", "203.0.113.9"));
              ingest.add(event(300, "bob@vendor.example", "ann@corp.example", "192.0.2.7"));
              ingest.add(
                  new StoredEvent(
                      400,
                      "spoof",
                      "siem-batch",
                      "receipt",
                      null,
                      null,
                      "bounce@mailer.example",
                      "ceo@lookalike.example",
                      "cfo@corp.example",
                      "198.18.0.1",
                      null,
                      "mailer.example",
                      "lookalike.example",
                      null,
                      null,
                      null,
                      "Acc",
                      "{}"));
              ingest.add(
                  new StoredEvent(
                      500,
                      "file",
                      "siem-batch",
                      "attachment protect",
                      null,
                      null,
                      null,
                      null,
                      null,
                      null,
                      null,
                      null,
                      null,
                      null,
                      "ab12",
                      null,
                      null,
                      "{}"));
              ingest.commit("s", "x");
            }
          }
          try (EventStore hunts = EventStore.openReadOnly(location)) {
            HuntResult sender =
                hunts.hunt(new HuntQuery(HuntKind.SENDER, "CEO@Lookalike.example", null, null, 10));
            assertThat(sender.rows())
                .extracting(r -> r.time().toEpochMilli())
                .containsExactly(400L, 200L, 100L);
            assertThat(sender.total()).isEqualTo(3);

            assertThat(
                    hunts
                        .hunt(new HuntQuery(HuntKind.DOMAIN, "@lookalike.example", null, null, 0))
                        .rows())
                .hasSize(3);
            assertThat(hunts.hunt(new HuntQuery(HuntKind.IP, "203.0.113.9", null, null, 0)).rows())
                .hasSize(2);
            assertThat(hunts.hunt(new HuntQuery(HuntKind.HASH, "AB12", null, null, 0)).rows())
                .singleElement()
                .satisfies(r -> assertThat(r.logType()).isEqualTo("attachment protect"));
            HuntResult user =
                hunts.hunt(
                    new HuntQuery(
                        HuntKind.USER, "ann@corp.example", Instant.ofEpochMilli(250), null, 0));
            assertThat(user.rows()).extracting(r -> r.time().toEpochMilli()).containsExactly(300L);

            HuntResult limited =
                hunts.hunt(new HuntQuery(HuntKind.SENDER, "ceo@lookalike.example", null, null, 2));
            assertThat(limited.rows()).hasSize(2);
            assertThat(limited.total()).isEqualTo(3);
            assertThat(limited.truncated()).isTrue();
          }
        });
  }

  @ParameterizedTest
  @MethodSource("engines")
  void huntSqlRunsOnAReadOnlyConnectionThatCannotChangeTheStore(StoreLocation.Engine engine)
      throws Exception {
    onEngine(
        engine,
        location -> {
          try (EventStore store = EventStore.open(location)) {
            try (EventStore.Ingest ingest = store.ingest()) {
              ingest.add(event(1, "a@x.example", "u@corp.example", "192.0.2.1"));
              ingest.add(event(2, "b@y.example", "u@corp.example", "192.0.2.2"));
              ingest.commit("s", "c");
            }
          }
          try (EventStore readOnly = EventStore.openReadOnly(location)) {
            List<List<Object>> rows = new ArrayList<>();
            try (SqlResult result =
                readOnly.sql(
                    "SELECT sender, COUNT(*) AS n FROM mci_events GROUP BY sender ORDER BY sender",
                    0)) {
              assertThat(result.columns()).containsExactly("sender", "n");
              result.forEach(rows::add);
            }
            assertThat(rows)
                .containsExactly(List.of("a@x.example", 1L), List.of("b@y.example", 1L));

            assertThatThrownBy(() -> readOnly.sql("DELETE FROM mci_events", 0))
                .isInstanceOf(StoreException.class)
                .extracting(e -> ((StoreException) e).kind())
                .isEqualTo(StoreException.Kind.BAD_QUERY);
            assertThatThrownBy(() -> readOnly.sql("SELECT 1; DELETE FROM mci_events", 0))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("one SQL statement");
            assertThatThrownBy(() -> readOnly.sql("SELEC nonsense", 0))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("refused");
            assertThatThrownBy(readOnly::ingest).isInstanceOf(StoreException.class);
          }
          try (EventStore store = EventStore.open(location)) {
            assertThat(store.count()).isEqualTo(2);
          }
        });
  }

  @ParameterizedTest
  @MethodSource("engines")
  void theCaseIndexFindsCasesAndTracksTheirStatus(StoreLocation.Engine engine) throws Exception {
    onEngine(
        engine,
        location -> {
          try (EventStore store = EventStore.open(location)) {
            CaseIndex cases = store.cases();
            cases.add(
                new CaseEntry(
                    "case-1",
                    Instant.parse("2025-03-04T10:00:00Z"),
                    "<a1@x.example>",
                    "message-id",
                    "/cases/case-1",
                    "open",
                    null));
            cases.add(
                new CaseEntry(
                    "case-2",
                    Instant.parse("2025-03-05T10:00:00Z"),
                    "evil.example",
                    "domain",
                    "/cases/case-2",
                    "open",
                    "lookalike"));

            assertThat(cases.list()).extracting(CaseEntry::id).containsExactly("case-2", "case-1");
            assertThat(cases.updateStatus("case-1", "closed", "false positive")).isTrue();
            assertThat(cases.updateStatus("nope", "closed", null)).isFalse();
            assertThat(cases.get("case-1").orElseThrow().status()).isEqualTo("closed");
            assertThat(cases.get("case-1").orElseThrow().summary()).isEqualTo("false positive");
            assertThatThrownBy(() -> cases.add(cases.get("case-2").orElseThrow()))
                .isInstanceOf(StoreException.class);
          }
        });
  }

  @org.junit.jupiter.api.Test
  void locationsParseAndNeverShowPasswords() {
    StoreLocation pg = StoreLocation.parse("jdbc:postgresql://db:5432/mci?user=a&password=s3cret");
    assertThat(pg.engine()).isEqualTo(StoreLocation.Engine.POSTGRESQL);
    assertThat(pg.toString()).doesNotContain("s3cret");
    assertThat(StoreLocation.parse("jdbc:postgresql://a:s3cret@db/mci").toString())
        .doesNotContain("s3cret");
    StoreLocation file = StoreLocation.parse(folder.resolve("x.db").toString());
    assertThat(file.file()).hasValue(folder.resolve("x.db").toAbsolutePath());
    assertThat(StoreLocation.defaultFor(java.util.Map.of("MCI_DATA_DIR", "/data/mci")).file())
        .hasValue(Path.of("/data/mci/events.db"));
    assertThat(StoreLocation.defaultFor(java.util.Map.of("XDG_DATA_HOME", "/xdg")).file())
        .hasValue(Path.of("/xdg/mci/events.db"));
    assertThatThrownBy(() -> StoreLocation.parse("jdbc:mysql://db/x"))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("unsupported");
    assertThatThrownBy(
            () -> EventStore.openReadOnly(StoreLocation.sqlite(folder.resolve("none.db"))))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("events pull");
  }
}
