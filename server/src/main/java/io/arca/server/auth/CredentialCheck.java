package io.arca.server.auth;

import io.arca.kmip.AttestationType;
import io.arca.kmip.CredentialType;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.Tag;
import io.arca.kmip.message.Authentication;
import io.arca.kmip.message.RequestBatchItem;
import io.arca.kmip.message.RequestMessage;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvByteString;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import io.arca.server.auth.CredentialEntry.Field;
import io.arca.server.auth.CredentialEntry.Kind;
import io.arca.server.config.CredentialPolicy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Decides which user a request acts as, from the client certificate's user and the Credentials of
 * the request header, under the {@link CredentialPolicy}. Passwords are checked against the
 * Argon2id hashes of the {@link CredentialFile}, tickets against {@link Tickets}; failures are
 * counted per client ({@link CredentialFailures}). Runs on a worker: an Argon2id check takes tens
 * of milliseconds.
 */
public final class CredentialCheck {
  /** The certificate alone, as before credentials: no request is checked. */
  public static final CredentialCheck CERTIFICATE_ONLY =
      new CredentialCheck(
          CredentialPolicy.CERTIFICATE,
          null,
          new Tickets(new SecureRandom(), Duration.ofHours(1)),
          new CredentialFailures(5, Clock.systemUTC()),
          Clock.systemUTC());

  /**
   * Operations a ticket never carries out: a ticket does not make tickets (it would outlive its
   * lease).
   */
  private static final Set<Integer> NOT_WITH_A_TICKET =
      Set.of(Operation.LOGIN.value(), Operation.DELEGATED_LOGIN.value());

  private final CredentialPolicy policy;
  private final @Nullable CredentialFile file;
  private final Tickets tickets;
  private final CredentialFailures failures;
  private final Clock clock;

  /** Hashed when no user of a given name exists, so that a check costs the same either way. */
  private final String decoy;

  /**
   * A check under {@code policy} against the users and devices of {@code file} (null: none) and the
   * tickets of {@code tickets}.
   */
  public CredentialCheck(
      CredentialPolicy policy,
      @Nullable CredentialFile file,
      Tickets tickets,
      CredentialFailures failures,
      Clock clock) {
    this.policy = policy;
    this.file = file;
    this.tickets = tickets;
    this.failures = failures;
    this.clock = clock;
    this.decoy =
        policy.checksCredentials()
            ? PasswordHashes.hash("decoy".toCharArray(), new SecureRandom())
            : "";
  }

  /** The policy. */
  public CredentialPolicy policy() {
    return policy;
  }

  /** The tickets that Login issues and this check accepts. */
  public Tickets tickets() {
    return tickets;
  }

  /**
   * The Attestation Type values the attestation verifier accepts now: those of the credentials
   * file's attestation entries, none when requests are not checked.
   */
  public List<Integer> attestationTypes() {
    if (!policy.checksCredentials()) {
      return List.of();
    }
    return entries().stream()
        .filter(entry -> entry.kind() == Kind.ATTESTATION)
        .map(
            entry ->
                AttestationType.byXmlName(entry.fields().getOrDefault(Field.ATTESTATION_TYPE, "")))
        .filter(Objects::nonNull)
        .map(AttestationType::value)
        .distinct()
        .sorted()
        .toList();
  }

  /** Whether requests are checked at all (else the certificate's user is the user). */
  public boolean checksRequests() {
    return policy.checksCredentials();
  }

  /**
   * The user {@code request} acts as.
   *
   * @param certificateUser the user the client certificate names
   * @param clientOf the client as the failure limit knows it (address and certificate user), made
   *     only when a credential is checked
   * @throws RefusedCredential when a Credential is needed and missing, malformed or wrong, when the
   *     client failed too often, or when a ticket does not allow the request's operations
   */
  public String userOf(RequestMessage request, String certificateUser, Supplier<String> clientOf)
      throws RefusedCredential {
    if (!policy.checksCredentials()) {
      return certificateUser;
    }
    String client = clientOf.get();
    long wait = failures.waitSeconds(client);
    if (wait > 0) {
      throw new RefusedCredential(
          ResultReason.AUTHENTICATION_NOT_SUCCESSFUL,
          "too many failed credentials from this client ("
              + failures.maximum()
              + " a minute): try again in "
              + wait
              + " s",
          false);
    }
    try {
      String user = authenticate(request);
      if (policy == CredentialPolicy.BOTH_MUST_MATCH && !user.equals(certificateUser)) {
        throw RefusedCredential.failed(
            "the credential's user is not the client certificate's (policy both-must-match)");
      }
      return user;
    } catch (RefusedCredential e) {
      if (e.counted()) {
        failures.failed(client);
      }
      throw e;
    }
  }

  private String authenticate(RequestMessage request) throws RefusedCredential {
    Authentication authentication = request.header().authentication();
    if (authentication == null) {
      throw RefusedCredential.failed("a Credential is required (policy " + policy.word() + ")");
    }
    ProtocolVersion version = request.protocolVersion();
    String user = null;
    for (TtlvStructure credential : authentication.credentials()) {
      String named = userOf(credential, request, version);
      if (user != null && !user.equals(named)) {
        throw RefusedCredential.failed("the request's Credentials name different users");
      }
      user = named;
    }
    if (user == null) {
      throw RefusedCredential.failed("a Credential is required");
    }
    return user;
  }

