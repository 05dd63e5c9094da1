package dev.mci.investigate.findings;

import java.util.Locale;

/**
 * Whether one domain imitates another: the same name once common character swaps are undone ({@code
 * 0}→{@code o}, {@code rn}→{@code m}, ...), a name one or two edits away, or the other's name with
 * words added ({@code acme-corp-payments}).
 */
final class Lookalikes {

  private Lookalikes() {}

  /** Whether {@code candidate} imitates {@code genuine} without being it. */
  static boolean resembles(String candidate, String genuine) {
    String a = candidate.toLowerCase(Locale.ROOT);
    String b = genuine.toLowerCase(Locale.ROOT);
    if (a.equals(b) || a.endsWith("." + b) || b.endsWith("." + a)) {
      return false;
    }
    String stemA = normalise(stem(a));
    String stemB = normalise(stem(b));
    if (stemA.length() < 4 || stemB.length() < 4) {
      return false;
    }
    if (stemA.equals(stemB) || stemA.contains(stemB)) {
      return true;
    }
    int allowed = stemB.length() >= 8 ? 2 : 1;
    return distance(stemA, stemB) <= allowed;
  }

  /** The name without its last label, e.g. {@code acme-corp} of {@code acme-corp.example}. */
  private static String stem(String domain) {
    String[] labels = domain.split("\\.");
    if (labels.length < 2) {
      return domain;
    }
    // The label before the top-level domain: login.acme-c0rp.example -> acme-c0rp.
    return labels[labels.length - 2];
  }

  private static String normalise(String name) {
    return name.replace("rn", "m")
        .replace("vv", "w")
        .replace('0', 'o')
        .replace('1', 'l')
        .replace('3', 'e')
        .replace('5', 's')
        .replace('7', 't')
        .replace("-", "")
        .replace("_", "");
  }

  /** Levenshtein distance. */
  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
