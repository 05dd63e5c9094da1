package dev.mci.client.hashes;

/** What Mimecast said about one hash. */
public enum HashVerdict {
  /** Seen in the account's messages within the last year. */
  DETECTED,
  /** Not seen in the account's messages within the last year. */
  NOT_DETECTED,
  /**
   * Mimecast could not check it ({@code failedHashes}): search-hash does not support hashes of
   * image files, so this says nothing about whether the file was seen.
   */
  UNSUPPORTED
}
