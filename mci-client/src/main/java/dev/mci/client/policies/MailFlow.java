package dev.mci.client.policies;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One message's path for {@link PolicyExplainer}: who sent it (envelope and header {@code From} may
 * differ), to whom, from which IP and when.
 *
 * @param envelopeFrom the envelope sender (SMTP {@code MAIL FROM})
 * @param headerFrom the header {@code From} address
 * @param recipient the recipient address
 * @param senderIp the connecting IP, when known; IP-conditioned policies need it
 * @param at when the message arrived; policies are checked against their dates at this time
 */
public record MailFlow(
    String envelopeFrom,
    String headerFrom,
    String recipient,
    Optional<String> senderIp,
    Instant at) {

  /** Checks nothing is null. */
  public MailFlow {
    Objects.requireNonNull(envelopeFrom, "envelopeFrom");
    Objects.requireNonNull(headerFrom, "headerFrom");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(senderIp, "senderIp");
    Objects.requireNonNull(at, "at");
    envelopeFrom = envelopeFrom.strip();
    headerFrom = headerFrom.strip();
    recipient = recipient.strip();
    senderIp = senderIp.map(String::strip).filter(ip -> !ip.isEmpty());
  }

  /** Mail whose envelope and header sender are the same address, with no known IP. */
  public static MailFlow of(String sender, String recipient, Instant at) {
    return new MailFlow(sender, sender, recipient, Optional.empty(), at);
  }

  /** The same mail arriving from {@code ip}. */
  public MailFlow fromIp(String ip) {
    return new MailFlow(envelopeFrom, headerFrom, recipient, Optional.ofNullable(ip), at);
  }

  /** The same mail with a different header {@code From}. */
  public MailFlow withHeaderFrom(String address) {
    return new MailFlow(envelopeFrom, address, recipient, senderIp, at);
  }
}
