package io.arca.client.cli;

import io.arca.client.KmipClient;
import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.CryptographicUsageMask;
import io.arca.kmip.KeyFormatType;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.object.KeyBlock;
import io.arca.kmip.object.KeyMaterial;
import io.arca.kmip.object.KeyValue;
import io.arca.kmip.object.ManagedObject;
import io.arca.kmip.object.PrivateKey;
import io.arca.kmip.object.PublicKey;
import io.arca.kmip.object.SymmetricKey;
import io.arca.kmip.payload.Import;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.jspecify.annotations.Nullable;

/**
 * Turns key files into Register (or, when the caller chose the identifier, Import) requests: raw
 * AES bytes, and PEM private keys (PKCS#8, PKCS#1 or SEC1, sent as PKCS#8) and public keys
 * (SubjectPublicKeyInfo, sent as X.509).
 */
final class KeyImports {
  private KeyImports() {}

  static String importSymmetric(
      KmipClient client, byte[] key, NewKeyOptions options, @Nullable String requestedId)
      throws IOException {
    SymmetricKey object =
        new SymmetricKey(
            KeyBlock.of(
                KeyFormatType.RAW.value(),
                KeyValue.Plain.of(new KeyMaterial.Bytes(ByteString.copyOf(key))),
                CryptographicAlgorithm.AES.value(),
                key.length * 8));
    List<Attribute> attributes =
        new ArrayList<>(algorithm(CryptographicAlgorithm.AES, key.length * 8));
    attributes.add(
        usage(
            CryptographicUsageMask.ENCRYPT,
            CryptographicUsageMask.DECRYPT,
            CryptographicUsageMask.WRAP_KEY,
            CryptographicUsageMask.UNWRAP_KEY));
    return store(client, object, attributes, options, requestedId);
  }

  /** Imports the first key of a PEM file; returns its identifier. */
  static String importPem(
      KmipClient client, Path file, NewKeyOptions options, @Nullable String requestedId)
      throws IOException {
    Object pem;
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
        PEMParser parser = new PEMParser(reader)) {
      pem = parser.readObject();
    }
    JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
    if (pem instanceof PEMKeyPair pair) {
      pem = pair.getPrivateKeyInfo();
    }
    if (pem instanceof PrivateKeyInfo info) {
      byte[] der = info.getEncoded();
      try {
        Key key = converter.getPrivateKey(info);
        List<Attribute> attributes = new ArrayList<>(describe(key, file));
        attributes.add(
            usage(
                CryptographicUsageMask.SIGN,
                CryptographicUsageMask.DECRYPT,
                CryptographicUsageMask.UNWRAP_KEY));
        ManagedObject object = new PrivateKey(block(KeyFormatType.PKCS_8, der, attributes));
        return store(client, object, attributes, options, requestedId);
      } finally {
        Arrays.fill(der, (byte) 0);
      }
    }
    if (pem instanceof SubjectPublicKeyInfo info) {
      Key key = converter.getPublicKey(info);
      List<Attribute> attributes = new ArrayList<>(describe(key, file));
      attributes.add(
          usage(
              CryptographicUsageMask.VERIFY,
              CryptographicUsageMask.ENCRYPT,
              CryptographicUsageMask.WRAP_KEY));
      ManagedObject object =
          new PublicKey(block(KeyFormatType.X_509, info.getEncoded(), attributes));
      return store(client, object, attributes, options, requestedId);
    }
    throw new IllegalArgumentException(
        file
            + " holds no unencrypted PEM key (PRIVATE KEY, RSA PRIVATE KEY, EC PRIVATE KEY or"
            + " PUBLIC KEY)");
  }

  private static KeyBlock block(KeyFormatType format, byte[] der, List<Attribute> attributes) {
    Attribute algorithm = attributes.get(0);
    Attribute length = attributes.get(1);
    return KeyBlock.of(
        format.value(),
        KeyValue.Plain.of(new KeyMaterial.Bytes(ByteString.copyOf(der))),
        ((TtlvEnumeration) algorithm.value()).value(),
        ((TtlvInteger) length.value()).value());
  }

  private static List<Attribute> describe(Key key, Path file) {
    if (key instanceof RSAKey rsa) {
      return algorithm(CryptographicAlgorithm.RSA, rsa.getModulus().bitLength());
    }
    if (key instanceof ECKey ec) {
      return algorithm(
          CryptographicAlgorithm.EC, ec.getParams().getCurve().getField().getFieldSize());
    }
    throw new IllegalArgumentException(file + ": only RSA and EC keys can be imported");
  }

  private static List<Attribute> algorithm(CryptographicAlgorithm algorithm, int bits) {
    return List.of(
        Attribute.of(new TtlvEnumeration(Tag.CRYPTOGRAPHIC_ALGORITHM.code(), algorithm.value())),
        Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), bits)));
  }

  private static Attribute usage(CryptographicUsageMask... usages) {
    int mask = 0;
    for (CryptographicUsageMask usage : usages) {
      mask |= usage.value();
    }
    return Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_USAGE_MASK.code(), mask));
  }

  private static String store(
      KmipClient client,
      ManagedObject object,
      List<Attribute> attributes,
      NewKeyOptions options,
      @Nullable String requestedId)
      throws IOException {
    attributes.addAll(options.common());
    attributes.addAll(options.secret(null));
    Attributes all = new Attributes(attributes, List.of());
    if (requestedId == null) {
      return client.register(object, all);
    }
    return client.importObject(
        new Import.Request(requestedId, object.objectType(), null, null, all, object));
  }
}
