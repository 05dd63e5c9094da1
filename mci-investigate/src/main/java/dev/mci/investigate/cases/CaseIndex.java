package dev.mci.investigate.cases;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds cases without calling the API. The case folder is the record; an index only points at
 * folders. {@link FileCaseIndex} scans a folder of cases; {@link StoreCaseIndex} keeps the cases in
 * the event store's case table and scans the folder only for the cases the table does not know (its
 * javadoc states the merge rule).
 */
public interface CaseIndex {

  /** Records a newly written case. */
  void add(Case model, Path folder);

  /** Every case, newest first. */
  List<IndexedCase> list();

  /**
   * The case with this id, or with an id starting with this text when exactly one does.
   *
   * @throws dev.mci.investigate.CaseException when the prefix matches several cases
   */
  Optional<IndexedCase> find(String idOrPrefix);
}
