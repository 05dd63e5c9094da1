package dev.mci.client;

import java.util.Objects;
import java.util.Optional;

/**
 * One error reported by Mimecast in {@code fail[].errors[]} (or the flat {@code fail[]} form of
 * {@code /oauth/token}).
 *
 * @param code the machine code, e.g. {@code err_validation_invalid_email_address}; empty if absent
 * @param message the human text; empty if absent
 * @param field the offending request field, present on validation errors
 * @param retryable whether Mimecast says a retry may help
 */
public record ApiError(String code, String message, Optional<String> field, boolean retryable) {

  /** Normalises absent values: null strings become empty, a null field becomes empty. */
  public ApiError {
    code = code == null ? "" : code;
    message = message == null ? "" : message;
    field = Objects.requireNonNullElse(field, Optional.empty());
  }

  /** Short form for messages: {@code code: message (field x)}. */
  public String describe() {
    StringBuilder text = new StringBuilder(code.isEmpty() ? "(no code)" : code);
    if (!message.isEmpty()) {
      text.append(": ").append(message);
    }
    field.ifPresent(name -> text.append(" (field ").append(name).append(')'));
    return text.toString();
  }
}
