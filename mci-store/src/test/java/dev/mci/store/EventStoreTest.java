package dev.mci.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mci.store.testing.TestStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
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
  void aLargeDeliveryStoresEachEventOnceWithEveryColumnInPlace(StoreLocation.Engine engine)
      throws Exception {
    // More events than two JDBC batches, plus a remainder, with events
    // delivered twice inside one batch, across batches and across transactions.
    int distinct = EventStore.BATCH_ROWS * 2 + 37;
    onEngine(
        engine,
        location -> {
          try (EventStore store = EventStore.open(location)) {
            try (EventStore.Ingest ingest = store.ingest()) {
              for (int i = 0; i < 100; i++) {
                ingest.add(wide(i));
              }
              assertThat(ingest.commit("s", "first")).isEqualTo(100);
            }
            long inserted;
            try (EventStore.Ingest ingest = store.ingest()) {
              for (int i = 0; i < distinct; i++) {
                ingest.add(wide(i));
                if (i % 7 == 0) {
                  ingest.add(wide(i));
                }
              }
              assertThat(ingest.added()).isEqualTo(distinct + (distinct + 6) / 7);
              inserted = ingest.commit("s", "second");
            }
            assertThat(inserted).isEqualTo(distinct - 100);
            assertThat(store.count()).isEqualTo(distinct);
            assertThat(store.checkpoint("s").orElseThrow().events()).isEqualTo(distinct);

            // Rows from the middle of a batch, of a later batch and of the remainder
            // come back with each value in its own column.
            for (int i : new int[] {123, 777, distinct - 1}) {
              StoredEvent expected = wide(i);
              List<Object> row;
              try (SqlResult result =
                  store.sql(
                      "SELECT event_time, bucket, fingerprint, source, log_type, message_id,"
                          + " aggregate_id, sender, sender_alt, user_address, ip, ip_alt, domain,"
                          + " domain_alt, domain_base, sha256, subject, action, raw"
                          + " FROM mci_events WHERE event_time = "
                          + expected.eventTime(),
                      0)) {
                row = result.iterator().next();
              }
              assertThat(row)
                  .containsExactly(
                      expected.eventTime(),
                      EventStore.bucketOf(expected.eventTime()),
                      expected.fingerprint(),
                      expected.source(),
                      expected.logType(),
                      expected.messageId(),
                      expected.aggregateId(),
                      expected.sender(),
                      expected.senderAlt(),
                      expected.userAddress(),
                      expected.ip(),
                      expected.ipAlt(),
                      expected.domain(),
                      expected.domainAlt(),
                      expected.domainBase(),
                      expected.sha256(),
                      expected.subject(),
                      expected.action(),
                      expected.raw());
            }
          }
        });
  }

  @ParameterizedTest
  @MethodSource("engines")
  void rollingBackToAMarkDropsOnlyTheEventsAddedAfterIt(StoreLocation.Engine engine)
      throws Exception {
    onEngine(
        engine,
        location -> {
          try (EventStore store = EventStore.open(location)) {
            long inserted;
            try (EventStore.Ingest ingest = store.ingest()) {
              // A mark in the middle of a batch, then a damaged "file" of events
              // spanning several batches.
              for (int i = 0; i < 75; i++) {
                ingest.add(wide(i));
              }
              EventStore.Mark mark = ingest.mark();
              for (int i = 75; i < 700; i++) {
                ingest.add(wide(i));
              }
              ingest.rollbackTo(mark);
              assertThat(ingest.added()).isEqualTo(75);
              for (int i = 1_000; i < 1_010; i++) {
                ingest.add(wide(i));
              }
              inserted = ingest.commit("s", "c");
            }
            assertThat(inserted).isEqualTo(85);
            assertThat(store.count()).isEqualTo(85);
          }
        });
  }

  @Test
  void aSqliteStoreKeepsItsWriteAheadLogShortWhileItIngests() throws Exception {
    StoreLocation location = StoreLocation.sqlite(folder.resolve("wal.db"));
    Path log = folder.resolve("wal.db-wal");
    long largest = 0;
    // A limit of 64 pages (1 MiB) instead of 64 MiB, so a few commits cross it.
    try (EventStore store = EventStore.open(location, Clock.systemUTC(), 64)) {
      for (int commit = 0; commit < 40; commit++) {
        try (EventStore.Ingest ingest = store.ingest()) {
          for (int i = 0; i < 500; i++) {
            ingest.add(wide(commit * 1_000 + i));
          }
          ingest.commit("s", Integer.toString(commit));
        }
        largest = Math.max(largest, Files.size(log));
      }
      assertThat(store.count()).isEqualTo(40 * 500);
    }
    // Checkpointed on the store's own thread after each commit, the log is reused from its start
    // rather than growing to the writer's 256 MiB backstop; the store's file holds every commit.
    long databaseFile = Files.size(folder.resolve("wal.db"));
    assertThat(largest).isLessThan(databaseFile / 2);
    try (EventStore again = EventStore.openReadOnly(location)) {
      assertThat(again.count()).isEqualTo(40 * 500);
    }
  }

  /** An event with every column set, distinct per {@code i}. */
  private static StoredEvent wide(int i) {
    long time = 1_700_000_000_000L + i * 60_000L;
    return new StoredEvent(
        time,
        UUID.nameUUIDFromBytes(("wide" + i).getBytes()).toString(),
        "siem-batch",
        "receipt",
        "<m" + i + "@x.example>",
        "agg" + i,
        "s" + i + "@x.example",
        "h" + i + "@y.example",
        "u" + i + "@corp.example",
        "192.0.2." + (i % 250),
        "198.51.100." + (i % 250),
        "x" + i + ".example",
        "y" + i + ".example",
        "base" + i + ".example",
        "sha" + i,
        "subject " + i,
        "Acc",
        "{\"i\":" + i + ",\"text\":\"caf\u00e9 \u2603\"}");
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
