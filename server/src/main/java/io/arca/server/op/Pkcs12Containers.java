package io.arca.server.op;

import io.arca.kmip.KeyFormatType;
import io.arca.kmip.KmipException;
import io.arca.kmip.LinkType;
import io.arca.kmip.ObjectType;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.SecretDataType;
import io.arca.kmip.State;
import io.arca.kmip.object.Certificate;
import io.arca.kmip.object.KeyBlock;
import io.arca.kmip.object.KeyMaterial;
import io.arca.kmip.object.KeyValue;
import io.arca.kmip.object.ManagedObject;
import io.arca.kmip.object.PrivateKey;
import io.arca.kmip.object.SecretData;
import io.arca.kmip.ttlv.ByteString;
import io.arca.server.batch.RequestContext;
import io.arca.server.keys.ClearKey;
import io.arca.server.keys.KeyBlocks;
import io.arca.server.keys.KeyFormats;
import io.arca.server.keys.Pkcs12;
import io.arca.server.store.ObjectContent;
import io.arca.server.store.ObjectRecord;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Key Format Type PKCS#12 on Get and Export (KMIP 1.4 §4.11, 2.1 §6.1.22): a private key with its
 * certificate chain in an RFC 7292 container, protected by the password of the Secret Data its
 * PKCS#12 Password Link names. The chain starts at the certificate the private key's Public Key
 * Link leads to (the public key's PKCS#12 Certificate Link, or its Certificate Link as 1.4 words
 * it; the private key's own PKCS#12 Certificate Link first) and follows each certificate's
 * Certificate Link to its issuer while the issuer is stored ({@link Pkcs12} makes the container).
 * The bags are named by the key's PKCS#12 Friendly Name, or "alias" as the specification suggests.
 */
final class Pkcs12Containers {
  private static final int MAX_CHAIN = 16;

  private final ObjectAccess objects;

  Pkcs12Containers(ObjectAccess objects) {
    this.objects = objects;
  }

  /** {@code object} (the private key {@code record} describes) as a PKCS#12 container. */
  ManagedObject container(ObjectRecord record, ManagedObject object, RequestContext context) {
    KeyBlock block = object.keyBlock();
    if (!(object instanceof PrivateKey)
        || block == null
        || block.keyWrappingData() != null
        || !(block.keyValue() instanceof KeyValue.Plain)) {
      throw new KmipException(
          ResultReason.KEY_FORMAT_TYPE_NOT_SUPPORTED,
          "KeyFormatType: PKCS_12 holds a private key in the clear (" + record.uid() + " is not)");
    }
    char[] password = password(record, context);
    byte[] pkcs8 = null;
    try {
      List<byte[]> chain = chain(record, context);
      pkcs8 = pkcs8(block);
      byte[] container = Pkcs12.container(pkcs8, chain, friendlyName(record), password);
      return new PrivateKey(
          new KeyBlock(
              KeyFormatType.PKCS_12.value(),
              null,
              KeyValue.Plain.of(
                  new io.arca.kmip.object.KeyMaterial.Bytes(ByteString.copyOf(container))),
              block.cryptographicAlgorithm(),
              block.cryptographicLength(),
              null));
    } finally {
      Arrays.fill(password, '\0');
      if (pkcs8 != null) {
        Arrays.fill(pkcs8, (byte) 0);
      }
    }
  }

  private static byte[] pkcs8(KeyBlock block) {
    try (ClearKey key = KeyBlocks.toClearKey(ObjectType.PRIVATE_KEY, block);
        ClearKey encoded = KeyFormats.convert(key, KeyFormatType.PKCS_8)) {
      return ((io.arca.server.keys.KeyMaterial.Encoded) encoded.material()).bytes().toByteArray();
    }
  }

  /**
   * The password of the one PKCS#12 Password Link, an active Secret Data of type Password the
   * caller may read; anything else is Bad Password (2.x) or Invalid Field (1.x), as the Result
   * Reason tables say.
   */
  private char[] password(ObjectRecord key, RequestContext context) {
    List<String> links = linked(key, LinkType.PKCS_12_PASSWORD_LINK);
    if (links.size() != 1) {
      throw badPassword(
          context, key.uid() + " has " + links.size() + " PKCS#12 Password Links (expected: 1)");
    }
    String uid = links.get(0);
    ObjectRecord secret =
        objects
            .visible(uid, context)
            .orElseThrow(
                () -> badPassword(context, "the PKCS#12 password " + uid + " does not exist"));
    State state = Lifecycle.stateAt(secret.state(), secret.attributes(), context.now());
    if (secret.objectType() != ObjectType.SECRET_DATA
        || state != State.ACTIVE
        || !secret.hasContent()) {
      throw badPassword(context, "the PKCS#12 password " + uid + " is not active Secret Data");
    }
    try (ObjectContent content =
        objects
            .store()
            .content(uid)
            .orElseThrow(() -> badPassword(context, "the PKCS#12 password " + uid + " is gone"))) {
      ManagedObject object = ManagedObject.decode(content.structure(), StoredForm.VERSION);
      if (!(object instanceof SecretData data)
          || data.secretDataType() != SecretDataType.PASSWORD.value()
          || !(data.keyBlock().keyValue() instanceof KeyValue.Plain plain)
          || !(plain.keyMaterial() instanceof KeyMaterial.Bytes bytes)) {
        throw badPassword(
            context, "the PKCS#12 password " + uid + " is not a Password in the clear");
      }
      return characters(bytes.value(), context);
    }
  }

  /** The password's UTF-8 bytes as characters, never through a String. */
  private static char[] characters(ByteString value, RequestContext context) {
    byte[] bytes = value.toByteArray();
    try {
      CharBuffer chars =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes));
      char[] password = Arrays.copyOfRange(chars.array(), chars.position(), chars.limit());
      Arrays.fill(chars.array(), '\0');
      return password;
    } catch (CharacterCodingException e) {
      throw badPassword(context, "the PKCS#12 password is not UTF-8 text");
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  private static KmipException badPassword(RequestContext context, String message) {
    return new KmipException(
        context.protocolVersion().isAtLeast(ProtocolVersion.V2_0)
            ? ResultReason.BAD_PASSWORD
            : ResultReason.INVALID_FIELD,
        message);
  }

  /** The certificate chain, leaf first; Key Format Type Not Supported without one. */
  private List<byte[]> chain(ObjectRecord key, RequestContext context) {
    List<String> leaf = linked(key, LinkType.PKCS_12_CERTIFICATE_LINK);
    if (leaf.isEmpty()) {
      for (String publicUid : linked(key, LinkType.PUBLIC_KEY_LINK)) {
        ObjectRecord publicKey = objects.visible(publicUid, context).orElse(null);
        if (publicKey != null) {
          leaf = linked(publicKey, LinkType.PKCS_12_CERTIFICATE_LINK);
          if (leaf.isEmpty()) {
            leaf = linked(publicKey, LinkType.CERTIFICATE_LINK);
          }
        }
      }
    }
    if (leaf.size() != 1) {
      throw noChain(
          key.uid() + (leaf.isEmpty() ? " has no certificate" : " has several certificates"));
    }
    List<byte[]> chain = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    String next = leaf.get(0);
    while (next != null && seen.add(next) && chain.size() < MAX_CHAIN) {
      ObjectRecord record = objects.visible(next, context).orElse(null);
      if (record == null || record.objectType() != ObjectType.CERTIFICATE || !record.hasContent()) {
        if (chain.isEmpty()) {
          throw noChain("the certificate " + next + " of " + key.uid() + " cannot be read");
        }
        break;
      }
      chain.add(certificate(record));
      List<String> issuers = linked(record, LinkType.CERTIFICATE_LINK);
      if (issuers.size() > 1) {
        throw noChain(record.uid() + " links several issuers: more than one chain");
      }
      next = issuers.isEmpty() ? null : issuers.get(0);
    }
    return chain;
  }

  /** The certificate's DER value; a value that is no X.509 certificate fails the container. */
  private byte[] certificate(ObjectRecord record) {
    try (ObjectContent content =
        objects
            .store()
            .content(record.uid())
            .orElseThrow(() -> noChain(record.uid() + " is gone"))) {
      if (!(ManagedObject.decode(content.structure(), StoredForm.VERSION)
          instanceof Certificate certificate)) {
        throw noChain(record.uid() + " is not a certificate");
      }
      return certificate.certificateValue().toByteArray();
    }
  }

  private static KmipException noChain(String message) {
    return new KmipException(
        ResultReason.KEY_FORMAT_TYPE_NOT_SUPPORTED,
        "KeyFormatType: PKCS_12 needs a certificate; " + message);
  }

  private static String friendlyName(ObjectRecord key) {
    return AttributeView.of(key).pkcs12FriendlyName().orElse("alias");
  }

  /** The identifiers the object's links of {@code type} name. */
  private static List<String> linked(ObjectRecord record, LinkType type) {
    return AttributeView.of(record).links(type);
  }
}
