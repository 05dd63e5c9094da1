package dev.mci.cli.support;

import dev.mci.cli.CliEnvironment;
import dev.mci.cli.ExitCode;
import dev.mci.cli.UserInputException;
import dev.mci.client.Credentials;
import dev.mci.client.HmacCredentials;
import dev.mci.client.MimecastClient;
import dev.mci.client.MimecastRegion;
import dev.mci.client.OAuth2Credentials;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Where the CLI's connection settings come from: a profile file in the user's config folder,
 * overridden by environment variables. Secrets come only from the environment or from a file that
 * only its owner can read, never from a command-line flag (flags end up in shell history and
 * process listings).
 *
 * <p>Profile file {@code <config>/profiles/NAME.properties} keys: {@code baseUrl} or {@code
 * region}; API 2.0 {@code clientId}, {@code clientSecretFile}; API 1.0 {@code appId}, {@code
 * appKeyFile}, {@code accessKey}, {@code secretKeyFile}.
 */
public final class ClientSettings {
  static final String BASE_URL = "MIMECAST_BASE_URL";
  static final String CLIENT_ID = "MIMECAST_CLIENT_ID";
  static final String CLIENT_SECRET = "MIMECAST_CLIENT_SECRET";
  static final String APP_ID = "MIMECAST_APP_ID";
  static final String APP_KEY = "MIMECAST_APP_KEY";
  static final String ACCESS_KEY = "MIMECAST_ACCESS_KEY";
  static final String SECRET_KEY = "MIMECAST_SECRET_KEY";

  private final String baseUrl;
  private final Credentials credentials;

  private ClientSettings(String baseUrl, Credentials credentials) {
    this.baseUrl = baseUrl;
    this.credentials = credentials;
  }

  /**
   * Resolves the settings for a profile.
   *
   * @param profileOption the {@code --profile} value, or null
   * @throws UserInputException with exit code {@link ExitCode#CONFIG} naming what is missing
   */
  public static ClientSettings resolve(CliEnvironment environment, String profileOption) {
    String profileName =
        profileOption != null
            ? profileOption
            : environment.variable("MCI_PROFILE").orElse("default");
    Properties profile = loadProfile(environment, profileName, profileOption != null);
    Source source = new Source(environment, profile, profileName);

    Optional<String> clientId = source.plain(CLIENT_ID, "clientId");
    Optional<String> accessKey = source.plain(ACCESS_KEY, "accessKey");
    Credentials credentials;
    if (clientId.isPresent()) {
      credentials =
          new OAuth2Credentials(
              clientId.get(), source.secret(CLIENT_SECRET, "clientSecretFile", "client secret"));
    } else if (accessKey.isPresent()) {
      credentials =
          new HmacCredentials(
              source.required(APP_ID, "appId", "application id"),
              source.secret(APP_KEY, "appKeyFile", "application key"),
              accessKey.get(),
              source.secret(SECRET_KEY, "secretKeyFile", "secret key"));
    } else {
      throw new UserInputException(
          "no Mimecast credentials found (profile '"
              + profileName
              + "'): set "
              + CLIENT_ID
              + " and "
              + CLIENT_SECRET
              + " for API 2.0, or "
              + APP_ID
              + ", "
              + APP_KEY
              + ", "
              + ACCESS_KEY
              + " and "
              + SECRET_KEY
              + " for API 1.0; or try the built-in simulator with 'mci demo'",
          ExitCode.CONFIG);
    }

    String baseUrl =
        source
            .plain(BASE_URL, "baseUrl")
            .or(() -> source.plain("MIMECAST_REGION", "region").map(ClientSettings::regionUrl))
            .orElseGet(() -> defaultBaseUrl(credentials));
    return new ClientSettings(baseUrl, credentials);
  }

  /** A client for these settings; the caller closes it. */
  public MimecastClient buildClient() {
    return MimecastClient.builder().baseUrl(baseUrl).credentials(credentials).build();
  }

  public String baseUrl() {
    return baseUrl;
  }

  public Credentials credentials() {
    return credentials;
  }

  private static String defaultBaseUrl(Credentials credentials) {
    if (credentials instanceof OAuth2Credentials) {
      return MimecastRegion.GLOBAL.baseUrl().toString();
    }
    throw new UserInputException(
        "API 1.0 keys need a regional base URL: set "
            + BASE_URL
            + " (e.g. https://eu-api.mimecast.com) or MIMECAST_REGION (eu, de, us_a, us_b, ca, za,"
            + " au, je, uspcom)",
        ExitCode.CONFIG);
  }

