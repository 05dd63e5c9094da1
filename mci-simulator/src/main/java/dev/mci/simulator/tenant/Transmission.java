package dev.mci.simulator.tenant;

import java.time.Instant;
import java.util.Objects;

/**
 * The SMTP legs of a message through Mimecast: the receipt from the sending server and the delivery
 * to the next hop. The Received headers, Message Finder info and logs all read these.
 *
 * @param remoteHost the sending server's host name (reverse DNS of the sending IP)
 * @param greeting what the sending server said, e.g. {@code EHLO mx1.example}
 * @param smtpId Mimecast's receipt id, as in its Received header
 * @param processingServer the Mimecast MTA that processed the message
 * @param tls whether the receipt used TLS
 * @param receiptStart when the receipt started
 * @param receiptEnd when the receipt ended (the message's received time)
 * @param deliveryServer the Mimecast host that delivered the message
 * @param deliveryIp that host's IP
 * @param nextHost the server the message was delivered to
 * @param nextIp that server's IP
 * @param deliveryStart when delivery started (after a release, for held copies)
 * @param deliveryEnd when delivery ended
 */
public record Transmission(
    String remoteHost,
    String greeting,
    String smtpId,
    String processingServer,
    boolean tls,
    Instant receiptStart,
    Instant receiptEnd,
    String deliveryServer,
    String deliveryIp,
    String nextHost,
    String nextIp,
    Instant deliveryStart,
    Instant deliveryEnd) {

  /** Checks nothing is null. */
  public Transmission {
    Objects.requireNonNull(remoteHost, "remoteHost");
    Objects.requireNonNull(greeting, "greeting");
    Objects.requireNonNull(smtpId, "smtpId");
    Objects.requireNonNull(processingServer, "processingServer");
    Objects.requireNonNull(receiptStart, "receiptStart");
    Objects.requireNonNull(receiptEnd, "receiptEnd");
    Objects.requireNonNull(deliveryServer, "deliveryServer");
    Objects.requireNonNull(deliveryIp, "deliveryIp");
    Objects.requireNonNull(nextHost, "nextHost");
    Objects.requireNonNull(nextIp, "nextIp");
    Objects.requireNonNull(deliveryStart, "deliveryStart");
    Objects.requireNonNull(deliveryEnd, "deliveryEnd");
  }
}
