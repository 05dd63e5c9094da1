package dev.mci.investigate.steps;

import dev.mci.client.MimecastClient;
import dev.mci.client.messages.ArchiveQuery;
import dev.mci.client.messages.ArchivedMessage;
import dev.mci.client.messages.EmailAddress;
import dev.mci.investigate.Indicator;
import dev.mci.investigate.IndicatorType;
import dev.mci.investigate.cases.Address;
import dev.mci.investigate.cases.CaseMessage;
import dev.mci.investigate.cases.Relation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Archive search as the {@link ArchiveLocator}: the part of the window beyond Message Finder's 30
 * days. The archive answers one row per message (not per recipient) and searches by sender or
 * recipient only, so other indicator types find nothing there.
 */
public final class ArchiveSearchLocator implements ArchiveLocator {

  static final String STEP = "locate-messages";

  /** The {@code info} of a copy found in the archive (it has no Message Finder id). */
  static final String ARCHIVE_INFO = "found in the archive";

  @Override
  public boolean searches(IndicatorType type) {
    return type == IndicatorType.SENDER_ADDRESS
        || type == IndicatorType.SENDER_DOMAIN
        || type == IndicatorType.USER_ADDRESS;
  }

  @Override
  public List<CaseMessage> locate(
      MimecastClient client, Indicator indicator, Instant since, Instant until) {
    ArchiveQuery.Builder query = ArchiveQuery.builder().start(since).end(until);
    switch (indicator.type()) {
      case SENDER_ADDRESS, SENDER_DOMAIN -> query.from(indicator.value());
      case USER_ADDRESS -> query.to(indicator.value());
      default -> {
        return List.of();
      }
    }
    List<CaseMessage> found = new ArrayList<>();
    for (ArchivedMessage row : client.messages().archiveSearch(query.build())) {
      found.add(toCase(row, Relation.LOCATED, STEP));
    }
    return found;
  }

  static CaseMessage toCase(ArchivedMessage row, Relation relation, String step) {
    Address from = new Address(nullToEmpty(row.displayFromAddress()), row.displayFrom());
    List<Address> to =
        row.to().stream()
            .map((EmailAddress a) -> new Address(a.emailAddress(), a.displayableName()))
            .toList();
    return new CaseMessage(
        row.id(),
        relation,
        row.status(),
        ARCHIVE_INFO,
        null,
        from,
        to,
        row.received(),
        row.subject(),
        null,
        null,
        null,
        row.attachmentCount() == null ? null : row.attachmentCount() > 0,
        step);
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
