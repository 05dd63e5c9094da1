package dev.mci.investigate.cases;

/**
 * A pointer from a finding or timeline event to what supports it.
 *
 * @param kind {@code message} (a Message Finder id), {@code url}, {@code attachment} (a SHA-256),
 *     {@code click}, {@code hold}, {@code group}, {@code step} (a step name), {@code file} (a path
 *     in the case folder) or {@code request} (an {@code x-mc-req-id} in audit.ndjson)
 * @param id the identifier within that kind
 */
public record EvidenceRef(String kind, String id) {

  /** A message copy by its id. */
  public static EvidenceRef message(String id) {
    return new EvidenceRef("message", id);
  }

  /** A URL. */
  public static EvidenceRef url(String url) {
    return new EvidenceRef("url", url);
  }

  /** A step by name. */
  public static EvidenceRef step(String name) {
    return new EvidenceRef("step", name);
  }

  @Override
  public String toString() {
    return kind + ":" + id;
  }
}
