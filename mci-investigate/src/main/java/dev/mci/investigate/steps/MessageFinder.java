package dev.mci.investigate.steps;

import dev.mci.client.MimecastClient;
import dev.mci.client.messages.EmailAddress;
import dev.mci.client.messages.MessageSearch;
import dev.mci.client.messages.TrackedEmail;
import dev.mci.investigate.cases.Address;
import dev.mci.investigate.cases.CaseMessage;
import dev.mci.investigate.cases.CaseRecorder;
import dev.mci.investigate.cases.CaseWindow;
import dev.mci.investigate.cases.Relation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Message Finder as the steps use it: the part of a window it can search, and row conversion. */
public final class MessageFinder {

  /**
   * How far back the steps search. Message Finder refuses a start 30 days back or more, strictly to
   * the day, so the steps stay a day inside, as the client's {@code searchAll} default does.
   */
  public static final Duration REACH = Duration.ofDays(29);

  /** Recorded by Mimecast with every search (reference 01 §1.2). */
  static final String SEARCH_REASON = "MCI investigation";

  private MessageFinder() {}

  /** The part of the window Message Finder covers at {@code now}; empty when none of it. */
  public static Optional<CaseWindow> coverable(CaseWindow window, Instant now) {
    Instant oldest = now.minus(REACH);
    Instant since = window.since().isBefore(oldest) ? oldest : window.since();
    return since.isBefore(window.until())
        ? Optional.of(new CaseWindow(since, window.until()))
        : Optional.empty();
  }

  /** Whether part of the window is older than Message Finder's reach. */
  public static boolean reachesBeyond(CaseWindow window, Instant now) {
    return window.since().isBefore(now.minus(REACH));
  }

  /** Every row of the query in the window (the client splits windows past the 500-row cap). */
  public static List<TrackedEmail> searchAll(
      MimecastClient client, CaseWindow window, UnaryOperator<MessageSearch.Builder> filters) {
    MessageSearch query =
        filters
            .apply(
                MessageSearch.builder()
                    .start(window.since())
                    .end(window.until())
                    .searchReason(SEARCH_REASON))
            .build();
    List<TrackedEmail> rows = new ArrayList<>();
    client.messages().searchAll(query).forEach(rows::add);
    return rows;
  }

  /** The rows as case messages. */
  static List<CaseMessage> toCase(List<TrackedEmail> rows, Relation relation, String step) {
    List<CaseMessage> copies = new ArrayList<>(rows.size());
    for (TrackedEmail row : rows) {
      copies.add(
          new CaseMessage(
              row.id(),
              relation,
              row.status(),
              row.info(),
              address(row.fromEnv()),
              address(row.fromHdr()),
              row.to().stream().filter(Objects::nonNull).map(MessageFinder::address).toList(),
              row.received(),
              row.subject(),
              row.senderIp(),
              row.route(),
              row.spamScore(),
              row.attachments(),
              step));
    }
    return copies;
  }

  /**
   * Records the domains the rows prove internal: recipients of inbound mail, senders of outbound
   * mail, both ends of internal mail.
   */
  static void learnInternalDomains(List<CaseMessage> copies, CaseRecorder recorder) {
    Set<String> internal = new HashSet<>();
    for (CaseMessage copy : copies) {
      String route = copy.route() == null ? "" : copy.route().toLowerCase(Locale.ROOT);
      if (route.equals("inbound") || route.equals("internal")) {
        copy.to().forEach(to -> internal.add(to.domain()));
      }
      if (route.equals("outbound") || route.equals("internal")) {
        internal.add(copy.sender().domain());
      }
    }
    internal.remove("");
    recorder.internalDomains(internal);
  }

  private static Address address(EmailAddress address) {
    return address == null ? null : new Address(address.emailAddress(), address.displayableName());
  }
}
