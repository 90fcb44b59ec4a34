package io.arca.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Identifiers (object uids, owners, grantees, attribute texts) are compared byte for byte on every
 * back end: a name that differs from another only by trailing white space, case, a tab or its
 * Unicode normal form is a different name. A PAD SPACE collation (MariaDB's {@code utf8mb4_bin})
 * gave {@code "user2 "} the grants and objects of {@code user2}.
 */
abstract class IdentifierBytesContract {
  /** {@code user2} and names that a collation could confuse with it. */
  static final List<String> LOOK_ALIKES =
      List.of("user2 ", "User2", "user2\t", " user2", "user2\u00a0", "user2 \t ");

  /** The same word precomposed (NFC) and decomposed (NFD): equal to the eye, not in bytes. */
  static final String NFC = "ren\u00e9";

  static final String NFD = "rene\u0301";

  private Database database;
  private JdbcObjectRepository objects;
  private JdbcGrantRepository grants;

  /** A config for a new, empty database; called once per test. */
  protected abstract DatabaseConfig freshDatabase() throws Exception;

  @BeforeEach
  void open() throws Exception {
    database = Database.open(freshDatabase());
    objects = new JdbcObjectRepository(database);
    grants = new JdbcGrantRepository(database);
  }

  @AfterEach
  void close() {
    objects.close();
    database.close();
  }

  @Test
  void uidsDifferingOnlyInSpacesCaseOrNormalFormAreDifferentObjects() {
    objects.insert(ObjectRepositoryContract.key("user2", "owner-0", "Active"));
    for (int i = 0; i < LOOK_ALIKES.size(); i++) {
      objects.insert(
          ObjectRepositoryContract.key(LOOK_ALIKES.get(i), "owner-" + (i + 1), "Active"));
    }
    objects.insert(ObjectRepositoryContract.key(NFC, "nfc", "Active"));
    objects.insert(ObjectRepositoryContract.key(NFD, "nfd", "Active"));

    assertThat(objects.find("user2"))
        .hasValueSatisfying(o -> assertThat(o.owner()).isEqualTo("owner-0"));
    for (int i = 0; i < LOOK_ALIKES.size(); i++) {
      String uid = LOOK_ALIKES.get(i);
      String owner = "owner-" + (i + 1);
      assertThat(objects.find(uid))
          .as("[%s]", uid)
          .hasValueSatisfying(o -> assertThat(o.owner()).isEqualTo(owner));
    }
    assertThat(objects.find(NFC)).hasValueSatisfying(o -> assertThat(o.owner()).isEqualTo("nfc"));
    assertThat(objects.find(NFD)).hasValueSatisfying(o -> assertThat(o.owner()).isEqualTo("nfd"));
    assertThat(objects.find("user2  ")).isEmpty();
  }

  @Test
  void ownersAreComparedExactly() {
    objects.insert(ObjectRepositoryContract.key("k-user2", "user2", "Active"));
    objects.insert(ObjectRepositoryContract.key("k-nfc", NFC, "Active"));

    assertThat(objects.locate(ObjectCriteria.all(10).withOwner("user2")))
        .containsExactly("k-user2");
    for (String owner : LOOK_ALIKES) {
      assertThat(objects.locate(ObjectCriteria.all(10).withOwner(owner)))
          .as("[%s]", owner)
          .isEmpty();
    }
    assertThat(objects.locate(ObjectCriteria.all(10).withOwner(NFC))).containsExactly("k-nfc");
    assertThat(objects.locate(ObjectCriteria.all(10).withOwner(NFD))).isEmpty();
  }

  @Test
  void granteesAndGrantedObjectsAreComparedExactly() {
    grants.add(List.of(new StoredGrant("user2", "k1", "Get"), new StoredGrant(NFC, "k1", "Get")));

    assertThat(grants.grantsTo("user2")).containsExactly(new StoredGrant("user2", "k1", "Get"));
    for (String user : LOOK_ALIKES) {
      assertThat(grants.grantsTo(user)).as("[%s]", user).isEmpty();
      assertThat(grants.grantsOn(user.replace("user2", "k1"))).as("[%s]", user).isEmpty();
    }
    assertThat(grants.grantsTo(NFD)).isEmpty();
    assertThat(grants.grantsOn("k1")).hasSize(2);
  }

  @Test
  void grantsToLookAlikesAreRowsOfTheirOwn() {
    grants.add(List.of(new StoredGrant("user2", "k1", "Get")));
    for (String user : LOOK_ALIKES) {
      grants.add(List.of(new StoredGrant(user, "k1", "Get")));
    }
    grants.add(List.of(new StoredGrant(NFC, "k1", "Get"), new StoredGrant(NFD, "k1", "Get")));

    assertThat(grants.grantsOn("k1")).hasSize(LOOK_ALIKES.size() + 3);
    grants.remove(List.of(new StoredGrant("user2 ", "k1", "Get")));
    assertThat(grants.grantsTo("user2")).containsExactly(new StoredGrant("user2", "k1", "Get"));
  }

  @Test
  void attributeTextsAreComparedExactly() {
    // Locate by Name sends the name's text to SQL: "name-of-k " must not find "name-of-k".
    objects.insert(ObjectRepositoryContract.key("k", "alice", "Active"));

    assertThat(objects.locate(ObjectCriteria.all(10).withAttribute("Name", "name-of-k")))
        .containsExactly("k");
    for (String text : List.of("name-of-k ", "Name-of-k", "name-of-k\t", "NAME-OF-K")) {
      assertThat(objects.locate(ObjectCriteria.all(10).withAttribute("Name", text)))
          .as("[%s]", text)
          .isEmpty();
    }
  }
}
