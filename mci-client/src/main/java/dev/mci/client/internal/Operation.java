package dev.mci.client.internal;

import java.util.Objects;

/**
 * One Mimecast endpoint, declared once by its area: the path, whether it only reads (and may
 * therefore be retried) and whether it is paged with {@code meta.pagination} tokens.
 *
 * @param path the API path, starting with {@code /}
 * @param access {@link Access#READ} or {@link Access#WRITE}
 * @param paged whether the endpoint returns {@code next} tokens
 */
public record Operation(String path, Access access, boolean paged) {

  /** Whether an operation changes state in the tenant. */
  public enum Access {
    /** Reads only; safe to retry. */
    READ,
    /** Changes state; never retried and only allowed when the client was built with writes on. */
    WRITE
  }

  /** Validates the path. */
  public Operation {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(access, "access");
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("operation path must start with '/': " + path);
    }
  }

  /** A read-only endpoint without paging. */
  public static Operation read(String path) {
    return new Operation(path, Access.READ, false);
  }

  /** A read-only endpoint paged with {@code next} tokens. */
  public static Operation readPaged(String path) {
    return new Operation(path, Access.READ, true);
  }

  /** An endpoint that changes state. */
  public static Operation write(String path) {
    return new Operation(path, Access.WRITE, false);
  }

  /** Whether this operation only reads. */
  public boolean isRead() {
    return access == Access.READ;
  }
}