  private String userOf(TtlvStructure credential, RequestMessage request, ProtocolVersion version)
      throws RefusedCredential {
    CredentialType type = null;
    TtlvStructure value = null;
    for (Ttlv item : credential.items()) {
      if (item.tag() == Tag.CREDENTIAL_TYPE.code() && item instanceof TtlvEnumeration e) {
        type = CredentialType.byValue(e.value());
        if (type == null) {
          throw RefusedCredential.failed(
              "Credential Type 0x" + Integer.toHexString(e.value()) + " is unknown");
        }
      } else if (item.tag() == Tag.CREDENTIAL_VALUE.code() && item instanceof TtlvStructure s) {
        value = s;
      } else {
        throw invalid("Credential: unexpected or mistyped field");
      }
    }
    if (type == null || value == null) {
      throw invalid("Credential: Credential Type and a structured Credential Value are required");
    }
    if (!type.isDefinedIn(version)) {
      throw RefusedCredential.failed(
          "Credential Type " + type.xmlName() + " is not defined in KMIP " + version);
    }
    return switch (type) {
      case USERNAME_AND_PASSWORD -> password(value);
      case DEVICE -> device(value);
      case ATTESTATION -> attestation(value);
      case TICKET -> ticket(value, request);
      case ONE_TIME_PASSWORD ->
          throw RefusedCredential.failed(
              "One Time Password credentials are not accepted: no one-time password verifier"
                  + " is configured");
      case HASHED_PASSWORD ->
          throw RefusedCredential.failed(
              "Hashed Password credentials are not accepted: checking one needs a"
                  + " password-equivalent digest on the server, which Arca does not keep");
    };
  }

  private String password(TtlvStructure value) throws RefusedCredential {
    Map<Tag, String> fields = texts(value, Set.of(Tag.USERNAME, Tag.PASSWORD));
    String username = fields.get(Tag.USERNAME);
    String password = fields.get(Tag.PASSWORD);
    if (username == null) {
      throw invalid("Username and Password credential: Username is required");
    }
    CredentialEntry found = null;
    for (CredentialEntry entry : entries()) {
      if (entry.kind() == Kind.USER && entry.user().equals(username)) {
        found = entry;
      }
    }
    // The same work whether the user exists or not: the answer's time says nothing of it.
    String hash = found == null ? null : found.passwordHash();
    boolean matches = verify(password == null ? "" : password, hash == null ? decoy : hash);
    if (found == null || password == null || !matches) {
      throw RefusedCredential.failed(
          "the Username and Password credential does not match a configured user");
    }
    return found.user();
  }

  private String device(TtlvStructure value) throws RefusedCredential {
    Map<Tag, String> presented =
        texts(
            value,
            Set.of(
                Tag.DEVICE_SERIAL_NUMBER,
                Tag.PASSWORD,
                Tag.DEVICE_IDENTIFIER,
                Tag.NETWORK_IDENTIFIER,
                Tag.MACHINE_IDENTIFIER,
                Tag.MEDIA_IDENTIFIER));
    Map<Field, String> identifiers = new EnumMap<>(Field.class);
    putIfPresent(identifiers, Field.SERIAL, presented.get(Tag.DEVICE_SERIAL_NUMBER));
    putIfPresent(identifiers, Field.DEVICE_ID, presented.get(Tag.DEVICE_IDENTIFIER));
    putIfPresent(identifiers, Field.NETWORK_ID, presented.get(Tag.NETWORK_IDENTIFIER));
    putIfPresent(identifiers, Field.MACHINE_ID, presented.get(Tag.MACHINE_IDENTIFIER));
    putIfPresent(identifiers, Field.MEDIA_ID, presented.get(Tag.MEDIA_IDENTIFIER));
    String password = presented.get(Tag.PASSWORD);
    for (CredentialEntry entry : entries()) {
      if (entry.kind() != Kind.DEVICE || !sameIdentifiers(entry.fields(), identifiers)) {
        continue;
      }
      // A device whose entry has a password must present it; one without must present none.
      String hash = entry.passwordHash();
      boolean matches =
          hash == null ? password == null : password != null && verify(password, hash);
      if (matches) {
        return entry.user();
      }
    }
    throw RefusedCredential.failed("the Device credential does not match a configured device");
  }

