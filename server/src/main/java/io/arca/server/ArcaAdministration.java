package io.arca.server;

import io.arca.kmip.payload.KekRotationProgress;
import io.arca.kmip.payload.KekStatus;
import io.arca.server.op.ServerAdministration;
import io.arca.server.store.KekRotations;
import io.arca.server.tls.ServerTls;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * The admin extension operations' port over this server's parts: its KEK rotations, its TLS
 * material (the deny list) and the reload that SIGHUP also runs.
 */
final class ArcaAdministration implements ServerAdministration {
  private final KekRotations rotations;
  private final ServerTls tls;
  private final Arca.@Nullable Reloader reloader;

  ArcaAdministration(KekRotations rotations, ServerTls tls, Arca.@Nullable Reloader reloader) {
    this.rotations = rotations;
    this.tls = tls;
    this.reloader = reloader;
  }

  @Override
  public KekRotationProgress startKekRotation(String to) {
    return progress(rotations.start(to));
  }

  @Override
  public KekStatus.Response kekStatus() {
    return new KekStatus.Response(
        rotations.keks().stream()
            .map(kek -> new KekStatus.Kek(kek.id(), kek.state(), kek.wrapped()))
            .toList(),
        progress(rotations.status()));
  }

  private static KekRotationProgress progress(KekRotations.Status status) {
    return new KekRotationProgress(
        status.state(), status.target(), status.moved(), status.total(), status.message());
  }

  @Override
  public boolean hasDenyList() {
    return tls.hasDenyList();
  }

  @Override
  public String deny(String entry) throws IOException {
    return tls.deny(entry);
  }

  @Override
  public String allow(String entry) throws IOException {
    return tls.allow(entry);
  }

  @Override
  public boolean reloads() {
    return reloader != null;
  }

  @Override
  public String reload() throws IOException {
    if (reloader == null) {
      throw new IOException("this server was started without reloadable settings");
    }
    return reloader.reload();
  }
}
