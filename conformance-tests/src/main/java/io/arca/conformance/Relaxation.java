package io.arca.conformance;

import io.arca.kmip.Operation;
import io.arca.kmip.Tag;
import java.time.Duration;
import java.util.Set;

/**
 * Every way in which the runner accepts a response that differs from the expected one, each with
 * its reason. Everything not listed here must match exactly: tags, types, order, result status and
 * reason, every value. {@code docs/CONFORMANCE.md} repeats this list for readers.
 */
public enum Relaxation {
  /**
   * A {@code $NAME} value in an expected response ({@code $UNIQUE_IDENTIFIER_0}, {@code
   * $IV_COUNTER_NONCE}, ...) matches any value of its type; a Text String name, once bound, must
   * then match the bound value. Later requests carry the bound value; a byte-string name never
   * bound (some files write the value as a literal in the response) takes the latest value of its
   * tag the server sent.
   */
  PLACEHOLDER("the file names a value the server chooses; it is bound and reused"),

  /**
   * A {@code $NOW}-relative date matches within {@link #CLOCK_TOLERANCE} of now plus its offset.
   */
  NOW_RELATIVE_DATE("the date depends on when the case runs"),

  /**
   * Time Stamp and the dates a server sets from its own clock (Initial Date, Last Change Date,
   * Original Creation Date, Archive Date) match within {@link #CLOCK_TOLERANCE} of the runner's
   * clock, even where the file holds a literal date from the run that recorded it.
   */
  SERVER_CLOCK("the server's clock sets the value; the 1.x files hold the recording run's dates"),

  /**
   * The dates an operation sets when the client names none (Activate's Activation Date, Revoke's
   * Deactivation and Compromise Dates, Destroy's Destroy Date) match within {@link
   * #CLOCK_TOLERANCE} of the runner's clock when the file's literal date is not one the case sent
   * earlier: such a date came from the recording server's clock. A date the client sent must come
   * back exactly.
   */
  OPERATION_CLOCK("an operation stamped the date with the server's clock"),

  /**
   * A Random Number Generator attribute matches any RNG Parameters that name an RNG Algorithm: it
   * describes the generator of the server under test.
   */
  SERVER_RNG("the attribute describes the server's own random generator"),

  /**
   * A Query response describes the server under test: its Vendor Identification matches any text,
   * its Server Information any content, and it may list operations and object types beyond the
   * file's (every one the file lists must still be there).
   */
  SERVER_VENDOR("the server describes itself: its vendor, its information, what it supports"),

  /** Server Correlation Value matches any text, and may be missing: it is optional. */
  SERVER_CORRELATION_VALUE("the server chooses it to find the exchange in its own logs"),

  /**
   * Result Message matches any text and may be missing or added; Result Status and Result Reason
   * stay exact.
   */
  RESULT_MESSAGE("free text whose wording is the server's (the files hold the recording server's)"),

  /**
   * An IV/Counter/Nonce in a response, and the Data of RNG Retrieve, match any value of their size.
   */
  RANDOM_VALUE("the server draws it at random"),

  /**
   * Key material (Byte Strings and Big Integers under Key Value) of an object the server created
   * (Create, Create Key Pair, Re-key, ..., in this case or an earlier one against the same server),
   * and the Digest Value computed from it, match any value; a Byte String must keep its length.
   */
  SERVER_GENERATED_KEY("the server generated the key"),

  /**
   * The Data, Authenticated Encryption Tag, Signature Data and MAC Data that Encrypt, Sign and MAC
   * return match any value when the key was server-generated or the server chose the IV (the client
   * sent none and the response carries one; the key is the one the request names, or for an ID
   * Placeholder the one the response names). A later request that carries the recorded output as a
   * literal (decrypting what was encrypted) gets the output the server sent instead, so the round
   * trip is checked. A Decrypt of a literal ciphertext from the file under a key the server
   * generated returns what that key makes of it, and matches any value too.
   */
  OUTPUT_OF_SERVER_CHOICE("the output depends on a key or IV the server chose"),

  /**
   * The Data an Encrypt returns matches when it has the expected length and a private key that the
   * test-case files of the same folder register (with the padding they register it for) decrypts
   * both the recorded ciphertext and the returned one to the Data the request sent. The recorded
   * ciphertext picks the key and parameters; the returned one is thereby verified, not ignored.
   */
  VERIFIED_RSA_CIPHERTEXT(
      "RSA OAEP and PKCS#1 v1.5 encryption is randomized: no two ciphertexts are equal"),

