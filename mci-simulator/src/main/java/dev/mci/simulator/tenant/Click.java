package dev.mci.simulator.tenant;

import java.time.Instant;
import java.util.Objects;

/**
 * One URL Protect click: a recipient of a delivered inbound message followed one of its rewritten
 * links. Derived by {@link TenantActivity#clicks(Message)}; only risky clickers ({@link
 * UserBehaviour#clicksRealLinks()}) click.
 *
 * @param at when the click happened
 * @param message the message that carried the link
 * @param delivery the clicking recipient's copy
 * @param urlIndex position of the link in {@link Message#urls()}
 * @param url the link
 * @param action URL Protect's action: {@code allow}, {@code warn} or {@code block}
 * @param scanResult {@code clean} or {@code malicious}
 * @param adminOverride {@code N/A}, or the managed URL action that applied ({@code Block}, {@code
 *     Permit})
 * @param userOverride {@code None}, or {@code Continue} when the user went on past a warning
 * @param userAwarenessAction {@code N/A}, or {@code Continue}
 */
public record Click(
    Instant at,
    Message message,
    Delivery delivery,
    int urlIndex,
    MessageUrl url,
    String action,
    String scanResult,
    String adminOverride,
    String userOverride,
    String userAwarenessAction) {

  /** Checks nothing is null. */
  public Click {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(delivery, "delivery");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(scanResult, "scanResult");
    Objects.requireNonNull(adminOverride, "adminOverride");
    Objects.requireNonNull(userOverride, "userOverride");
    Objects.requireNonNull(userAwarenessAction, "userAwarenessAction");
  }

  /** The user who clicked. */
  public Mailbox user() {
    return delivery.recipient();
  }

  /** Whether URL Protect stopped the click. */
  public boolean blocked() {
    return action.equals("block");
  }
}
