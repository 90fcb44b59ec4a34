package io.arca.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class SqlDialectTest {

  @Test
  void mariaDbRollbacksOfItsOwnAreRetryableAndConstraintsAreNot() {
    assertThat(SqlDialect.MARIADB.isRetryable(new SQLException("deadlock", "40001", 1213)))
        .isTrue();
    assertThat(SqlDialect.MARIADB.isRetryable(new SQLException("lock wait", "HY000", 1205)))
        .isTrue();
    assertThat(SqlDialect.MARIADB.isRetryable(new SQLException("not ready", "08S01", 1047)))
        .isTrue();
    assertThat(SqlDialect.MARIADB.isRetryable(new SQLException("duplicate", "23000", 1062)))
        .isFalse();
    assertThat(SqlDialect.MARIADB.isRetryable(new SQLException("syntax", "42000", 1064))).isFalse();
  }

  @Test
  void aConflictReportedInsideABatchOrAsACauseIsFound() {
    BatchUpdateException batch = new BatchUpdateException("batch", "HY000", 0, new int[0]);
    batch.setNextException(new SQLException("certification", "40001", 1213));
    assertThat(SqlDialect.MARIADB.isRetryable(batch)).isTrue();
    SQLException wrapped =
        new SQLException("commit failed", new SQLException("deadlock", "40001", 1213));
    assertThat(SqlDialect.MARIADB.isRetryable(wrapped)).isTrue();
  }

  @Test
  void aNodeCutOffFromTheClustersMajorityIsALostConnectionAndAnOrdinaryErrorIsNot() {
    assertThat(
            SqlDialect.MARIADB.isConnectionLoss(
                new SQLException(
                    "(conn=17) Error while appending streaming replication fragment(provider"
                        + " status: Not connected to Primary Component)",
                    "HY000",
                    1180)))
        .isTrue();
    assertThat(SqlDialect.MARIADB.isConnectionLoss(new SQLException("gone", "08S01", 0))).isTrue();
    assertThat(SqlDialect.MARIADB.isConnectionLoss(new SQLException("duplicate", "23000", 1062)))
        .isFalse();
  }

  @Test
  void sqliteNeverRetriesSinceItWaitsForItsWriteLock() {
    assertThat(SqlDialect.SQLITE.isRetryable(new SQLException("busy", "40001", 5))).isFalse();
  }
}
