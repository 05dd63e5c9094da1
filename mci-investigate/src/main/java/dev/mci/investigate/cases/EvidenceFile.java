package dev.mci.investigate.cases;

/**
 * A file saved in the case's {@code evidence/} folder.
 *
 * @param path path relative to the case folder, e.g. {@code evidence/message-finder-locate.json}
 * @param sha256 lower-case hex SHA-256 of the bytes written
 * @param bytes size
 * @param description what it is
 * @param step the step that saved it
 */
public record EvidenceFile(
    String path, String sha256, long bytes, String description, String step) {}
