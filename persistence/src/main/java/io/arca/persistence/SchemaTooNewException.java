package io.arca.persistence;

/** The database was migrated by a newer Arca than this one, so this code must not touch it. */
public final class SchemaTooNewException extends PersistenceException {
  private static final long serialVersionUID = 1L;

  public SchemaTooNewException(int databaseVersion, int codeVersion) {
    super(
        "database schema is at version "
            + databaseVersion
            + " but this Arca knows versions up to "
            + codeVersion
            + "; run a newer Arca or restore a matching backup");
  }
}
