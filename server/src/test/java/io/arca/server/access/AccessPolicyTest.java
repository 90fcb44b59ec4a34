package io.arca.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.State;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.payload.AccessGrant;
import io.arca.server.access.AccessPolicy.Decision;
import io.arca.server.store.ObjectRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The policy's decisions where the handlers cannot reach yet (objects in the HSM) and its cache
 * bounds, over a grant store kept in memory.
 */
class AccessPolicyTest {
  private static final Instant NOW = Instant.parse("2026-11-29T06:00:00Z");
  private final MemoryGrants grants = new MemoryGrants();

  @Test
  void theHsmAdministratorOwnsHsmObjectsAndGrantsDecideForOthers() {
    AccessPolicy policy = new AccessPolicy(grants, Set.of(), "hsmadmin", Duration.ofHours(1));
    ObjectRecord hsmKey = record("hsm::slot0::master", "alice");
    assertThat(policy.decide("hsmadmin", Operation.DESTROY, hsmKey)).isEqualTo(Decision.ALLOWED);
    // The creator field does not make anyone but the administrator the owner of an HSM object.
    assertThat(policy.decide("alice", Operation.GET, hsmKey)).isEqualTo(Decision.HIDDEN);
    policy.grant(new AccessGrant("bob", hsmKey.uid(), Set.of(Operation.ENCRYPT)));
    assertThat(policy.decide("bob", Operation.ENCRYPT, hsmKey)).isEqualTo(Decision.ALLOWED);
    assertThat(policy.decide("bob", Operation.GET, hsmKey)).isEqualTo(Decision.DENIED);
    assertThat(policy.owns("hsmadmin", hsmKey)).isTrue();
    assertThat(policy.owns("alice", hsmKey)).isFalse();
  }

  @Test
  void onlyTheHsmAdministratorCreatesInTheHsm() {
    AccessPolicy policy =
        new AccessPolicy(grants, Set.of("alice"), "hsmadmin", Duration.ofHours(1));
    assertThat(policy.mayCreate("hsmadmin", Operation.CREATE, true)).isTrue();
    assertThat(policy.mayCreate("alice", Operation.CREATE, true)).isFalse();
    policy.grant(new AccessGrant("*", null, Set.of(Operation.CREATE)));
    assertThat(policy.mayCreate("bob", Operation.CREATE, true)).isFalse();
    assertThat(policy.mayCreate("bob", Operation.CREATE, false)).isTrue();
    AccessPolicy noAdmin = new AccessPolicy(grants, Set.of(), null, Duration.ofHours(1));
    assertThat(noAdmin.mayCreate("hsmadmin", Operation.CREATE, true)).isFalse();
  }

  @Test
  void withoutAnOperationOnlyTheOwnerIsAllowed() {
    AccessPolicy policy = new AccessPolicy(grants, Set.of(), null, Duration.ofHours(1));
    ObjectRecord key = record("k1", "alice");
    policy.grant(new AccessGrant("bob", "k1", EnumSet.allOf(Operation.class)));
    assertThat(policy.decide("alice", null, key)).isEqualTo(Decision.ALLOWED);
    assertThat(policy.decide("bob", null, key)).isEqualTo(Decision.DENIED);
  }

  @Test
  void aStarGrantAppliesToEveryUser() {
    AccessPolicy policy = new AccessPolicy(grants, Set.of(), null, Duration.ofHours(1));
    ObjectRecord key = record("k1", "alice");
    policy.grant(new AccessGrant("*", "k1", Set.of(Operation.GET_ATTRIBUTES)));
    assertThat(policy.decide("anyone", Operation.GET_ATTRIBUTES, key)).isEqualTo(Decision.ALLOWED);
    assertThat(policy.decide("anyone", Operation.GET, key)).isEqualTo(Decision.DENIED);
  }

  @Test
  void anotherServersChangeIsHonouredWithinTheRecheckBound() throws Exception {
    AccessPolicy here = new AccessPolicy(grants, Set.of(), null, Duration.ofMillis(300));
    AccessPolicy there = new AccessPolicy(grants, Set.of(), null, Duration.ofMillis(300));
    ObjectRecord key = record("k1", "alice");
    assertThat(here.decide("bob", Operation.GET, key)).isEqualTo(Decision.HIDDEN); // now cached
    there.grant(new AccessGrant("bob", "k1", Set.of(Operation.GET)));
    assertThat(there.decide("bob", Operation.GET, key)).isEqualTo(Decision.ALLOWED);
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (here.decide("bob", Operation.GET, key) != Decision.ALLOWED) {
      assertThat(System.nanoTime())
          .as("the grant never reached the other server")
          .isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  private static ObjectRecord record(String uid, String owner) {
    return ObjectRecord.draft(
        uid, ObjectType.SYMMETRIC_KEY, State.ACTIVE, owner, Attributes.EMPTY, null, NOW);
  }

  /** The grants port kept in a list: the policy, not the store, is under test here. */
  private static final class MemoryGrants implements GrantStore {
    private final List<AccessGrant> grants = new CopyOnWriteArrayList<>();

    @Override
    public List<AccessGrant> grantsTo(String user) {
      List<AccessGrant> found = new ArrayList<>();
      for (AccessGrant g : grants) {
        if (g.user().equals(user) || g.user().equals(AccessGrant.EVERY_USER)) {
          found.add(g);
        }
      }
      return found;
    }

    @Override
    public List<AccessGrant> grantsOn(@Nullable String uid) {
      return grants.stream().filter(g -> Objects.equals(g.uniqueIdentifier(), uid)).toList();
    }

    @Override
    public void add(AccessGrant grant) {
      grants.add(grant);
    }

    @Override
    public void remove(AccessGrant grant) {
      grants.remove(grant);
    }
  }
}
