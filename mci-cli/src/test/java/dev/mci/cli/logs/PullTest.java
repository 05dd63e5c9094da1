package dev.mci.cli.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mci.cli.CliEnvironment;
import dev.mci.cli.support.OutputFormat;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PullTest {

  private static CliEnvironment environment(boolean interactive) {
    return new CliEnvironment(
        Map.of(),
        Path.of("config"),
        Path.of("."),
        new ByteArrayInputStream(new byte[0]),
        interactive,
        Clock.systemUTC());
  }

  @Test
  void noBarWithoutATerminal() {
    assertThat(Pull.showsProgress(environment(false), OutputFormat.NDJSON)).isFalse();
    assertThat(Pull.showsProgress(environment(false), OutputFormat.TABLE)).isFalse();
  }

  @Test
  void aBarWhileATableIsBeingCollectedAtTheTerminal() {
    assertThat(Pull.showsProgress(environment(true), OutputFormat.TABLE)).isTrue();
  }

  @Test
  void noBarWhenStreamedRowsGoToTheSameTerminal() {
    assertThat(Pull.showsProgress(environment(true), OutputFormat.NDJSON)).isFalse();
    assertThat(Pull.showsProgress(environment(true), OutputFormat.CSV)).isFalse();
  }
}
