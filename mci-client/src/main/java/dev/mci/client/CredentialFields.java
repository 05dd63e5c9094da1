package dev.mci.client;

/** Validation shared by the credential records. */
final class CredentialFields {

  private CredentialFields() {}

  /** Rejects a missing or blank credential field, naming the field but never its value. */
  static String requireText(String value, String type, String field, String hint) {
    if (value == null || value.isBlank()) {
      throw new MimecastConfigException(type + "." + field + " is missing or blank: " + hint);
    }
    return value.strip();
  }
}
