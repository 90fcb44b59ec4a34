package io.arca.server.store;

import io.arca.persistence.DatabaseConfig;
import io.arca.persistence.DatabaseDumps;
import io.arca.persistence.TestGalera;
import io.arca.persistence.TestMariaDb;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The store contract on a three-node Galera cluster: this server on node 1, the other server of the
 * two-server cases on node 2. A change made through one node is seen by the other within the key
 * cache's recheck interval, racing creates of one identifier have one winner, and concurrent
 * updates lose nothing, although the two nodes certify each other's writes only at commit.
 */
class GaleraDatabaseStoreIT extends DatabaseStoreContract {
  private static TestGalera cluster;
  private List<DatabaseConfig> nodes = List.of();

  @BeforeAll
  static void startCluster() throws Exception {
    cluster = TestGalera.start();
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (cluster != null) {
      cluster.stop();
    }
  }

  @Override
  protected DatabaseConfig freshDatabase(Path dataDir) throws Exception {
    nodes = cluster.freshDatabase("arca_galera_store");
    return nodes.get(0);
  }

  @Override
  protected DatabaseConfig otherServer(DatabaseConfig config) {
    return nodes.get(1);
  }

  @Override
  protected byte[] dump(DatabaseConfig config, Path dataDir) throws Exception {
    URI node = URI.create(config.jdbcUrl().substring("jdbc:".length()));
    String name = node.getPath().substring(1);
    return DatabaseDumps.mariadb(node.getHost(), node.getPort(), TestMariaDb.USER, name);
  }
}
