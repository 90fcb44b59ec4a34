package io.arca.client.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version from the jar's manifest, or "development" when run from classes. */
public final class ArcaVersion implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = ArcaVersion.class.getPackage().getImplementationVersion();
    return new String[] {"arca " + (version == null ? "development" : version)};
  }
}