  /**
   * The Signature Data a Sign returns matches when it has the expected length and verifies, over
   * the Data the request sent, under the public half of an RSA private key that the files of the
   * same folder register for PSS (registered hash and MGF1 hash; a salt as long as the hash or the
   * longest the key allows). The recorded signature is not needed: CS-AC-M-1-13's does not verify
   * under its own key with any PSS parameters.
   */
  VERIFIED_PSS_SIGNATURE("RSASSA-PSS signatures are randomized by their salt"),

  /**
   * The children of an Attributes structure, and of the response payloads of Query, Locate, Get
   * Attributes and Get Attribute List, match in any order.
   */
  UNORDERED("the specification does not fix the order of these lists"),

  /**
   * In the message-encoding files (MSGENC-HTTPS, -XML, -JSON), whose subject is the encoding, the
   * Operation and Object Type lists a Query answers are compared with this server's own: the runner
   * sends the same Query to the TTLV port and expects, over HTTPS, exactly the lists that port
   * answered (every other item as the file says).
   */
  ENCODING_PROFILE_QUERY(
      "the files list the recording server's operations (Notify, Put, Poll...); the encoding must"
          + " carry this server's answer unchanged"),

  /**
   * Attribute Names in the files, in requests and expected responses alike, have their runs of
   * white space folded to one space before they are sent or compared.
   */
  SPACED_ATTRIBUTE_NAMES(
      "the 1.0-1.2 files were extracted from HTML and spell some names \"Unique   Identifier\""),

  /**
   * In a 1.x Attribute structure, an Attribute Index of 0 matches an absent one, either way round.
   */
  IMPLIED_ATTRIBUTE_INDEX("1.x: an Attribute with no Attribute Index is the instance with index 0");

  /**
   * How far a date may be from the one expected under {@link #NOW_RELATIVE_DATE} and {@link
   * #SERVER_CLOCK}.
   */
  public static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(2);

  static final Set<Integer> SERVER_CLOCK_TAGS =
      Set.of(
          Tag.TIME_STAMP.code(),
          Tag.INITIAL_DATE.code(),
          Tag.LAST_CHANGE_DATE.code(),
          Tag.ORIGINAL_CREATION_DATE.code(),
          Tag.ARCHIVE_DATE.code());

  /** The 1.x Attribute Names of the same dates, for Attribute Value items. */
  static final Set<String> SERVER_CLOCK_ATTRIBUTES =
      Set.of("Initial Date", "Last Change Date", "Original Creation Date", "Archive Date");

  /** The dates under {@link #OPERATION_CLOCK}, by tag (2.x) and by 1.x Attribute Name. */
  static final Set<Integer> OPERATION_CLOCK_TAGS =
      Set.of(
          Tag.ACTIVATION_DATE.code(),
          Tag.DEACTIVATION_DATE.code(),
          Tag.COMPROMISE_DATE.code(),
          Tag.DESTROY_DATE.code());

  static final Set<String> OPERATION_CLOCK_ATTRIBUTES =
      Set.of("Activation Date", "Deactivation Date", "Compromise Date", "Destroy Date");

  static final Set<Integer> OUTPUT_TAGS =
      Set.of(
          Tag.DATA.code(),
          Tag.AUTHENTICATED_ENCRYPTION_TAG.code(),
          Tag.SIGNATURE_DATA.code(),
          Tag.MAC_DATA.code());

  static final Set<Integer> OUTPUT_OPERATIONS =
      Set.of(Operation.ENCRYPT.value(), Operation.SIGN.value(), Operation.MAC.value());

  static final Set<Integer> GENERATING_OPERATIONS =
      Set.of(
          Operation.CREATE.value(),
          Operation.CREATE_KEY_PAIR.value(),
          Operation.RE_KEY.value(),
          Operation.RE_KEY_KEY_PAIR.value(),
          Operation.DERIVE_KEY.value(),
          Operation.CREATE_SPLIT_KEY.value(),
          Operation.JOIN_SPLIT_KEY.value());

  static final Set<Integer> UNORDERED_PAYLOADS =
      Set.of(
          Operation.QUERY.value(),
          Operation.LOCATE.value(),
          Operation.GET_ATTRIBUTES.value(),
          Operation.GET_ATTRIBUTE_LIST.value());

  private final String reason;

  Relaxation(String reason) {
    this.reason = reason;
  }

  /** Why the runner relaxes this comparison. */
  public String reason() {
    return reason;
  }
}
