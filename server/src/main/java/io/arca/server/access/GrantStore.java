package io.arca.server.access;

import io.arca.kmip.payload.AccessGrant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where grants are kept. A grant with no unique identifier is on the server (the creation rights);
 * grantee {@code *} is every authenticated user.
 */
public interface GrantStore {
  /** No grants at all, and none can be added: only owners act on their objects. */
  GrantStore NONE =
      new GrantStore() {
        @Override
        public List<AccessGrant> grantsTo(String user) {
          return List.of();
        }

        @Override
        public List<AccessGrant> grantsOn(@Nullable String uniqueIdentifier) {
          return List.of();
        }

        @Override
        public void add(AccessGrant grant) {
          throw new UnsupportedOperationException("this server keeps no grants");
        }

        @Override
        public void remove(AccessGrant grant) {
          throw new UnsupportedOperationException("this server keeps no grants");
        }
      };

  /** The grants naming {@code user} or {@code *}, one per grantee and object. */
  List<AccessGrant> grantsTo(String user);

  /** The grants on one object (null: on the server), one per grantee. */
  List<AccessGrant> grantsOn(@Nullable String uniqueIdentifier);

  /** Adds the grant's operations to what the grantee holds on its object. */
  void add(AccessGrant grant);

  /** Takes the grant's operations away; operations never granted are ignored. */
  void remove(AccessGrant grant);
}
