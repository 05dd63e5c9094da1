package dev.mci.client.hashes;

import java.util.Objects;

/**
 * The answer for one input hash.
 *
 * @param input the hash as given
 * @param sha256 the hash in lower case, as sent
 * @param verdict what Mimecast said
 * @param explanation one sentence saying what the verdict means
 */
public record HashResult(String input, String sha256, HashVerdict verdict, String explanation) {

  /** Checks nothing is null. */
  public HashResult {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(explanation, "explanation");
  }

  /** Whether the account has seen the file. */
  public boolean detected() {
    return verdict == HashVerdict.DETECTED;
  }
}
