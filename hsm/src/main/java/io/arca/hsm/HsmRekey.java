package io.arca.hsm;

/**
 * What {@link HsmSlot#rekey} made: the key it replaces and its successor, whose labels give the
 * server both identifiers to link (KMIP Replaced Object and Replacement Object Links). For a pair
 * these are the private keys; the public keys carry the {@code _pk} suffix.
 */
public record HsmRekey(HsmKeyInfo replaced, HsmKeyInfo replacement) {}
