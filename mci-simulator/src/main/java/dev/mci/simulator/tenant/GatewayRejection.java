package dev.mci.simulator.tenant;

import java.time.Instant;
import java.util.Objects;

/**
 * One recipient's copy of a message Mimecast rejected at the gateway (Message Finder status {@code
 * rejected}). Derived by {@link TenantActivity#rejections(Message)}.
 *
 * @param at when it was rejected (the receive time)
 * @param message the message
 * @param delivery the rejected copy
 * @param id the log id
 * @param type the rejection type code
 * @param info the rejection detail, e.g. {@code IP Found in RBL}
 * @param description a human description
 * @param beforeData whether the rejection came before the message body was accepted
 * @param remoteName reverse DNS of the sending IP, or {@code unknown}
 * @param remoteEhlo the EHLO the sender sent
 */
public record GatewayRejection(
    Instant at,
    Message message,
    Delivery delivery,
    String id,
    int type,
    String info,
    String description,
    boolean beforeData,
    String remoteName,
    String remoteEhlo) {

  /** Checks nothing is null. */
  public GatewayRejection {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(delivery, "delivery");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(info, "info");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(remoteName, "remoteName");
    Objects.requireNonNull(remoteEhlo, "remoteEhlo");
  }
}