  private String attestation(TtlvStructure value) throws RefusedCredential {
    List<CredentialEntry> verifiers =
        entries().stream().filter(entry -> entry.kind() == Kind.ATTESTATION).toList();
    if (verifiers.isEmpty()) {
      throw new RefusedCredential(
          ResultReason.ATTESTATION_FAILED,
          "Attestation credentials are not accepted: no attestation verifier is configured",
          true);
    }
    Integer type = null;
    byte[] measurement = null;
    for (Ttlv item : value.items()) {
      if (item.tag() == Tag.ATTESTATION_TYPE.code() && item instanceof TtlvEnumeration e) {
        type = e.value();
      } else if (item.tag() == Tag.ATTESTATION_MEASUREMENT.code()
          && item instanceof TtlvByteString b) {
        measurement = b.value().toByteArray();
      } else if (item.tag() != Tag.NONCE.code() && item.tag() != Tag.ATTESTATION_ASSERTION.code()) {
        throw invalid("Attestation credential: unexpected or mistyped field");
      }
    }
    if (type == null || measurement == null) {
      throw new RefusedCredential(
          ResultReason.ATTESTATION_FAILED,
          "Attestation credential: an Attestation Type and an Attestation Measurement are required",
          true);
    }
    AttestationType attestationType = AttestationType.byValue(type);
    String digest = HexFormat.of().formatHex(sha256(measurement));
    for (CredentialEntry entry : verifiers) {
      if (attestationType != null
          && entry
              .fields()
              .getOrDefault(Field.ATTESTATION_TYPE, "")
              .equals(attestationType.xmlName())
          && MessageDigest.isEqual(
              entry
                  .fields()
                  .getOrDefault(Field.MEASUREMENT_SHA256, "")
                  .getBytes(StandardCharsets.US_ASCII),
              digest.getBytes(StandardCharsets.US_ASCII))) {
        return entry.user();
      }
    }
    throw new RefusedCredential(
        ResultReason.ATTESTATION_FAILED,
        "the Attestation credential's measurement is not a configured one",
        true);
  }

  private String ticket(TtlvStructure value, RequestMessage request) throws RefusedCredential {
    TtlvStructure ticket = value;
    if (value.items().size() == 1 && value.items().get(0) instanceof TtlvStructure nested) {
      ticket = nested; // a Ticket structure inside the Credential Value
    }
    byte[] bytes = null;
    boolean typed = false;
    for (Ttlv item : ticket.items()) {
      if (item.tag() == Tag.TICKET_TYPE.code() && item instanceof TtlvEnumeration) {
        typed = true;
      } else if (item.tag() == Tag.TICKET_VALUE.code() && item instanceof TtlvByteString b) {
        bytes = b.value().toByteArray();
      } else {
        throw invalid("Ticket credential: unexpected or mistyped field");
      }
    }
    if (!typed || bytes == null) {
      throw invalid("Ticket credential: Ticket Type and Ticket Value are required");
    }
    Tickets.Use use;
    try {
      use = tickets.use(bytes, clock.instant(), request.batchItems().size());
    } finally {
      Tickets.wipe(bytes);
    }
    for (RequestBatchItem item : request.batchItems()) {
      if (NOT_WITH_A_TICKET.contains(item.operation())
          || (use.operations() != null
              && item.operation() != Operation.LOGOUT.value()
              && !use.operations().contains(item.operation()))) {
        Operation operation = Operation.byValue(item.operation());
        throw new RefusedCredential(
            ResultReason.PERMISSION_DENIED,
            "the Ticket does not allow "
                + (operation == null ? "this operation" : operation.xmlName()),
            false);
      }
    }
    return use.user();
  }

  private List<CredentialEntry> entries() {
    return file == null ? List.of() : file.entries();
  }

  private static boolean sameIdentifiers(Map<Field, String> expected, Map<Field, String> given) {
    if (!expected.keySet().equals(given.keySet())) {
      return false;
    }
    boolean same = true;
    for (Map.Entry<Field, String> field : expected.entrySet()) {
      same &=
          MessageDigest.isEqual(
              field.getValue().getBytes(StandardCharsets.UTF_8),
              given.getOrDefault(field.getKey(), "").getBytes(StandardCharsets.UTF_8));
    }
    return same;
  }

  private static void putIfPresent(Map<Field, String> map, Field field, @Nullable String value) {
    if (value != null) {
      map.put(field, value);
    }
  }

  /** The text fields of a Credential Value, each at most once and of a tag in {@code allowed}. */
  private static Map<Tag, String> texts(TtlvStructure value, Set<Tag> allowed)
      throws RefusedCredential {
    Map<Tag, String> fields = new EnumMap<>(Tag.class);
    for (Ttlv item : value.items()) {
      Tag tag = Tag.byCode(item.tag());
      if (tag == null || !allowed.contains(tag) || !(item instanceof TtlvTextString text)) {
        throw invalid("Credential Value: unexpected or mistyped field");
      }
      if (fields.put(tag, text.value()) != null) {
        throw invalid("Credential Value: " + tag.xmlName() + " repeated");
      }
    }
    return fields;
  }

  private static boolean verify(String password, String hash) {
    char[] chars = password.toCharArray();
    try {
      return PasswordHashes.matches(chars, hash);
    } finally {
      Arrays.fill(chars, '\0');
    }
  }

  /** A malformed credential: Invalid Field, and a failed attempt all the same. */
  private static RefusedCredential invalid(String why) {
    return new RefusedCredential(ResultReason.INVALID_FIELD, why, true);
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
