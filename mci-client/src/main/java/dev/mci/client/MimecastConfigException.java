package dev.mci.client;

/** Bad input to {@link MimecastClient.Builder}; the message names the problem and the fix. */
public final class MimecastConfigException extends MimecastException {

  private static final long serialVersionUID = 1L;

  /** The endpoint name used for configuration errors, which belong to no API call. */
  public static final String CONFIGURATION = "client configuration";

  /**
   * @param detail what is wrong and how to fix it; must not contain secrets
   */
  public MimecastConfigException(String detail) {
    super(CONFIGURATION, null, detail, null);
  }

  /**
   * @param endpoint the API path the caller tried to use
   * @param detail what is wrong and how to fix it; must not contain secrets
   */
  public MimecastConfigException(String endpoint, String detail) {
    super(endpoint, null, detail, null);
  }
}
