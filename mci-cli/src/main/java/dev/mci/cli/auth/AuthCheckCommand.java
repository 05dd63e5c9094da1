package dev.mci.cli.auth;

import dev.mci.cli.CliContext;
import dev.mci.cli.ExitCode;
import dev.mci.cli.support.Column;
import dev.mci.client.CredentialCheck;
import dev.mci.client.MimecastClient;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code mci auth check}: fetches a token (API 2.0) or signs a call (API 1.0) and reports the
 * account; failures explain likely region or generation mistakes.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description =
        "Fetch an API 2.0 token or sign an API 1.0 call, and show which account answered.")
public final class AuthCheckCommand implements Callable<Integer> {
  private final CliContext context;

  public AuthCheckCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    try (MimecastClient client = context.client()) {
      CredentialCheck check = client.checkCredentials();
      context.output().single(COLUMNS, check);
    }
    return ExitCode.OK;
  }

  static final List<Column<CredentialCheck>> COLUMNS =
      List.of(
          Column.of("generation", CredentialCheck::generation),
          Column.of("baseUrl", CredentialCheck::baseUrl),
          Column.of("account", CredentialCheck::accountCode),
          Column.of("name", CredentialCheck::accountName),
          Column.of("region", CredentialCheck::region));
}
