package dev.mci.store;

import java.time.Instant;

/**
 * A file a pull could not read and set aside.
 *
 * @param stream the stream it belonged to
 * @param file what the file was (a URL without its signature, or a file name)
 * @param path where the bytes were kept, when they were
 * @param reason why it could not be read
 * @param created when it was quarantined
 */
public record QuarantinedFile(
    String stream, String file, String path, String reason, Instant created) {}