  private static String regionUrl(String region) {
    try {
      return MimecastRegion.valueOf(region.trim().toUpperCase(Locale.ROOT).replace('-', '_'))
          .baseUrl()
          .toString();
    } catch (IllegalArgumentException unknown) {
      throw new UserInputException(
          "unknown region '"
              + region
              + "': use one of "
              + java.util.Arrays.toString(MimecastRegion.values()).toLowerCase(Locale.ROOT),
          ExitCode.CONFIG);
    }
  }

  private static Properties loadProfile(
      CliEnvironment environment, String name, boolean explicitlyRequested) {
    Properties properties = new Properties();
    if (!name.matches("[A-Za-z0-9._-]+")) {
      throw new UserInputException(
          "profile name '" + name + "' may only contain letters, digits, '.', '_' and '-'");
    }
    Path file = environment.configDir().resolve("profiles").resolve(name + ".properties");
    if (!Files.exists(file)) {
      if (explicitlyRequested) {
        throw new UserInputException(
            "profile '" + name + "' not found: create " + file, ExitCode.CONFIG);
      }
      return properties;
    }
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException | IllegalArgumentException e) {
      throw new UserInputException(
          "cannot read profile " + file + ": " + e.getMessage(), ExitCode.CONFIG);
    }
    for (String key : properties.stringPropertyNames()) {
      if (key.matches("(?i)clientSecret|appKey|secretKey|password|token")) {
        throw new UserInputException(
            "profile "
                + file
                + " holds the secret '"
                + key
                + "' in clear text: move it to a file only you can read and set '"
                + key
                + "File' to its path, or use the environment variable",
            ExitCode.CONFIG);
      }
    }
    return properties;
  }

  /** Reads one setting from the environment first, then the profile. */
  private record Source(CliEnvironment environment, Properties profile, String profileName) {
    Optional<String> plain(String variable, String key) {
      return environment
          .variable(variable)
          .or(() -> Optional.ofNullable(profile.getProperty(key)).map(String::trim))
          .filter(v -> !v.isEmpty());
    }

    String required(String variable, String key, String what) {
      return plain(variable, key)
          .orElseThrow(
              () ->
                  new UserInputException(
                      "the API 1.0 " + what + " is missing: set " + variable, ExitCode.CONFIG));
    }

    String secret(String variable, String fileKey, String what) {
      Optional<String> fromEnv = environment.variable(variable);
      if (fromEnv.isPresent()) {
        return fromEnv.get();
      }
      String fileName = profile.getProperty(fileKey);
      if (fileName != null && !fileName.isBlank()) {
        return readSecretFile(Path.of(expandHome(fileName.trim())), what);
      }
      if (environment.interactive() && System.console() != null) {
        char[] typed = System.console().readPassword("Mimecast %s: ", what);
        if (typed != null && typed.length > 0) {
          return new String(typed);
        }
      }
      throw new UserInputException(
          "the "
              + what
              + " is missing: set "
              + variable
              + " or '"
              + fileKey
              + "' in profile '"
              + profileName
              + "'",
          ExitCode.CONFIG);
    }

    private static String expandHome(String path) {
      return path.startsWith("~/") ? System.getProperty("user.home") + path.substring(1) : path;
    }

    private static String readSecretFile(Path file, String what) {
      try {
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
          Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
          if (permissions.stream()
              .anyMatch(p -> p.name().startsWith("GROUP_") || p.name().startsWith("OTHERS_"))) {
            throw new UserInputException(
                "the "
                    + what
                    + " file "
                    + file
                    + " can be read by other users: run 'chmod 600 "
                    + file
                    + "'",
                ExitCode.CONFIG);
          }
        }
        String value = Files.readString(file, StandardCharsets.UTF_8).trim();
        if (value.isEmpty()) {
          throw new UserInputException(
              "the " + what + " file " + file + " is empty", ExitCode.CONFIG);
        }
        return value;
      } catch (IOException e) {
        throw new UserInputException(
            "cannot read the " + what + " file " + file + ": " + e.getMessage(), ExitCode.CONFIG);
      }
    }
  }
}
