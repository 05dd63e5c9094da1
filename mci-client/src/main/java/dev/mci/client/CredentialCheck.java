package dev.mci.client;

import java.net.URI;

/**
 * The result of {@link MimecastClient#checkCredentials()}: the credentials work, and this is the
 * account they reach.
 *
 * @param generation the API generation used
 * @param baseUrl the host that accepted the credentials
 * @param accountCode the account code, e.g. {@code CUSA102A236}
 * @param accountName the account's name
 * @param region the account's region as Mimecast reports it (may be empty)
 */
public record CredentialCheck(
    ApiGeneration generation, URI baseUrl, String accountCode, String accountName, String region) {}
