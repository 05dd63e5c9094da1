package dev.mci.investigate.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mci.investigate.CaseException;
import dev.mci.investigate.IndicatorType;
import dev.mci.investigate.testing.CaseFixtures;
import dev.mci.store.CaseEntry;
import dev.mci.store.EventStore;
import dev.mci.store.StoreLocation;
import dev.mci.store.testing.TestStores;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The store-backed case index on SQLite and PostgreSQL (a schema of its own per test): cases are
 * recorded in the store's table, listed from it without reading their folders, and merged with the
 * folders the table does not know.
 */
class StoreCaseIndexTest {

  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

  @TempDir Path folder;
  private StoreLocation location;

  @AfterEach
  void dropSchema() {
    if (location != null) {
      TestStores.drop(location);
    }
  }

  private StoreLocation newStore(StoreLocation.Engine engine) {
    location = TestStores.create(engine, folder);
    EventStore.open(location).close();
    return location;
  }

  private static Case aCase(String id, Instant created, int findings) {
    CaseMessage copy =
        CaseFixtures.copy(
            "copy-" + id,
            Relation.LOCATED,
            new Address("x@evil.example", "X"),
            "cfo@acme-corp.example",
            "Hi",
            CaseFixtures.RECEIVED);
    CaseData data = new CaseData(List.of(copy), null, null, null, null, null, Set.of());
    List<Finding> list =
        java.util.stream.IntStream.range(0, findings)
            .mapToObj(i -> new Finding(i + 1, Severity.INFO, "test", "statement " + i, List.of()))
            .toList();
    Case base =
        CaseFixtures.caseOf(
            id, CaseFixtures.sender("x@evil.example"), data, list, List.of(), List.of());
    return new Case(
        base.schemaVersion(),
        id,
        created,
        created.plusSeconds(2),
        base.indicator(),
        base.window(),
        CaseStatus.PARTIAL,
        data,
        list,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        0);
  }

  private static Path write(Path root, Case model) {
    Path caseFolder = root.resolve(model.id());
    CaseFolder.write(
        caseFolder, model, List.of(), new EvidenceFolder(caseFolder.resolve("evidence")));
    return caseFolder;
  }

  @ParameterizedTest
  @EnumSource(StoreLocation.Engine.class)
  void recordedCasesAreListedFromTheTableAndUnknownFoldersFromTheScan(StoreLocation.Engine engine)
      throws Exception {
    Path root = folder.resolve("cases");
    StoreCaseIndex index = new StoreCaseIndex(newStore(engine), root);
    Case older = aCase("20250301-100000-sender-aaaaaa", T0, 2);
    Case newer = aCase("20250302-100000-sender-bbbbbb", T0.plus(Duration.ofDays(1)), 1);
    index.add(older, write(root, older));
    index.add(newer, write(root, newer));
    // A colleague's case copied in: the table does not know it.
    Case copied = aCase("20250303-100000-sender-cccccc", T0.plus(Duration.ofDays(2)), 0);
    write(root, copied);
    // The table's line is used as is: the recorded folders are not read again.
    Files.writeString(
        root.resolve(older.id()).resolve(CaseFolder.CASE_JSON), "not json", StandardCharsets.UTF_8);

    try (EventStore store = EventStore.openReadOnly(location)) {
      assertThat(store.cases().list())
          .extracting(CaseEntry::id)
          .containsExactlyInAnyOrder(older.id(), newer.id());
      CaseEntry row = store.cases().get(older.id()).orElseThrow();
      assertThat(row.status()).isEqualTo("partial");
      assertThat(row.type()).isEqualTo(IndicatorType.SENDER_ADDRESS.cliName());
      assertThat(Path.of(row.folder())).isEqualTo(root.resolve(older.id()).toAbsolutePath());
    }
    List<IndexedCase> listed = index.list();
    assertThat(listed)
        .extracting(c -> c.summary().id())
        .containsExactly(copied.id(), newer.id(), older.id());
    assertThat(listed.get(2).summary()).isEqualTo(CaseSummary.of(older));
    assertThat(listed.get(0).summary()).isEqualTo(CaseSummary.of(copied));
    assertThat(index.find("20250302").orElseThrow().folder()).isEqualTo(root.resolve(newer.id()));
    assertThatThrownBy(() -> index.find("2025030"))
        .isInstanceOf(CaseException.class)
        .hasMessageContaining("matches 3 cases");
  }

  @ParameterizedTest
  @EnumSource(StoreLocation.Engine.class)
  void rowsOfOtherRootsAndOfVanishedFoldersAreNotListed(StoreLocation.Engine engine)
      throws Exception {
    StoreLocation store = newStore(engine);
    Path mine = folder.resolve("mine");
    Path theirs = folder.resolve("theirs");
    StoreCaseIndex myIndex = new StoreCaseIndex(store, mine);
    StoreCaseIndex theirIndex = new StoreCaseIndex(store, theirs);
    Case kept = aCase("20250301-100000-sender-aaaaaa", T0, 1);
    Case deleted = aCase("20250301-110000-sender-dddddd", T0.plusSeconds(3600), 1);
    Case elsewhere = aCase("20250301-120000-sender-eeeeee", T0.plusSeconds(7200), 1);
    myIndex.add(kept, write(mine, kept));
    myIndex.add(deleted, write(mine, deleted));
    theirIndex.add(elsewhere, write(theirs, elsewhere));
    Files.delete(mine.resolve(deleted.id()).resolve(CaseFolder.CASE_JSON));

    assertThat(myIndex.list()).extracting(c -> c.summary().id()).containsExactly(kept.id());
    assertThat(theirIndex.list()).extracting(c -> c.summary().id()).containsExactly(elsewhere.id());
    assertThat(myIndex.find(elsewhere.id())).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(StoreLocation.Engine.class)
  void aRowInAFormThisBuildCannotReadIsReadFromItsFolder(StoreLocation.Engine engine) {
    StoreLocation store = newStore(engine);
    Path root = folder.resolve("cases");
    StoreCaseIndex index = new StoreCaseIndex(store, root);
    Case model = aCase("20250301-100000-sender-aaaaaa", T0, 3);
    index.add(model, write(root, model));
    try (EventStore writable = EventStore.open(store)) {
      assertThat(writable.cases().updateStatus(model.id(), "closed", "closed by the analyst"))
          .isTrue();
    }

    assertThat(index.list())
        .singleElement()
        .satisfies(c -> assertThat(c.summary()).isEqualTo(CaseSummary.of(model)));
  }

  @Test
  void withoutAStoreTheIndexCreatesNoneAndListsTheFolders() {
    Path root = folder.resolve("cases");
    Path missing = folder.resolve("nowhere").resolve("events.db");
    StoreCaseIndex index = new StoreCaseIndex(StoreLocation.sqlite(missing), root);
    Case model = aCase("20250301-100000-sender-aaaaaa", T0, 1);

    index.add(model, write(root, model));

    assertThat(missing).doesNotExist();
    assertThat(missing.getParent()).doesNotExist();
    assertThat(index.list()).extracting(c -> c.summary().id()).containsExactly(model.id());
    assertThat(index.find("20250301")).isPresent();
  }
}
