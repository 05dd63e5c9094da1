package dev.mci.client.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The recorded responses in {@code shared/fixtures}: from the {@code mci.fixtures} system property,
 * or found by walking up from the working directory.
 */
public final class Fixtures {

  private Fixtures() {}

  public static Path dir() {
    String configured = System.getProperty("mci.fixtures");
    if (configured != null && !configured.isBlank()) {
      Path path = Path.of(configured);
      if (Files.isDirectory(path)) {
        return path;
      }
      throw new IllegalStateException("-Dmci.fixtures=" + configured + " is not a directory");
    }
    Path start = Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("fixtures");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "cannot find shared/fixtures in "
            + start
            + " or any parent; set -Dmci.fixtures=/path/to/shared/fixtures");
  }

  public static String read(String relativePath) {
    Path file = dir().resolve(relativePath);
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read fixture " + file, e);
    }
  }
}
