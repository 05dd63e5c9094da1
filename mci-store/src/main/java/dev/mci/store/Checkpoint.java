package dev.mci.store;

import java.time.Instant;
import java.util.Optional;

/**
 * Where one stream of a pull stopped.
 *
 * @param stream the stream, e.g. {@code siem-batch:receipt}, {@code siem-v1}, {@code audit}
 * @param cursor the stream's cursor (opaque to the store); empty to start from the beginning
 * @param updated when it was last written
 * @param events how many new events the stream has stored in total
 */
public record Checkpoint(String stream, Optional<String> cursor, Instant updated, long events) {}
