package dev.mci.simulator.tenant;

import java.util.Objects;

/**
 * Sender authentication results of an inbound message.
 *
 * @param spf SPF result for the envelope domain
 * @param dkim DKIM result
 * @param dmarc DMARC result
 */
public record AuthResults(AuthVerdict spf, AuthVerdict dkim, AuthVerdict dmarc) {

  /** Checks nothing is null. */
  public AuthResults {
    Objects.requireNonNull(spf, "spf");
    Objects.requireNonNull(dkim, "dkim");
    Objects.requireNonNull(dmarc, "dmarc");
  }

  /** All three checks skipped (outbound and internal mail). */
  public static AuthResults notChecked() {
    return new AuthResults(AuthVerdict.NONE, AuthVerdict.NONE, AuthVerdict.NONE);
  }
}
