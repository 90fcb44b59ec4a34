package io.arca.server;

import io.arca.server.config.ServerConfig;

/** Identities over real mutual TLS with the embedded SQLite database. */
class IdentityEndToEndTest extends IdentityEndToEndContract {
  @Override
  protected ServerConfig.Storage storage() {
    return ServerConfig.Storage.EMBEDDED;
  }
}
