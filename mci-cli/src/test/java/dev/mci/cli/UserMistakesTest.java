package dev.mci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input gets one clear sentence naming the problem, a non-zero exit code, and never a stack
 * trace. None of these reach a network: they fail before any call.
 */
class UserMistakesTest {
  @TempDir Path folder;

  private CliRun.Env withOAuth(String baseUrl) {
    return CliRun.env(folder)
        .set("MIMECAST_BASE_URL", baseUrl)
        .set("MIMECAST_CLIENT_ID", "id")
        .set("MIMECAST_CLIENT_SECRET", "s3cret-value");
  }

  private static void assertOneLineError(CliRun run, int exitCode, String... fragments) {
    assertThat(run.exitCode).as(run.toString()).isEqualTo(exitCode);
    assertThat(run.err).startsWith("mci: ").contains(fragments);
    assertThat(run.err).doesNotContain("\tat ").doesNotContain("Exception in thread");
    assertThat(run.err).doesNotContain("s3cret-value");
  }

  @Test
  void malformedBaseUrlIsAConfigurationError() {
    CliRun run = withOAuth("htp:/api services").run("messages", "search", "--from", "x.example");
    assertOneLineError(run, ExitCode.CONFIG, "Base URL", "malformed");
  }

  @Test
  void plainHttpToARemoteHostIsRefused() {
    CliRun run =
        withOAuth("http://api.services.mimecast.com")
            .run("messages", "search", "--from", "x.example");
    assertOneLineError(run, ExitCode.CONFIG, "https");
  }

  @Test
  void missingCredentialsNameTheVariablesToSet() {
    CliRun run = CliRun.env(folder).run("messages", "search", "--from", "x.example");
    assertOneLineError(
        run, ExitCode.CONFIG, "MIMECAST_CLIENT_ID", "MIMECAST_CLIENT_SECRET", "mci demo");
  }

  @Test
  void api1KeysWithoutARegionAskForOne() {
    CliRun run =
        CliRun.env(folder)
            .set("MIMECAST_APP_ID", "app")
            .set("MIMECAST_APP_KEY", "key")
            .set("MIMECAST_ACCESS_KEY", "access")
            .set("MIMECAST_SECRET_KEY", "c2VjcmV0")
            .run("auth", "check");
    assertOneLineError(run, ExitCode.CONFIG, "MIMECAST_BASE_URL");
  }

  @Test
  void aNonUrlToDecodeIsRejectedNamingTheInput() {
    CliRun run = withOAuth("https://api.services.mimecast.com").run("urls", "decode", "not a url");
    assertOneLineError(run, ExitCode.USAGE, "not a url");
  }

  @Test
  void anInvertedDateRangeIsRejected() {
    CliRun run =
        withOAuth("https://api.services.mimecast.com")
            .run("messages", "search", "--from", "x.example", "--since", "1h", "--until", "2d");
    assertOneLineError(run, ExitCode.USAGE, "--since", "--until");
  }

  @Test
  void anUnparseableTimeNamesTheAcceptedForms() {
    CliRun run =
        withOAuth("https://api.services.mimecast.com")
            .run("messages", "search", "--from", "x.example", "--since", "last tuesday");
    assertOneLineError(run, ExitCode.USAGE, "--since", "24h");
  }

  @Test
  void anUnknownOptionSuggestsHelp() {
    CliRun run = CliRun.env(folder).run("messages", "search", "--frm", "x");
    assertOneLineError(run, ExitCode.USAGE, "--frm", "--help");
  }

  @Test
  void secretsAreNotAcceptedAsFlags() {
    CliRun run = CliRun.env(folder).run("auth", "check", "--client-secret", "s3cret-value");
    assertThat(run.exitCode).isEqualTo(ExitCode.USAGE);
    assertThat(run.err).doesNotContain("\tat ");
  }

  @Test
  void aProfileHoldingASecretInClearTextIsRefused() throws Exception {
    Path profiles = Files.createDirectories(folder.resolve("config/profiles"));
    Files.writeString(
        profiles.resolve("team.properties"), "clientId=id\nclientSecret=s3cret-value\n");
    CliRun run = CliRun.env(folder).run("--profile", "team", "auth", "check");
    assertOneLineError(run, ExitCode.CONFIG, "clientSecretFile");
  }

  @Test
  void anUnknownProfileSaysWhereToCreateIt() {
    CliRun run = CliRun.env(folder).run("--profile", "nope", "auth", "check");
    assertOneLineError(run, ExitCode.CONFIG, "profile 'nope' not found");
  }

  @Test
  void aBadFaultProfileForTheSimulatorNamesTheValidKeys() {
    CliRun run = CliRun.env(folder).run("sim", "--faults", "latency=fast", "--stop-after", "0");
    assertOneLineError(run, ExitCode.USAGE, "--faults");
  }
}
