/**
 * Threat Remediation file-hash search (reference 03 §2): has the account seen these SHA-256 hashes
 * in its messages over the last year? Obtain {@link dev.mci.client.hashes.HashesApi} from {@code
 * MimecastClient.hashes()}.
 */
package dev.mci.client.hashes;
