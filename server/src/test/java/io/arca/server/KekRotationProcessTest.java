package io.arca.server;

import java.util.List;

/** {@link KekRotationProcessContract} on the embedded database (SQLite in the data directory). */
class KekRotationProcessTest extends KekRotationProcessContract {
  @Override
  List<String> databaseFlags() {
    return List.of();
  }
}
