package dev.mci.simulator.events;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Decides which served files are damaged on purpose ({@link EventStreamConfig#corruptFiles()},
 * {@link EventStreamConfig#truncatedFiles()}). A reference names a file by its ordinal from the
 * first retention window; it is resolved to {@code (window, part)} once, by walking the log.
 * Thread-safe.
 */
final class DamagedFiles {

  /** What to do to a file. */
  enum Damage {
    NONE,
    CORRUPT,
    TRUNCATED
  }

  /** The API 1.0 log files' reference prefix. */
  static final String LEGACY = "siem-v1";

  private final SiemLog log;
  private final Map<String, String> resolved = new HashMap<>();

  DamagedFiles(SiemLog log) {
    this.log = log;
  }

  /** The damage of batch file {@code (type, window, part)}. */
  Damage batchFile(SiemType type, long window, int part, Instant now) {
    return damage(type.wire(), key(type.ordinal(), window, part), now);
  }

  /** The damage of API 1.0 file {@code (type, window, part)}. */
  Damage legacyFile(SiemType type, long window, int part, Instant now) {
    return damage(LEGACY, key(type.ordinal(), window, part), now);
  }

  private Damage damage(String family, String fileKey, Instant now) {
    EventStreamConfig config = log.config();
    if (config.corruptFiles().isEmpty() && config.truncatedFiles().isEmpty()) {
      return Damage.NONE;
    }
    for (String ref : config.corruptFiles()) {
      if (ref.startsWith(family + ":") && resolve(ref, now).filter(fileKey::equals).isPresent()) {
        return Damage.CORRUPT;
      }
    }
    for (String ref : config.truncatedFiles()) {
      if (ref.startsWith(family + ":") && resolve(ref, now).filter(fileKey::equals).isPresent()) {
        return Damage.TRUNCATED;
      }
    }
    return Damage.NONE;
  }

  private synchronized Optional<String> resolve(String ref, Instant now) {
    String known = resolved.get(ref);
    if (known != null) {
      return Optional.of(known);
    }
    int colon = ref.lastIndexOf(':');
    String family = ref.substring(0, colon);
    long target = Long.parseLong(ref.substring(colon + 1));
    long seen = 0;
    long end = log.firstUnpublished(now);
    for (long w = log.firstWindow(); w < end; w++) {
      for (SiemType type : types(family)) {
        int parts = log.parts(type, w);
        if (target < seen + parts) {
          String key = key(type.ordinal(), w, (int) (target - seen));
          resolved.put(ref, key);
          return Optional.of(key);
        }
        seen += parts;
      }
    }
    return Optional.empty();
  }

  private static Iterable<SiemType> types(String family) {
    if (family.equals(LEGACY)) {
      return SiemLog.CLOUD_GATEWAY;
    }
    return SiemType.fromWire(family).map(java.util.List::of).orElse(java.util.List.of());
  }

  private static String key(int type, long window, int part) {
    return type + "/" + window + "/" + part;
  }
}
