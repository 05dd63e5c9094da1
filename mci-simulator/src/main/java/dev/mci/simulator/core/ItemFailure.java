package dev.mci.simulator.core;

import java.util.List;

/**
 * Thrown by a handler while processing one request item; the pipeline turns it into a {@code
 * fail[]} entry whose {@code key} is that item (HTTP 200, as Mimecast reports function errors).
 */
public final class ItemFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<ApiError> errors;

  /** A failure carrying one or more errors. */
  public ItemFailure(List<ApiError> errors) {
    super(errors.isEmpty() ? "item failed" : errors.get(0).code(), null, false, false);
    this.errors = List.copyOf(errors);
    if (this.errors.isEmpty()) {
      throw new IllegalArgumentException("an item failure needs at least one error");
    }
  }

  /** A failure carrying one error. */
  public ItemFailure(ApiError error) {
    this(List.of(error));
  }

  /** The errors to report. */
  public List<ApiError> errors() {
    return errors;
  }
}
