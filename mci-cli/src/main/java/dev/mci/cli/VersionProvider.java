package dev.mci.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version stamped into the jar manifest by the build. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = MciCommand.class.getPackage().getImplementationVersion();
    return new String[] {"mci " + (version == null ? "development build" : version)};
  }
}
