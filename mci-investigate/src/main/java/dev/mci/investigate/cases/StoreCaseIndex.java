package dev.mci.investigate.cases;

import dev.mci.investigate.CaseException;
import dev.mci.investigate.Indicator;
import dev.mci.investigate.IndicatorType;
import dev.mci.store.CaseEntry;
import dev.mci.store.EventStore;
import dev.mci.store.StoreException;
import dev.mci.store.StoreLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link CaseIndex} kept in the event store's case table (SQLite or PostgreSQL), for one cases
 * root, with a folder scan ({@link FileCaseIndex}) for what the table does not know. The case
 * folder stays the record: the table only saves reading every {@code case.json} to list cases.
 *
 * <p>The merge rule of {@link #list()} (and so of {@link #find}):
 *
 * <ol>
 *   <li>a table row counts when its folder is directly under this cases root and still holds a
 *       {@code case.json}; its line (id, time, indicator, status, counts) comes from the table,
 *       without reading the folder;
 *   <li>every other case folder under the root is added from the folder scan, which reads its
 *       {@code case.json}: cases copied in by a colleague, or written while the store was
 *       unavailable;
 *   <li>rows for folders elsewhere (another cases root, or another machine sharing a PostgreSQL
 *       store) or for folders that are gone are left out: without the folder there is no case to
 *       show;
 *   <li>a row the table holds in a form this build cannot read (e.g. a status another tool wrote)
 *       is read from its folder instead;
 *   <li>when the store cannot be read at all, the list is the folder scan alone (logged).
 * </ol>
 *
 * <p>{@link #add} writes only into a store that already holds MCI's tables (an investigation never
 * creates a store); a failure to record is logged, not thrown, since the folder scan still finds
 * the case. Each call opens and closes its own connection, so an instance is thread-safe.
 */
public final class StoreCaseIndex implements CaseIndex {

  private static final Logger LOG = LoggerFactory.getLogger(StoreCaseIndex.class);

  /** How the table's summary column starts: {@code 3 findings, 41 messages}. */
  private static final Pattern COUNTS =
      Pattern.compile("^(\\d+) findings?, (\\d+) messages?(?:: .*)?$", Pattern.DOTALL);

  private static final int MAX_SUMMARY = 300;

  private final StoreLocation store;
  private final FileCaseIndex folders;

  /**
   * @param store the store holding the case table
   * @param casesRoot the folder holding one sub-folder per case; need not exist yet
   */
  public StoreCaseIndex(StoreLocation store, Path casesRoot) {
    this.store = store;
    this.folders = new FileCaseIndex(casesRoot);
  }

  /** The cases root. */
  public Path root() {
    return folders.root();
  }

  @Override
  public void add(Case model, Path folder) {
    try {
      // Read-only first: it fails on a store that does not exist, and creates nothing.
      EventStore.openReadOnly(store).close();
      try (EventStore writable = EventStore.open(store)) {
        writable.cases().add(entry(model, folder));
      }
    } catch (StoreException e) {
      LOG.warn(
          "case {} is not in the case index of {} (listing still finds its folder): {}",
          model.id(),
          store,
          e.getMessage());
    }
  }

  /** The table row of a case. */
  static CaseEntry entry(Case model, Path folder) {
    String top = model.findings().isEmpty() ? null : model.findings().get(0).statement();
    String summary =
        model.findings().size()
            + (model.findings().size() == 1 ? " finding, " : " findings, ")
            + model.data().messages().size()
            + (model.data().messages().size() == 1 ? " message" : " messages")
            + (top == null ? "" : ": " + top);
    if (summary.length() > MAX_SUMMARY) {
      summary = summary.substring(0, MAX_SUMMARY - 1) + "…";
    }
    return new CaseEntry(
        model.id(),
        model.createdAt(),
        model.indicator().value(),
        model.indicator().type().cliName(),
        folder.toAbsolutePath().normalize().toString(),
        model.status().name().toLowerCase(Locale.ROOT),
        summary);
  }

  @Override
  public List<IndexedCase> list() {
    List<CaseEntry> entries;
    try (EventStore opened = EventStore.openReadOnly(store)) {
      entries = opened.cases().list();
    } catch (StoreException e) {
      LOG.warn(
          "the case index of {} cannot be read ({}); scanning the folders", store, e.getMessage());
      return folders.list();
    }
    Path root = folders.root().toAbsolutePath().normalize();
    Map<String, IndexedCase> known = new LinkedHashMap<>();
    for (CaseEntry entry : entries) {
      Path folder = Path.of(entry.folder()).toAbsolutePath().normalize();
      String name = folder.getFileName() == null ? "" : folder.getFileName().toString();
      if (!root.equals(folder.getParent())
          || known.containsKey(name)
          || !Files.isRegularFile(folder.resolve(CaseFolder.CASE_JSON))) {
        continue;
      }
      summary(entry, folder).ifPresent(s -> known.put(name, new IndexedCase(s, folder)));
    }
    List<IndexedCase> cases = new ArrayList<>(known.values());
    cases.addAll(folders.listExcept(known.keySet()));
    cases.sort(FileCaseIndex.NEWEST_FIRST);
    return cases;
  }

  @Override
  public Optional<IndexedCase> find(String idOrPrefix) {
    return FileCaseIndex.match(list(), idOrPrefix);
  }

  /** The index line of a row, from the row when it can be read, else from the folder. */
  private static Optional<CaseSummary> summary(CaseEntry entry, Path folder) {
    Optional<IndicatorType> type = IndicatorType.fromName(entry.type());
    Optional<CaseStatus> status = status(entry.status());
    Matcher counts = COUNTS.matcher(entry.summary() == null ? "" : entry.summary());
    if (type.isPresent() && status.isPresent() && counts.matches()) {
      try {
        return Optional.of(
            new CaseSummary(
                entry.id(),
                entry.created(),
                new Indicator(entry.indicator(), type.get()),
                status.get(),
                Integer.parseInt(counts.group(1)),
                Integer.parseInt(counts.group(2))));
      } catch (NumberFormatException tooLarge) {
        // Fall through to the folder.
      }
    }
    try {
      return Optional.of(CaseSummary.of(CaseFolder.read(folder)));
    } catch (CaseException unreadable) {
      LOG.warn("skipping {}: {}", folder, unreadable.getMessage());
      return Optional.empty();
    }
  }

  private static Optional<CaseStatus> status(String text) {
    for (CaseStatus status : CaseStatus.values()) {
      if (status.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }
}
