package io.arca.server.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.arca.kmip.Operation;
import io.arca.kmip.payload.AccessGrant;
import io.arca.server.store.ObjectRecord;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Who may do what (docs/ACCESS.md). The owner of an object (for an {@code hsm::} object, the HSM
 * administrator) may do everything to it; anyone else only the operations granted to them or to
 * {@code *}, each on its own, Get also allowing Export. Creating in the database is open to every
 * user unless privileged users are configured, then to them and whoever they granted the creation
 * operation; creating in the HSM is the HSM administrator's alone.
 *
 * <p>A user's grants are cached, so a decision costs no database read: this server's own grant
 * changes empty the cache before they are answered, and an entry is read again after {@code
 * recheck}, the bound on honouring a change another server sharing the database made.
 */
public final class AccessPolicy {
  /** What a user may do with an object. */
  public enum Decision {
    /** The operation is allowed. */
    ALLOWED,
    /** The user holds some right on the object, not this one: Permission Denied. */
    DENIED,
    /** The user holds no right on the object: answered as if it did not exist. */
    HIDDEN
  }

  /** The operations that make new objects, granted on the server rather than on an object. */
  public static final Set<Operation> CREATION =
      Collections.unmodifiableSet(
          EnumSet.of(
              Operation.CREATE, Operation.CREATE_KEY_PAIR, Operation.REGISTER, Operation.IMPORT));

  /** The prefix of the identifiers of objects kept in the HSM. */
  public static final String HSM_PREFIX = "hsm::";

  private static final String SERVER = "";
  private static final AccessPolicy OWNERS_ONLY =
      new AccessPolicy(GrantStore.NONE, Set.of(), null, Duration.ZERO);

  private final GrantStore grants;
  private final Set<String> privilegedUsers;
  private final @Nullable String hsmAdmin;
  private final Cache<String, Map<String, Set<Operation>>> rights;
  private final boolean namesMayRepeat;

  /**
   * A policy over these grants.
   *
   * @param grants where grants are kept
   * @param privilegedUsers the users who may create and grant creation; empty: every user may
   *     create, and nobody grants creation
   * @param hsmAdmin the HSM administrator, or null when there is none
   * @param recheck how long a user's cached grants are trusted
   */
  public AccessPolicy(
      GrantStore grants, Set<String> privilegedUsers, @Nullable String hsmAdmin, Duration recheck) {
    this(grants, privilegedUsers, hsmAdmin, recheck, false);
  }

  /**
   * A policy over these grants that may let one user's objects share a Name.
   *
   * @param namesMayRepeat whether a user may give a Name to several of its live objects (KMIP says
   *     no; clients that reuse names need yes)
   */
  public AccessPolicy(
      GrantStore grants,
      Set<String> privilegedUsers,
      @Nullable String hsmAdmin,
      Duration recheck,
      boolean namesMayRepeat) {
    this.namesMayRepeat = namesMayRepeat;
    this.grants = grants;
    this.privilegedUsers = Set.copyOf(privilegedUsers);
    this.hsmAdmin = hsmAdmin;
    this.rights = Caffeine.newBuilder().expireAfterWrite(recheck).maximumSize(10_000).build();
  }

  /** Whether one user's live objects may share a Name ({@code --allow-duplicate-names}). */
  public boolean namesMayRepeat() {
    return namesMayRepeat;
  }

  /** Owners only: no grants, no privileged users, no HSM administrator. */
  public static AccessPolicy ownersOnly() {
    return OWNERS_ONLY;
  }

  /** Whether {@code uid} names an object in the HSM. */
  public static boolean isHsm(String uid) {
    return uid.startsWith(HSM_PREFIX);
  }

  /**
   * Whether {@code user} may carry out {@code operation} on the object. A null operation (a caller
   * outside a request batch) is allowed to owners only.
   */
  public Decision decide(String user, @Nullable Operation operation, ObjectRecord record) {
    return decide(user, operation, record.uid(), record.owner());
  }

  /**
   * The same decision for an object known by its identifier and owner alone (an HSM key, before the
   * HSM is asked about it).
   */
  public Decision decide(String user, @Nullable Operation operation, String uid, String owner) {
    if (owns(user, uid, owner)) {
      return Decision.ALLOWED;
    }
    return decision(rightsOf(user), operation, uid);
  }

