package io.arca.server.access;

import io.arca.kmip.Operation;
import io.arca.kmip.payload.AccessGrant;
import io.arca.persistence.JdbcGrantRepository;
import io.arca.persistence.StoredGrant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The grants in the database: one row per grantee, object and operation, the operation stored by
 * its KMIP XML name; the server is object {@code *}. A row naming an operation this version does
 * not know grants nothing.
 */
public final class DatabaseGrantStore implements GrantStore {
  private final JdbcGrantRepository repository;

  /** Grants kept by {@code repository}. */
  public DatabaseGrantStore(JdbcGrantRepository repository) {
    this.repository = repository;
  }

  @Override
  public List<AccessGrant> grantsTo(String user) {
    return grouped(repository.grantsTo(user));
  }

  @Override
  public List<AccessGrant> grantsOn(@Nullable String uniqueIdentifier) {
    return grouped(repository.grantsOn(objectColumn(uniqueIdentifier)));
  }

  @Override
  public void add(AccessGrant grant) {
    repository.add(rows(grant));
  }

  @Override
  public void remove(AccessGrant grant) {
    repository.remove(rows(grant));
  }

  private static List<StoredGrant> rows(AccessGrant grant) {
    List<StoredGrant> rows = new ArrayList<>();
    for (Operation operation : grant.operations()) {
      rows.add(
          new StoredGrant(
              grant.user(), objectColumn(grant.uniqueIdentifier()), operation.xmlName()));
    }
    return rows;
  }

  private static String objectColumn(@Nullable String uniqueIdentifier) {
    return uniqueIdentifier == null ? StoredGrant.ANY : uniqueIdentifier;
  }

  private static List<AccessGrant> grouped(List<StoredGrant> rows) {
    Map<List<String>, Set<Operation>> byGranteeAndObject = new LinkedHashMap<>();
    for (StoredGrant row : rows) {
      Operation operation = Operation.byXmlName(row.operation());
      if (operation == null) {
        continue;
      }
      byGranteeAndObject
          .computeIfAbsent(
              List.of(row.user(), row.objectUid()), k -> EnumSet.noneOf(Operation.class))
          .add(operation);
    }
    List<AccessGrant> grants = new ArrayList<>();
    byGranteeAndObject.forEach(
        (key, operations) ->
            grants.add(
                new AccessGrant(
                    key.get(0),
                    key.get(1).equals(StoredGrant.ANY) ? null : key.get(1),
                    operations)));
    return grants;
  }
}
