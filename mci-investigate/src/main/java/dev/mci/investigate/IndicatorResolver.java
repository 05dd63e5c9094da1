package dev.mci.investigate;

import dev.mci.client.MimecastClient;
import dev.mci.client.messages.EmailAddress;
import dev.mci.client.messages.MessageSearch;
import dev.mci.client.messages.TrackedEmail;
import dev.mci.investigate.cases.CaseWindow;
import dev.mci.investigate.engine.StepScope;
import dev.mci.investigate.steps.MessageFinder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Decides what an indicator is when its form alone does not: an address is a sender or a user
 * depending on whether its domain is one of the tenant's (known from the options, or learnt from
 * the messages to and from it); an internal address that also sent mail stays ambiguous. The
 * Message Finder rows it fetched are handed on, so locating the messages costs no second call.
 */
final class IndicatorResolver {

  /** The name its API calls carry in the audit trail. */
  static final String STEP = "resolve-indicator";

  /**
   * A decided indicator.
   *
   * @param indicator the indicator
   * @param prefetched Message Finder rows for exactly this indicator and window, or null
   */
  record Resolution(Indicator indicator, List<TrackedEmail> prefetched) {}

  private IndicatorResolver() {}

  static Resolution resolve(
      String text,
      MimecastClient client,
      CaseWindow window,
      Instant now,
      Set<String> knownInternal) {
    List<IndicatorType> candidates = Indicator.candidates(text);
    if (candidates.isEmpty()) {
      Indicator.parse(text); // throws the unrecognised-indicator explanation
    }
    if (candidates.size() == 1) {
      return new Resolution(Indicator.of(text, candidates.get(0)), null);
    }
    Optional<CaseWindow> searchable = MessageFinder.coverable(window, now);
    if (searchable.isEmpty()) {
      throw new AmbiguousIndicatorException(
          text.strip(),
          candidates,
          "the window is older than Message Finder's 30 days, so mail cannot tell");
    }
    Indicator sender = Indicator.of(text, IndicatorType.SENDER_ADDRESS);
    String address = sender.value();
    String domain = sender.domain();
    List<TrackedEmail> from = search(client, searchable.get(), b -> b.from(address));
    List<TrackedEmail> to = search(client, searchable.get(), b -> b.to(address));
    List<TrackedEmail> byMessageId = List.of();
    if (candidates.contains(IndicatorType.MESSAGE_ID_HEADER)) {
      String messageId = Indicator.of(text, IndicatorType.MESSAGE_ID_HEADER).value();
      byMessageId = search(client, searchable.get(), b -> b.messageId(messageId));
    }

    Set<String> internal = new HashSet<>(knownInternal);
    List<TrackedEmail> all = new ArrayList<>(from);
    all.addAll(to);
    internal.addAll(internalDomains(all));
    boolean isInternal = internal.contains(domain);
    boolean sent = !from.isEmpty();
    boolean received = !to.isEmpty();

    if (!byMessageId.isEmpty()) {
      if (!sent && !received) {
        return new Resolution(
            Indicator.of(text, IndicatorType.MESSAGE_ID_HEADER), List.copyOf(byMessageId));
      }
      throw new AmbiguousIndicatorException(
          text.strip(), candidates, "it is a Message-ID and also an address with mail");
    }
    if (isInternal && sent) {
      throw new AmbiguousIndicatorException(
          text.strip(),
          List.of(IndicatorType.SENDER_ADDRESS, IndicatorType.USER_ADDRESS),
          "it is an internal address that also sent mail in the window");
    }
    if (isInternal || (received && !sent)) {
      return new Resolution(Indicator.of(text, IndicatorType.USER_ADDRESS), List.copyOf(to));
    }
    if (sent) {
      return new Resolution(sender, List.copyOf(from));
    }
    throw new AmbiguousIndicatorException(
        text.strip(),
        List.of(IndicatorType.SENDER_ADDRESS, IndicatorType.USER_ADDRESS),
        "no mail from or to it in the window tells whether it is internal");
  }

  private static List<TrackedEmail> search(
      MimecastClient client, CaseWindow window, UnaryOperator<MessageSearch.Builder> filter) {
    return StepScope.call(STEP, () -> MessageFinder.searchAll(client, window, filter));
  }

  /** Recipients of inbound mail and senders of outbound mail are the tenant's own. */
  private static Set<String> internalDomains(List<TrackedEmail> rows) {
    Set<String> domains = new HashSet<>();
    for (TrackedEmail row : rows) {
      String route = row.route() == null ? "" : row.route().toLowerCase(Locale.ROOT);
      if (route.equals("inbound") || route.equals("internal")) {
        row.to().forEach(to -> domains.add(domainOf(to)));
      }
      if (route.equals("outbound") || route.equals("internal")) {
        domains.add(domainOf(row.fromEnv()));
        domains.add(domainOf(row.fromHdr()));
      }
    }
    domains.remove("");
    return domains;
  }

  private static String domainOf(EmailAddress address) {
    if (address == null || address.emailAddress() == null) {
      return "";
    }
    String value = address.emailAddress().toLowerCase(Locale.ROOT);
    return value.substring(value.lastIndexOf('@') + 1);
  }
}