  /**
   * The same decision if it needs no read of the grants (the caller owns the object, or its grants
   * are cached), else empty: what the event loop may ask.
   */
  public Optional<Decision> decideInMemory(
      String user, @Nullable Operation operation, ObjectRecord record) {
    if (owns(user, record.uid(), record.owner())) {
      return Optional.of(Decision.ALLOWED);
    }
    Map<String, Set<Operation>> cached = rights.getIfPresent(user);
    return cached == null
        ? Optional.empty()
        : Optional.of(decision(cached, operation, record.uid()));
  }

  private static Decision decision(
      Map<String, Set<Operation>> rights, @Nullable Operation operation, String uid) {
    Set<Operation> granted = rights.getOrDefault(uid, Set.of());
    if (granted.isEmpty()) {
      return Decision.HIDDEN;
    }
    if (operation != null
        && (granted.contains(operation)
            || (operation == Operation.EXPORT && granted.contains(Operation.GET)))) {
      return Decision.ALLOWED;
    }
    return Decision.DENIED;
  }

  /** Whether {@code user} owns the object: its creator, or the HSM administrator for the HSM's. */
  public boolean owns(String user, ObjectRecord record) {
    return owns(user, record.uid(), record.owner());
  }

  private boolean owns(String user, String uid, String owner) {
    if (isHsm(uid)) {
      return user.equals(hsmAdmin);
    }
    return owner.equals(user);
  }

  /** Whether {@code user} may make a new object with {@code operation}, in the HSM or not. */
  public boolean mayCreate(String user, Operation operation, boolean inHsm) {
    if (inHsm) {
      return user.equals(hsmAdmin);
    }
    return privilegedUsers.isEmpty()
        || privilegedUsers.contains(user)
        || rightsOf(user).getOrDefault(SERVER, Set.of()).contains(operation);
  }

  /** Whether {@code user} may grant and revoke the creation rights. */
  public boolean isPrivileged(String user) {
    return privilegedUsers.contains(user);
  }

  /** Whether {@code user} is the HSM administrator. */
  public boolean isHsmAdmin(String user) {
    return user.equals(hsmAdmin);
  }

  /**
   * The objects (not the server) on which {@code user} holds {@code operation} by a grant; owned
   * objects are not listed.
   */
  public Set<String> grantedObjects(String user, Operation operation) {
    Set<String> uids = new HashSet<>();
    rightsOf(user)
        .forEach(
            (uid, operations) -> {
              if (!uid.equals(SERVER) && operations.contains(operation)) {
                uids.add(uid);
              }
            });
    return uids;
  }

  /** The grants naming {@code user} or {@code *}. */
  public List<AccessGrant> grantsTo(String user) {
    return grants.grantsTo(user);
  }

  /** The grants on one object (null: the server). */
  public List<AccessGrant> grantsOn(@Nullable String uniqueIdentifier) {
    return grants.grantsOn(uniqueIdentifier);
  }

  /** Stores the grant; every cached decision is dropped before this returns. */
  public void grant(AccessGrant grant) {
    try {
      grants.add(grant);
    } finally {
      rights.invalidateAll();
    }
  }

  /** Removes the grant; every cached decision is dropped before this returns. */
  public void revoke(AccessGrant grant) {
    try {
      grants.remove(grant);
    } finally {
      rights.invalidateAll();
    }
  }

  /** Object uid (the server: "") to the operations granted to {@code user} or to {@code *}. */
  private Map<String, Set<Operation>> rightsOf(String user) {
    return rights.get(user, this::load);
  }

  private Map<String, Set<Operation>> load(String user) {
    Map<String, Set<Operation>> byObject = new HashMap<>();
    for (AccessGrant grant : grants.grantsTo(user)) {
      String uid = grant.uniqueIdentifier() == null ? SERVER : grant.uniqueIdentifier();
      byObject
          .computeIfAbsent(uid, k -> EnumSet.noneOf(Operation.class))
          .addAll(grant.operations());
    }
    byObject.replaceAll((uid, operations) -> Collections.unmodifiableSet(operations));
    return Collections.unmodifiableMap(byObject);
  }
}
