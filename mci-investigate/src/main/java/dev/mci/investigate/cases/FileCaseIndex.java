package dev.mci.investigate.cases;

import dev.mci.investigate.CaseException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link CaseIndex}: the sub-folders of a cases root that hold a {@code case.json}.
 * Nothing is stored besides the folders themselves, so {@link #add} has nothing to do. Folders that
 * do not hold a readable case are skipped (and logged), never fatal. Every listing reads every
 * {@code case.json}; {@link StoreCaseIndex} avoids that for the cases the store knows.
 */
public final class FileCaseIndex implements CaseIndex {

  private static final Logger LOG = LoggerFactory.getLogger(FileCaseIndex.class);

  private final Path root;

  /**
   * @param root the folder holding one sub-folder per case; need not exist yet
   */
  public FileCaseIndex(Path root) {
    this.root = root;
  }

  /** The cases root. */
  public Path root() {
    return root;
  }

  @Override
  public void add(Case model, Path folder) {
    // The folder under the root is the index entry.
  }

  @Override
  public List<IndexedCase> list() {
    return listExcept(Set.of());
  }

  /**
   * The cases under the root whose folder name is not in {@code known}, newest first; the folders
   * skipped are not read.
   */
  List<IndexedCase> listExcept(Set<String> known) {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    List<IndexedCase> cases = new ArrayList<>();
    try (Stream<Path> folders = Files.list(root)) {
      for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
        if (known.contains(folder.getFileName().toString())
            || !Files.isRegularFile(folder.resolve(CaseFolder.CASE_JSON))) {
          continue;
        }
        try {
          cases.add(new IndexedCase(CaseSummary.of(CaseFolder.read(folder)), folder));
        } catch (CaseException unreadable) {
          LOG.warn("skipping {}: {}", folder, unreadable.getMessage());
        }
      }
    } catch (IOException e) {
      throw new CaseException("cannot list cases in " + root + ": " + e, e);
    }
    cases.sort(NEWEST_FIRST);
    return cases;
  }

  /** The order of every listing: newest first, then by id. */
  static final Comparator<IndexedCase> NEWEST_FIRST =
      Comparator.comparing(
              (IndexedCase c) -> c.summary().createdAt(),
              Comparator.nullsLast(Comparator.reverseOrder()))
          .thenComparing(c -> c.summary().id());

  @Override
  public Optional<IndexedCase> find(String idOrPrefix) {
    return match(list(), idOrPrefix);
  }

  /**
   * The case of {@code cases} with this id, or with an id starting with this text when exactly one
   * does.
   *
   * @throws CaseException when the prefix matches several cases
   */
  static Optional<IndexedCase> match(List<IndexedCase> cases, String idOrPrefix) {
    String wanted = idOrPrefix == null ? "" : idOrPrefix.strip();
    if (wanted.isEmpty()) {
      return Optional.empty();
    }
    Optional<IndexedCase> exact =
        cases.stream().filter(c -> c.summary().id().equals(wanted)).findFirst();
    if (exact.isPresent()) {
      return exact;
    }
    List<IndexedCase> matches =
        cases.stream().filter(c -> c.summary().id().startsWith(wanted)).toList();
    if (matches.size() > 1) {
      throw new CaseException(
          "'"
              + wanted
              + "' matches "
              + matches.size()
              + " cases ("
              + matches.stream()
                  .map(c -> c.summary().id())
                  .limit(5)
                  .collect(Collectors.joining(", "))
              + (matches.size() > 5 ? ", ..." : "")
              + "); give more of the id",
          null);
    }
    return matches.stream().findFirst();
  }
}
