// Generated from src/main/resources/io/arca/kmip/vocabulary.tsv by
// io.arca.kmip.tools.VocabularyGenerator. Do not edit: change the TSV (or the
// extractor in tools/kmip-spec-extract) and run the generator.
package io.arca.kmip;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Profile Name enumeration (KMIP 2.1 §11.41 Table 473). Extension values (0x8xxxxxxx) have no
 * constant: the wire keeps the raw number.
 */
@javax.annotation.processing.Generated("io.arca.kmip.tools.VocabularyGenerator")
public enum ProfileName implements KmipEnumeration {
  /**
   * Baseline Server Basic KMIP v1.2 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  BASELINE_SERVER_BASIC_KMIP_V1_2(0x00000001, "BaselineServerBasicKMIPV1_2", 13, 14),
  /**
   * Baseline Server TLS v1.2 KMIP v1.2 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  BASELINE_SERVER_TLS_V1_2_KMIP_V1_2(0x00000002, "BaselineServerTLSV1_2KMIPV1_2", 13, 14),
  /**
   * Baseline Client Basic KMIP v1.2 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  BASELINE_CLIENT_BASIC_KMIP_V1_2(0x00000003, "BaselineClientBasicKMIPV1_2", 13, 14),
  /**
   * Baseline Client TLS v1.2 KMIP v1.2 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  BASELINE_CLIENT_TLS_V1_2_KMIP_V1_2(0x00000004, "BaselineClientTLSV1_2KMIPV1_2", 13, 14),
  /**
   * Complete Server Basic KMIP v1.2 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  COMPLETE_SERVER_BASIC_KMIP_V1_2(0x00000005, "CompleteServerBasicKMIPV1_2", 13, 14),
  /**
   * Complete Server TLS v1.2 KMIP v1.2 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  COMPLETE_SERVER_TLS_V1_2_KMIP_V1_2(0x00000006, "CompleteServerTLSV1_2KMIPV1_2", 13, 14),
  /**
   * Tape Library Client KMIP v1.0 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name Enumeration).
   */
  TAPE_LIBRARY_CLIENT_KMIP_V1_0(0x00000007, "TapeLibraryClientKMIPV1_0", 13, 14),
  /**
   * Tape Library Client KMIP v1.1 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name Enumeration).
   */
  TAPE_LIBRARY_CLIENT_KMIP_V1_1(0x00000008, "TapeLibraryClientKMIPV1_1", 13, 14),
  /**
   * Tape Library Client KMIP v1.2 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name Enumeration).
   */
  TAPE_LIBRARY_CLIENT_KMIP_V1_2(0x00000009, "TapeLibraryClientKMIPV1_2", 13, 14),
  /**
   * Tape Library Server KMIP v1.0 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name Enumeration).
   */
  TAPE_LIBRARY_SERVER_KMIP_V1_0(0x0000000A, "TapeLibraryServerKMIPV1_0", 13, 14),
  /**
   * Tape Library Server KMIP v1.1 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name Enumeration).
   */
  TAPE_LIBRARY_SERVER_KMIP_V1_1(0x0000000B, "TapeLibraryServerKMIPV1_1", 13, 14),
  /**
   * Tape Library Server KMIP v1.2 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name Enumeration).
   */
  TAPE_LIBRARY_SERVER_KMIP_V1_2(0x0000000C, "TapeLibraryServerKMIPV1_2", 13, 14),
  /**
   * Symmetric Key Lifecycle Client KMIP v1.0 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  SYMMETRIC_KEY_LIFECYCLE_CLIENT_KMIP_V1_0(
      0x0000000D,
      "SymmetricKeyLifecycleClientKMIPV1_0",
      13,
      14),
  /**
   * Symmetric Key Lifecycle Client KMIP v1.1 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  SYMMETRIC_KEY_LIFECYCLE_CLIENT_KMIP_V1_1(
      0x0000000E,
      "SymmetricKeyLifecycleClientKMIPV1_1",
      13,
      14),
  /**
   * Symmetric Key Lifecycle Client KMIP v1.2 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  SYMMETRIC_KEY_LIFECYCLE_CLIENT_KMIP_V1_2(
      0x0000000F,
      "SymmetricKeyLifecycleClientKMIPV1_2",
      13,
      14),
  /**
   * Symmetric Key Lifecycle Server KMIP v1.0 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  SYMMETRIC_KEY_LIFECYCLE_SERVER_KMIP_V1_0(
      0x00000010,
      "SymmetricKeyLifecycleServerKMIPV1_0",
      13,
      14),
  /**
   * Symmetric Key Lifecycle Server KMIP v1.1 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  SYMMETRIC_KEY_LIFECYCLE_SERVER_KMIP_V1_1(
      0x00000011,
      "SymmetricKeyLifecycleServerKMIPV1_1",
      13,
      14),
  /**
   * Symmetric Key Lifecycle Server KMIP v1.2 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  SYMMETRIC_KEY_LIFECYCLE_SERVER_KMIP_V1_2(
      0x00000012,
      "SymmetricKeyLifecycleServerKMIPV1_2",
      13,
      14),
  /**
   * Asymmetric Key Lifecycle Client KMIP v1.0 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  ASYMMETRIC_KEY_LIFECYCLE_CLIENT_KMIP_V1_0(
      0x00000013,
      "AsymmetricKeyLifecycleClientKMIPV1_0",
      13,
      14),
  /**
   * Asymmetric Key Lifecycle Client KMIP v1.1 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  ASYMMETRIC_KEY_LIFECYCLE_CLIENT_KMIP_V1_1(
      0x00000014,
      "AsymmetricKeyLifecycleClientKMIPV1_1",
      13,
      14),
  /**
   * Asymmetric Key Lifecycle Client KMIP v1.2 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  ASYMMETRIC_KEY_LIFECYCLE_CLIENT_KMIP_V1_2(
      0x00000015,
      "AsymmetricKeyLifecycleClientKMIPV1_2",
      13,
      14),
  /**
   * Asymmetric Key Lifecycle Server KMIP v1.0 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  ASYMMETRIC_KEY_LIFECYCLE_SERVER_KMIP_V1_0(
      0x00000016,
      "AsymmetricKeyLifecycleServerKMIPV1_0",
      13,
      14),
  /**
   * Asymmetric Key Lifecycle Server KMIP v1.1 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  ASYMMETRIC_KEY_LIFECYCLE_SERVER_KMIP_V1_1(
      0x00000017,
      "AsymmetricKeyLifecycleServerKMIPV1_1",
      13,
      14),
  /**
   * Asymmetric Key Lifecycle Server KMIP v1.2 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  ASYMMETRIC_KEY_LIFECYCLE_SERVER_KMIP_V1_2(
      0x00000018,
      "AsymmetricKeyLifecycleServerKMIPV1_2",
      13,
      14),
  /**
   * Basic Cryptographic Client KMIP v1.2 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  BASIC_CRYPTOGRAPHIC_CLIENT_KMIP_V1_2(0x00000019, "BasicCryptographicClientKMIPV1_2", 13, 14),
  /**
   * Basic Cryptographic Server KMIP v1.2 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  BASIC_CRYPTOGRAPHIC_SERVER_KMIP_V1_2(0x0000001A, "BasicCryptographicServerKMIPV1_2", 13, 14),
  /**
   * Advanced Cryptographic Client KMIP v1.2 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  ADVANCED_CRYPTOGRAPHIC_CLIENT_KMIP_V1_2(
      0x0000001B,
      "AdvancedCryptographicClientKMIPV1_2",
      13,
      14),
  /**
   * Advanced Cryptographic Server KMIP v1.2 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  ADVANCED_CRYPTOGRAPHIC_SERVER_KMIP_V1_2(
      0x0000001C,
      "AdvancedCryptographicServerKMIPV1_2",
      13,
      14),
  /**
   * RNG Cryptographic Client KMIP v1.2 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  RNG_CRYPTOGRAPHIC_CLIENT_KMIP_V1_2(0x0000001D, "RNGCryptographicClientKMIPV1_2", 13, 14),
  /**
   * RNG Cryptographic Server KMIP v1.2 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  RNG_CRYPTOGRAPHIC_SERVER_KMIP_V1_2(0x0000001E, "RNGCryptographicServerKMIPV1_2", 13, 14),
  /**
   * Basic Symmetric Key Foundry Client KMIP v1.0 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile
   * Name Enumeration).
   */
  BASIC_SYMMETRIC_KEY_FOUNDRY_CLIENT_KMIP_V1_0(
      0x0000001F,
      "BasicSymmetricKeyFoundryClientKMIPV1_0",
      13,
      14),
  /**
   * Intermediate Symmetric Key Foundry Client KMIP v1.0 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42
   * Profile Name Enumeration).
   */
  INTERMEDIATE_SYMMETRIC_KEY_FOUNDRY_CLIENT_KMIP_V1_0(
      0x00000020,
      "IntermediateSymmetricKeyFoundryClientKMIPV1_0",
      13,
      14),
  /**
   * Advanced Symmetric Key Foundry Client KMIP v1.0 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile
   * Name Enumeration).
   */
  ADVANCED_SYMMETRIC_KEY_FOUNDRY_CLIENT_KMIP_V1_0(
      0x00000021,
      "AdvancedSymmetricKeyFoundryClientKMIPV1_0",
      13,
      14),
  /**
   * Basic Symmetric Key Foundry Client KMIP v1.1 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile
   * Name Enumeration).
   */
  BASIC_SYMMETRIC_KEY_FOUNDRY_CLIENT_KMIP_V1_1(
      0x00000022,
      "BasicSymmetricKeyFoundryClientKMIPV1_1",
      13,
      14),
  /**
   * Intermediate Symmetric Key Foundry Client KMIP v1.1 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42
   * Profile Name Enumeration).
   */
  INTERMEDIATE_SYMMETRIC_KEY_FOUNDRY_CLIENT_KMIP_V1_1(
      0x00000023,
      "IntermediateSymmetricKeyFoundryClientKMIPV1_1",
      13,
      14),
  /**
   * Advanced Symmetric Key Foundry Client KMIP v1.1 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile
   * Name Enumeration).
   */
  ADVANCED_SYMMETRIC_KEY_FOUNDRY_CLIENT_KMIP_V1_1(
      0x00000024,
      "AdvancedSymmetricKeyFoundryClientKMIPV1_1",
      13,
      14),
  /**
   * Basic Symmetric Key Foundry Client KMIP v1.2 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile
   * Name Enumeration).
   */
  BASIC_SYMMETRIC_KEY_FOUNDRY_CLIENT_KMIP_V1_2(
      0x00000025,
      "BasicSymmetricKeyFoundryClientKMIPV1_2",
      13,
      14),
  /**
   * Intermediate Symmetric Key Foundry Client KMIP v1.2 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42
   * Profile Name Enumeration).
   */
  INTERMEDIATE_SYMMETRIC_KEY_FOUNDRY_CLIENT_KMIP_V1_2(
      0x00000026,
      "IntermediateSymmetricKeyFoundryClientKMIPV1_2",
      13,
      14),
  /**
   * Advanced Symmetric Key Foundry Client KMIP v1.2 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile
   * Name Enumeration).
   */
  ADVANCED_SYMMETRIC_KEY_FOUNDRY_CLIENT_KMIP_V1_2(
      0x00000027,
      "AdvancedSymmetricKeyFoundryClientKMIPV1_2",
      13,
      14),
  /**
   * Symmetric Key Foundry Server KMIP v1.0 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  SYMMETRIC_KEY_FOUNDRY_SERVER_KMIP_V1_0(0x00000028, "SymmetricKeyFoundryServerKMIPV1_0", 13, 14),
  /**
   * Symmetric Key Foundry Server KMIP v1.1 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  SYMMETRIC_KEY_FOUNDRY_SERVER_KMIP_V1_1(0x00000029, "SymmetricKeyFoundryServerKMIPV1_1", 13, 14),
  /**
   * Symmetric Key Foundry Server KMIP v1.2 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  SYMMETRIC_KEY_FOUNDRY_SERVER_KMIP_V1_2(0x0000002A, "SymmetricKeyFoundryServerKMIPV1_2", 13, 14),
  /**
   * Opaque Managed Object Store Client KMIP v1.0 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile
   * Name Enumeration).
   */
  OPAQUE_MANAGED_OBJECT_STORE_CLIENT_KMIP_V1_0(
      0x0000002B,
      "OpaqueManagedObjectStoreClientKMIPV1_0",
      13,
      14),
  /**
   * Opaque Managed Object Store Client KMIP v1.1 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile
   * Name Enumeration).
   */
  OPAQUE_MANAGED_OBJECT_STORE_CLIENT_KMIP_V1_1(
      0x0000002C,
      "OpaqueManagedObjectStoreClientKMIPV1_1",
      13,
      14),
  /**
   * Opaque Managed Object Store Client KMIP v1.2 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile
   * Name Enumeration).
   */
  OPAQUE_MANAGED_OBJECT_STORE_CLIENT_KMIP_V1_2(
      0x0000002D,
      "OpaqueManagedObjectStoreClientKMIPV1_2",
      13,
      14),
  /**
   * Opaque Managed Object Store Server KMIP v1.0 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile
   * Name Enumeration).
   */
  OPAQUE_MANAGED_OBJECT_STORE_SERVER_KMIP_V1_0(
      0x0000002E,
      "OpaqueManagedObjectStoreServerKMIPV1_0",
      13,
      14),
  /**
   * Opaque Managed Object Store Server KMIP v1.1 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile
   * Name Enumeration).
   */
  OPAQUE_MANAGED_OBJECT_STORE_SERVER_KMIP_V1_1(
      0x0000002F,
      "OpaqueManagedObjectStoreServerKMIPV1_1",
      13,
      14),
  /**
   * Opaque Managed Object Store Server KMIP v1.2 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile
   * Name Enumeration).
   */
  OPAQUE_MANAGED_OBJECT_STORE_SERVER_KMIP_V1_2(
      0x00000030,
      "OpaqueManagedObjectStoreServerKMIPV1_2",
      13,
      14),
  /**
   * Suite B minLOS_128 Client KMIP v1.0 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  SUITE_B_MINLOS_128_CLIENT_KMIP_V1_0(0x00000031, "SuiteBMinLOS_128ClientKMIPV1_0", 13, 14),
  /**
   * Suite B minLOS_128 Client KMIP v1.1 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  SUITE_B_MINLOS_128_CLIENT_KMIP_V1_1(0x00000032, "SuiteBMinLOS_128ClientKMIPV1_1", 13, 14),
  /**
   * Suite B minLOS_128 Client KMIP v1.2 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  SUITE_B_MINLOS_128_CLIENT_KMIP_V1_2(0x00000033, "SuiteBMinLOS_128ClientKMIPV1_2", 13, 14),
  /**
   * Suite B minLOS_128 Server KMIP v1.0 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  SUITE_B_MINLOS_128_SERVER_KMIP_V1_0(0x00000034, "SuiteBMinLOS_128ServerKMIPV1_0", 13, 14),
  /**
   * Suite B minLOS_128 Server KMIP v1.1 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  SUITE_B_MINLOS_128_SERVER_KMIP_V1_1(0x00000035, "SuiteBMinLOS_128ServerKMIPV1_1", 13, 14),
  /**
   * Suite B minLOS_128 Server KMIP v1.2 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  SUITE_B_MINLOS_128_SERVER_KMIP_V1_2(0x00000036, "SuiteBMinLOS_128ServerKMIPV1_2", 13, 14),
  /**
   * Suite B minLOS_192 Client KMIP v1.0 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  SUITE_B_MINLOS_192_CLIENT_KMIP_V1_0(0x00000037, "SuiteBMinLOS_192ClientKMIPV1_0", 13, 14),
  /**
   * Suite B minLOS_192 Client KMIP v1.1 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  SUITE_B_MINLOS_192_CLIENT_KMIP_V1_1(0x00000038, "SuiteBMinLOS_192ClientKMIPV1_1", 13, 14),
  /**
   * Suite B minLOS_192 Client KMIP v1.2 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  SUITE_B_MINLOS_192_CLIENT_KMIP_V1_2(0x00000039, "SuiteBMinLOS_192ClientKMIPV1_2", 13, 14),
  /**
   * Suite B minLOS_192 Server KMIP v1.0 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  SUITE_B_MINLOS_192_SERVER_KMIP_V1_0(0x0000003A, "SuiteBMinLOS_192ServerKMIPV1_0", 13, 14),
  /**
   * Suite B minLOS_192 Server KMIP v1.1 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  SUITE_B_MINLOS_192_SERVER_KMIP_V1_1(0x0000003B, "SuiteBMinLOS_192ServerKMIPV1_1", 13, 14),
  /**
   * Suite B minLOS_192 Server KMIP v1.2 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  SUITE_B_MINLOS_192_SERVER_KMIP_V1_2(0x0000003C, "SuiteBMinLOS_192ServerKMIPV1_2", 13, 14),
  /**
   * Storage Array with Self Encrypting Drive Client KMIP v1.0 (KMIP 1.3 to 1.4; KMIP 1.4
   * §9.1.3.2.42 Profile Name Enumeration).
   */
  STORAGE_ARRAY_WITH_SELF_ENCRYPTING_DRIVE_CLIENT_KMIP_V1_0(
      0x0000003D,
      "StorageArrayWithSelfEncryptingDriveClientKMIPV1_0",
      13,
      14),
  /**
   * Storage Array with Self Encrypting Drive Client KMIP v1.1 (KMIP 1.3 to 1.4; KMIP 1.4
   * §9.1.3.2.42 Profile Name Enumeration).
   */
  STORAGE_ARRAY_WITH_SELF_ENCRYPTING_DRIVE_CLIENT_KMIP_V1_1(
      0x0000003E,
      "StorageArrayWithSelfEncryptingDriveClientKMIPV1_1",
      13,
      14),
  /**
   * Storage Array with Self Encrypting Drive Client KMIP v1.2 (KMIP 1.3 to 1.4; KMIP 1.4
   * §9.1.3.2.42 Profile Name Enumeration).
   */
  STORAGE_ARRAY_WITH_SELF_ENCRYPTING_DRIVE_CLIENT_KMIP_V1_2(
      0x0000003F,
      "StorageArrayWithSelfEncryptingDriveClientKMIPV1_2",
      13,
      14),
  /**
   * Storage Array with Self Encrypting Drive Server KMIP v1.0 (KMIP 1.3 to 1.4; KMIP 1.4
   * §9.1.3.2.42 Profile Name Enumeration).
   */
  STORAGE_ARRAY_WITH_SELF_ENCRYPTING_DRIVE_SERVER_KMIP_V1_0(
      0x00000040,
      "StorageArrayWithSelfEncryptingDriveServerKMIPV1_0",
      13,
      14),
  /**
   * Storage Array with Self Encrypting Drive Server KMIP v1.1 (KMIP 1.3 to 1.4; KMIP 1.4
   * §9.1.3.2.42 Profile Name Enumeration).
   */
  STORAGE_ARRAY_WITH_SELF_ENCRYPTING_DRIVE_SERVER_KMIP_V1_1(
      0x00000041,
      "StorageArrayWithSelfEncryptingDriveServerKMIPV1_1",
      13,
      14),
  /**
   * Storage Array with Self Encrypting Drive Server KMIP v1.2 (KMIP 1.3 to 1.4; KMIP 1.4
   * §9.1.3.2.42 Profile Name Enumeration).
   */
  STORAGE_ARRAY_WITH_SELF_ENCRYPTING_DRIVE_SERVER_KMIP_V1_2(
      0x00000042,
      "StorageArrayWithSelfEncryptingDriveServerKMIPV1_2",
      13,
      14),
  /** HTTPS Client KMIP v1.0 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name Enumeration). */
  HTTPS_CLIENT_KMIP_V1_0(0x00000043, "HTTPSClientKMIPV1_0", 13, 14),
  /** HTTPS Client KMIP v1.1 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name Enumeration). */
  HTTPS_CLIENT_KMIP_V1_1(0x00000044, "HTTPSClientKMIPV1_1", 13, 14),
  /** HTTPS Client KMIP v1.2 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name Enumeration). */
  HTTPS_CLIENT_KMIP_V1_2(0x00000045, "HTTPSClientKMIPV1_2", 13, 14),
  /** HTTPS Server KMIP v1.0 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name Enumeration). */
  HTTPS_SERVER_KMIP_V1_0(0x00000046, "HTTPSServerKMIPV1_0", 13, 14),
  /** HTTPS Server KMIP v1.1 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name Enumeration). */
  HTTPS_SERVER_KMIP_V1_1(0x00000047, "HTTPSServerKMIPV1_1", 13, 14),
  /** HTTPS Server KMIP v1.2 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name Enumeration). */
  HTTPS_SERVER_KMIP_V1_2(0x00000048, "HTTPSServerKMIPV1_2", 13, 14),
  /** JSON Client KMIP v1.0 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name Enumeration). */
  JSON_CLIENT_KMIP_V1_0(0x00000049, "JSONClientKMIPV1_0", 13, 14),
  /** JSON Client KMIP v1.1 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name Enumeration). */
  JSON_CLIENT_KMIP_V1_1(0x0000004A, "JSONClientKMIPV1_1", 13, 14),
  /** JSON Client KMIP v1.2 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name Enumeration). */
  JSON_CLIENT_KMIP_V1_2(0x0000004B, "JSONClientKMIPV1_2", 13, 14),
  /** JSON Server KMIP v1.0 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name Enumeration). */
  JSON_SERVER_KMIP_V1_0(0x0000004C, "JSONServerKMIPV1_0", 13, 14),
  /** JSON Server KMIP v1.1 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name Enumeration). */
  JSON_SERVER_KMIP_V1_1(0x0000004D, "JSONServerKMIPV1_1", 13, 14),
  /** JSON Server KMIP v1.2 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name Enumeration). */
  JSON_SERVER_KMIP_V1_2(0x0000004E, "JSONServerKMIPV1_2", 13, 14),
  /** XML Client KMIP v1.0 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name Enumeration). */
  XML_CLIENT_KMIP_V1_0(0x0000004F, "XMLClientKMIPV1_0", 13, 14),
  /** XML Client KMIP v1.1 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name Enumeration). */
  XML_CLIENT_KMIP_V1_1(0x00000050, "XMLClientKMIPV1_1", 13, 14),
  /** XML Client KMIP v1.2 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name Enumeration). */
  XML_CLIENT_KMIP_V1_2(0x00000051, "XMLClientKMIPV1_2", 13, 14),
  /** XML Server KMIP v1.0 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name Enumeration). */
  XML_SERVER_KMIP_V1_0(0x00000052, "XMLServerKMIPV1_0", 13, 14),
  /** XML Server KMIP v1.1 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name Enumeration). */
  XML_SERVER_KMIP_V1_1(0x00000053, "XMLServerKMIPV1_1", 13, 14),
  /** XML Server KMIP v1.2 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name Enumeration). */
  XML_SERVER_KMIP_V1_2(0x00000054, "XMLServerKMIPV1_2", 13, 14),
  /**
   * Baseline Server Basic KMIP v1.3 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  BASELINE_SERVER_BASIC_KMIP_V1_3(0x00000055, "BaselineServerBasicKMIPV1_3", 13, 14),
  /**
   * Baseline Server TLS v1.2 KMIP v1.3 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  BASELINE_SERVER_TLS_V1_2_KMIP_V1_3(0x00000056, "BaselineServerTLSV1_2KMIPV1_3", 13, 14),
  /**
   * Baseline Client Basic KMIP v1.3 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  BASELINE_CLIENT_BASIC_KMIP_V1_3(0x00000057, "BaselineClientBasicKMIPV1_3", 13, 14),
  /**
   * Baseline Client TLS v1.2 KMIP v1.3 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  BASELINE_CLIENT_TLS_V1_2_KMIP_V1_3(0x00000058, "BaselineClientTLSV1_2KMIPV1_3", 13, 14),
  /**
   * Complete Server Basic KMIP v1.3 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  COMPLETE_SERVER_BASIC_KMIP_V1_3(0x00000059, "CompleteServerBasicKMIPV1_3", 13, 14),
  /**
   * Complete Server TLS v1.2 KMIP v1.3 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  COMPLETE_SERVER_TLS_V1_2_KMIP_V1_3(0x0000005A, "CompleteServerTLSV1_2KMIPV1_3", 13, 14),
  /**
   * Tape Library Client KMIP v1.3 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name Enumeration).
   */
  TAPE_LIBRARY_CLIENT_KMIP_V1_3(0x0000005B, "TapeLibraryClientKMIPV1_3", 13, 14),
  /**
   * Tape Library Server KMIP v1.3 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name Enumeration).
   */
  TAPE_LIBRARY_SERVER_KMIP_V1_3(0x0000005C, "TapeLibraryServerKMIPV1_3", 13, 14),
  /**
   * Symmetric Key Lifecycle Client KMIP v1.3 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  SYMMETRIC_KEY_LIFECYCLE_CLIENT_KMIP_V1_3(
      0x0000005D,
      "SymmetricKeyLifecycleClientKMIPV1_3",
      13,
      14),
  /**
   * Symmetric Key Lifecycle Server KMIP v1.3 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  SYMMETRIC_KEY_LIFECYCLE_SERVER_KMIP_V1_3(
      0x0000005E,
      "SymmetricKeyLifecycleServerKMIPV1_3",
      13,
      14),
  /**
   * Asymmetric Key Lifecycle Client KMIP v1.3 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  ASYMMETRIC_KEY_LIFECYCLE_CLIENT_KMIP_V1_3(
      0x0000005F,
      "AsymmetricKeyLifecycleClientKMIPV1_3",
      13,
      14),
  /**
   * Asymmetric Key Lifecycle Server KMIP v1.3 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  ASYMMETRIC_KEY_LIFECYCLE_SERVER_KMIP_V1_3(
      0x00000060,
      "AsymmetricKeyLifecycleServerKMIPV1_3",
      13,
      14),
  /**
   * Basic Cryptographic Client KMIP v1.3 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  BASIC_CRYPTOGRAPHIC_CLIENT_KMIP_V1_3(0x00000061, "BasicCryptographicClientKMIPV1_3", 13, 14),
  /**
   * Basic Cryptographic Server KMIP v1.3 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  BASIC_CRYPTOGRAPHIC_SERVER_KMIP_V1_3(0x00000062, "BasicCryptographicServerKMIPV1_3", 13, 14),
  /**
   * Advanced Cryptographic Client KMIP v1.3 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  ADVANCED_CRYPTOGRAPHIC_CLIENT_KMIP_V1_3(
      0x00000063,
      "AdvancedCryptographicClientKMIPV1_3",
      13,
      14),
  /**
   * Advanced Cryptographic Server KMIP v1.3 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  ADVANCED_CRYPTOGRAPHIC_SERVER_KMIP_V1_3(
      0x00000064,
      "AdvancedCryptographicServerKMIPV1_3",
      13,
      14),
  /**
   * RNG Cryptographic Client KMIP v1.3 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  RNG_CRYPTOGRAPHIC_CLIENT_KMIP_V1_3(0x00000065, "RNGCryptographicClientKMIPV1_3", 13, 14),
  /**
   * RNG Cryptographic Server KMIP v1.3 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  RNG_CRYPTOGRAPHIC_SERVER_KMIP_V1_3(0x00000066, "RNGCryptographicServerKMIPV1_3", 13, 14),
  /**
   * Basic Symmetric Key Foundry Client KMIP v1.3 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile
   * Name Enumeration).
   */
  BASIC_SYMMETRIC_KEY_FOUNDRY_CLIENT_KMIP_V1_3(
      0x00000067,
      "BasicSymmetricKeyFoundryClientKMIPV1_3",
      13,
      14),
  /**
   * Intermediate Symmetric Key Foundry Client KMIP v1.3 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42
   * Profile Name Enumeration).
   */
  INTERMEDIATE_SYMMETRIC_KEY_FOUNDRY_CLIENT_KMIP_V1_3(
      0x00000068,
      "IntermediateSymmetricKeyFoundryClientKMIPV1_3",
      13,
      14),
  /**
   * Advanced Symmetric Key Foundry Client KMIP v1.3 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile
   * Name Enumeration).
   */
  ADVANCED_SYMMETRIC_KEY_FOUNDRY_CLIENT_KMIP_V1_3(
      0x00000069,
      "AdvancedSymmetricKeyFoundryClientKMIPV1_3",
      13,
      14),
  /**
   * Symmetric Key Foundry Server KMIP v1.3 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  SYMMETRIC_KEY_FOUNDRY_SERVER_KMIP_V1_3(0x0000006A, "SymmetricKeyFoundryServerKMIPV1_3", 13, 14),
  /**
   * Opaque Managed Object Store Client KMIP v1.3 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile
   * Name Enumeration).
   */
  OPAQUE_MANAGED_OBJECT_STORE_CLIENT_KMIP_V1_3(
      0x0000006B,
      "OpaqueManagedObjectStoreClientKMIPV1_3",
      13,
      14),
  /**
   * Opaque Managed Object Store Server KMIP v1.3 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile
   * Name Enumeration).
   */
  OPAQUE_MANAGED_OBJECT_STORE_SERVER_KMIP_V1_3(
      0x0000006C,
      "OpaqueManagedObjectStoreServerKMIPV1_3",
      13,
      14),
  /**
   * Suite B minLOS_128 Client KMIP v1.3 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  SUITE_B_MINLOS_128_CLIENT_KMIP_V1_3(0x0000006D, "SuiteBMinLOS_128ClientKMIPV1_3", 13, 14),
  /**
   * Suite B minLOS_128 Server KMIP v1.3 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  SUITE_B_MINLOS_128_SERVER_KMIP_V1_3(0x0000006E, "SuiteBMinLOS_128ServerKMIPV1_3", 13, 14),
  /**
   * Suite B minLOS_192 Client KMIP v1.3 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  SUITE_B_MINLOS_192_CLIENT_KMIP_V1_3(0x0000006F, "SuiteBMinLOS_192ClientKMIPV1_3", 13, 14),
  /**
   * Suite B minLOS_192 Server KMIP v1.3 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  SUITE_B_MINLOS_192_SERVER_KMIP_V1_3(0x00000070, "SuiteBMinLOS_192ServerKMIPV1_3", 13, 14),
  /**
   * Storage Array with Self Encrypting Drive Client KMIP v1.3 (KMIP 1.3 to 1.4; KMIP 1.4
   * §9.1.3.2.42 Profile Name Enumeration).
   */
  STORAGE_ARRAY_WITH_SELF_ENCRYPTING_DRIVE_CLIENT_KMIP_V1_3(
      0x00000071,
      "StorageArrayWithSelfEncryptingDriveClientKMIPV1_3",
      13,
      14),
  /**
   * Storage Array with Self Encrypting Drive Server KMIP v1.3 (KMIP 1.3 to 1.4; KMIP 1.4
   * §9.1.3.2.42 Profile Name Enumeration).
   */
  STORAGE_ARRAY_WITH_SELF_ENCRYPTING_DRIVE_SERVER_KMIP_V1_3(
      0x00000072,
      "StorageArrayWithSelfEncryptingDriveServerKMIPV1_3",
      13,
      14),
  /** HTTPS Client KMIP v1.3 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name Enumeration). */
  HTTPS_CLIENT_KMIP_V1_3(0x00000073, "HTTPSClientKMIPV1_3", 13, 14),
  /** HTTPS Server KMIP v1.3 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name Enumeration). */
  HTTPS_SERVER_KMIP_V1_3(0x00000074, "HTTPSServerKMIPV1_3", 13, 14),
  /** JSON Client KMIP v1.3 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name Enumeration). */
  JSON_CLIENT_KMIP_V1_3(0x00000075, "JSONClientKMIPV1_3", 13, 14),
  /** JSON Server KMIP v1.3 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name Enumeration). */
  JSON_SERVER_KMIP_V1_3(0x00000076, "JSONServerKMIPV1_3", 13, 14),
  /** XML Client KMIP v1.3 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name Enumeration). */
  XML_CLIENT_KMIP_V1_3(0x00000077, "XMLClientKMIPV1_3", 13, 14),
  /** XML Server KMIP v1.3 (KMIP 1.3 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name Enumeration). */
  XML_SERVER_KMIP_V1_3(0x00000078, "XMLServerKMIPV1_3", 13, 14),
  /**
   * Baseline Server Basic KMIP v1.4 (KMIP 1.4 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  BASELINE_SERVER_BASIC_KMIP_V1_4(0x00000079, "BaselineServerBasicKMIPV1_4", 14, 14),
  /**
   * Baseline Server TLS v1.2 KMIP v1.4 (KMIP 1.4 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  BASELINE_SERVER_TLS_V1_2_KMIP_V1_4(0x0000007A, "BaselineServerTLSV1_2KMIPV1_4", 14, 14),
  /**
   * Baseline Client Basic KMIP v1.4 (KMIP 1.4 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  BASELINE_CLIENT_BASIC_KMIP_V1_4(0x0000007B, "BaselineClientBasicKMIPV1_4", 14, 14),
  /**
   * Baseline Client TLS v1.2 KMIP v1.4 (KMIP 1.4 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  BASELINE_CLIENT_TLS_V1_2_KMIP_V1_4(0x0000007C, "BaselineClientTLSV1_2KMIPV1_4", 14, 14),
  /**
   * Complete Server Basic KMIP v1.4 (KMIP 1.4 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  COMPLETE_SERVER_BASIC_KMIP_V1_4(0x0000007D, "CompleteServerBasicKMIPV1_4", 14, 14),
  /**
   * Complete Server TLS v1.2 KMIP v1.4 (KMIP 1.4 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  COMPLETE_SERVER_TLS_V1_2_KMIP_V1_4(0x0000007E, "CompleteServerTLSV1_2KMIPV1_4", 14, 14),
  /**
   * Tape Library Client KMIP v1.4 (KMIP 1.4 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name Enumeration).
   */
  TAPE_LIBRARY_CLIENT_KMIP_V1_4(0x0000007F, "TapeLibraryClientKMIPV1_4", 14, 14),
  /**
   * Tape Library Server KMIP v1.4 (KMIP 1.4 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name Enumeration).
   */
  TAPE_LIBRARY_SERVER_KMIP_V1_4(0x00000080, "TapeLibraryServerKMIPV1_4", 14, 14),
  /**
   * Symmetric Key Lifecycle Client KMIP v1.4 (KMIP 1.4 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  SYMMETRIC_KEY_LIFECYCLE_CLIENT_KMIP_V1_4(
      0x00000081,
      "SymmetricKeyLifecycleClientKMIPV1_4",
      14,
      14),
  /**
   * Symmetric Key Lifecycle Server KMIP v1.4 (KMIP 1.4 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  SYMMETRIC_KEY_LIFECYCLE_SERVER_KMIP_V1_4(
      0x00000082,
      "SymmetricKeyLifecycleServerKMIPV1_4",
      14,
      14),
  /**
   * Asymmetric Key Lifecycle Client KMIP v1.4 (KMIP 1.4 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  ASYMMETRIC_KEY_LIFECYCLE_CLIENT_KMIP_V1_4(
      0x00000083,
      "AsymmetricKeyLifecycleClientKMIPV1_4",
      14,
      14),
  /**
   * Asymmetric Key Lifecycle Server KMIP v1.4 (KMIP 1.4 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  ASYMMETRIC_KEY_LIFECYCLE_SERVER_KMIP_V1_4(
      0x00000084,
      "AsymmetricKeyLifecycleServerKMIPV1_4",
      14,
      14),
  /**
   * Basic Cryptographic Client KMIP v1.4 (KMIP 1.4 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  BASIC_CRYPTOGRAPHIC_CLIENT_KMIP_V1_4(0x00000085, "BasicCryptographicClientKMIPV1_4", 14, 14),
  /**
   * Basic Cryptographic Server KMIP v1.4 (KMIP 1.4 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  BASIC_CRYPTOGRAPHIC_SERVER_KMIP_V1_4(0x00000086, "BasicCryptographicServerKMIPV1_4", 14, 14),
  /**
   * Advanced Cryptographic Client KMIP v1.4 (KMIP 1.4 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  ADVANCED_CRYPTOGRAPHIC_CLIENT_KMIP_V1_4(
      0x00000087,
      "AdvancedCryptographicClientKMIPV1_4",
      14,
      14),
  /**
   * Advanced Cryptographic Server KMIP v1.4 (KMIP 1.4 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  ADVANCED_CRYPTOGRAPHIC_SERVER_KMIP_V1_4(
      0x00000088,
      "AdvancedCryptographicServerKMIPV1_4",
      14,
      14),
  /**
   * RNG Cryptographic Client KMIP v1.4 (KMIP 1.4 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  RNG_CRYPTOGRAPHIC_CLIENT_KMIP_V1_4(0x00000089, "RNGCryptographicClientKMIPV1_4", 14, 14),
  /**
   * RNG Cryptographic Server KMIP v1.4 (KMIP 1.4 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  RNG_CRYPTOGRAPHIC_SERVER_KMIP_V1_4(0x0000008A, "RNGCryptographicServerKMIPV1_4", 14, 14),
  /**
   * Basic Symmetric Key Foundry Client KMIP v1.4 (KMIP 1.4 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile
   * Name Enumeration).
   */
  BASIC_SYMMETRIC_KEY_FOUNDRY_CLIENT_KMIP_V1_4(
      0x0000008B,
      "BasicSymmetricKeyFoundryClientKMIPV1_4",
      14,
      14),
  /**
   * Intermediate Symmetric Key Foundry Client KMIP v1.4 (KMIP 1.4 to 1.4; KMIP 1.4 §9.1.3.2.42
   * Profile Name Enumeration).
   */
  INTERMEDIATE_SYMMETRIC_KEY_FOUNDRY_CLIENT_KMIP_V1_4(
      0x0000008C,
      "IntermediateSymmetricKeyFoundryClientKMIPV1_4",
      14,
      14),
  /**
   * Advanced Symmetric Key Foundry Client KMIP v1.4 (KMIP 1.4 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile
   * Name Enumeration).
   */
  ADVANCED_SYMMETRIC_KEY_FOUNDRY_CLIENT_KMIP_V1_4(
      0x0000008D,
      "AdvancedSymmetricKeyFoundryClientKMIPV1_4",
      14,
      14),
  /**
   * Symmetric Key Foundry Server KMIP v1.4 (KMIP 1.4 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  SYMMETRIC_KEY_FOUNDRY_SERVER_KMIP_V1_4(0x0000008E, "SymmetricKeyFoundryServerKMIPV1_4", 14, 14),
  /**
   * Opaque Managed Object Store Client KMIP v1.4 (KMIP 1.4 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile
   * Name Enumeration).
   */
  OPAQUE_MANAGED_OBJECT_STORE_CLIENT_KMIP_V1_4(
      0x0000008F,
      "OpaqueManagedObjectStoreClientKMIPV1_4",
      14,
      14),
  /**
   * Opaque Managed Object Store Server KMIP v1.4 (KMIP 1.4 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile
   * Name Enumeration).
   */
  OPAQUE_MANAGED_OBJECT_STORE_SERVER_KMIP_V1_4(
      0x00000090,
      "OpaqueManagedObjectStoreServerKMIPV1_4",
      14,
      14),
  /**
   * Suite B minLOS_128 Client KMIP v1.4 (KMIP 1.4 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  SUITE_B_MINLOS_128_CLIENT_KMIP_V1_4(0x00000091, "SuiteBMinLOS_128ClientKMIPV1_4", 14, 14),
  /**
   * Suite B minLOS_128 Server KMIP v1.4 (KMIP 1.4 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  SUITE_B_MINLOS_128_SERVER_KMIP_V1_4(0x00000092, "SuiteBMinLOS_128ServerKMIPV1_4", 14, 14),
  /**
   * Suite B minLOS_192 Client KMIP v1.4 (KMIP 1.4 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  SUITE_B_MINLOS_192_CLIENT_KMIP_V1_4(0x00000093, "SuiteBMinLOS_192ClientKMIPV1_4", 14, 14),
  /**
   * Suite B minLOS_192 Server KMIP v1.4 (KMIP 1.4 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name
   * Enumeration).
   */
  SUITE_B_MINLOS_192_SERVER_KMIP_V1_4(0x00000094, "SuiteBMinLOS_192ServerKMIPV1_4", 14, 14),
  /**
   * Storage Array with Self Encrypting Drive Client KMIP v1.4 (KMIP 1.4 to 1.4; KMIP 1.4
   * §9.1.3.2.42 Profile Name Enumeration).
   */
  STORAGE_ARRAY_WITH_SELF_ENCRYPTING_DRIVE_CLIENT_KMIP_V1_4(
      0x00000095,
      "StorageArrayWithSelfEncryptingDriveClientKMIPV1_4",
      14,
      14),
  /**
   * Storage Array with Self Encrypting Drive Server KMIP v1.4 (KMIP 1.4 to 1.4; KMIP 1.4
   * §9.1.3.2.42 Profile Name Enumeration).
   */
  STORAGE_ARRAY_WITH_SELF_ENCRYPTING_DRIVE_SERVER_KMIP_V1_4(
      0x00000096,
      "StorageArrayWithSelfEncryptingDriveServerKMIPV1_4",
      14,
      14),
  /** HTTPS Client KMIP v1.4 (KMIP 1.4 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name Enumeration). */
  HTTPS_CLIENT_KMIP_V1_4(0x00000097, "HTTPSClientKMIPV1_4", 14, 14),
  /** HTTPS Server KMIP v1.4 (KMIP 1.4 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name Enumeration). */
  HTTPS_SERVER_KMIP_V1_4(0x00000098, "HTTPSServerKMIPV1_4", 14, 14),
  /** JSON Client KMIP v1.4 (KMIP 1.4 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name Enumeration). */
  JSON_CLIENT_KMIP_V1_4(0x00000099, "JSONClientKMIPV1_4", 14, 14),
  /** JSON Server KMIP v1.4 (KMIP 1.4 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name Enumeration). */
  JSON_SERVER_KMIP_V1_4(0x0000009A, "JSONServerKMIPV1_4", 14, 14),
  /** XML Client KMIP v1.4 (KMIP 1.4 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name Enumeration). */
  XML_CLIENT_KMIP_V1_4(0x0000009B, "XMLClientKMIPV1_4", 14, 14),
  /** XML Server KMIP v1.4 (KMIP 1.4 to 1.4; KMIP 1.4 §9.1.3.2.42 Profile Name Enumeration). */
  XML_SERVER_KMIP_V1_4(0x0000009C, "XMLServerKMIPV1_4", 14, 14),
  /** Complete Server Basic (KMIP 2.0+; KMIP 2.1 §11.41 Table 473). */
  COMPLETE_SERVER_BASIC(0x00000104, "CompleteServerBasic", 20, 0),
  /** Complete Server TLS v1.2 (KMIP 2.0+; KMIP 2.1 §11.41 Table 473). */
  COMPLETE_SERVER_TLS_V1_2(0x00000105, "CompleteServerTLSV1_2", 20, 0),
  /** Tape Library Client (KMIP 2.0+; KMIP 2.1 §11.41 Table 473). */
  TAPE_LIBRARY_CLIENT(0x00000106, "TapeLibraryClient", 20, 0),
  /** Tape Library Server (KMIP 2.0+; KMIP 2.1 §11.41 Table 473). */
  TAPE_LIBRARY_SERVER(0x00000107, "TapeLibraryServer", 20, 0),
  /** Symmetric Key Lifecycle Client (KMIP 2.0+; KMIP 2.1 §11.41 Table 473). */
  SYMMETRIC_KEY_LIFECYCLE_CLIENT(0x00000108, "SymmetricKeyLifecycleClient", 20, 0),
  /** Symmetric Key Lifecycle Server (KMIP 2.0+; KMIP 2.1 §11.41 Table 473). */
  SYMMETRIC_KEY_LIFECYCLE_SERVER(0x00000109, "SymmetricKeyLifecycleServer", 20, 0),
  /** Asymmetric Key Lifecycle Client (KMIP 2.0+; KMIP 2.1 §11.41 Table 473). */
  ASYMMETRIC_KEY_LIFECYCLE_CLIENT(0x0000010A, "AsymmetricKeyLifecycleClient", 20, 0),
  /** Asymmetric Key Lifecycle Server (KMIP 2.0+; KMIP 2.1 §11.41 Table 473). */
  ASYMMETRIC_KEY_LIFECYCLE_SERVER(0x0000010B, "AsymmetricKeyLifecycleServer", 20, 0),
  /** Basic Cryptographic Client (KMIP 2.0+; KMIP 2.1 §11.41 Table 473). */
  BASIC_CRYPTOGRAPHIC_CLIENT(0x0000010C, "BasicCryptographicClient", 20, 0),
  /** Basic Cryptographic Server (KMIP 2.0+; KMIP 2.1 §11.41 Table 473). */
  BASIC_CRYPTOGRAPHIC_SERVER(0x0000010D, "BasicCryptographicServer", 20, 0),
  /** Advanced Cryptographic Client (KMIP 2.0+; KMIP 2.1 §11.41 Table 473). */
  ADVANCED_CRYPTOGRAPHIC_CLIENT(0x0000010E, "AdvancedCryptographicClient", 20, 0),
  /** Advanced Cryptographic Server (KMIP 2.0+; KMIP 2.1 §11.41 Table 473). */
  ADVANCED_CRYPTOGRAPHIC_SERVER(0x0000010F, "AdvancedCryptographicServer", 20, 0),
  /** RNG Cryptographic Client (KMIP 2.0+; KMIP 2.1 §11.41 Table 473). */
  RNG_CRYPTOGRAPHIC_CLIENT(0x00000110, "RNGCryptographicClient", 20, 0),
  /** RNG Cryptographic Server (KMIP 2.0+; KMIP 2.1 §11.41 Table 473). */
  RNG_CRYPTOGRAPHIC_SERVER(0x00000111, "RNGCryptographicServer", 20, 0),
  /** Basic Symmetric Key Foundry Client (KMIP 2.0+; KMIP 2.1 §11.41 Table 473). */
  BASIC_SYMMETRIC_KEY_FOUNDRY_CLIENT(0x00000112, "BasicSymmetricKeyFoundryClient", 20, 0),
  /** Intermediate Symmetric Key Foundry Client (KMIP 2.0+; KMIP 2.1 §11.41 Table 473). */
  INTERMEDIATE_SYMMETRIC_KEY_FOUNDRY_CLIENT(
      0x00000113,
      "IntermediateSymmetricKeyFoundryClient",
      20,
      0),
  /** Advanced Symmetric Key Foundry Client (KMIP 2.0+; KMIP 2.1 §11.41 Table 473). */
  ADVANCED_SYMMETRIC_KEY_FOUNDRY_CLIENT(0x00000114, "AdvancedSymmetricKeyFoundryClient", 20, 0),
  /** Symmetric Key Foundry Server (KMIP 2.0+; KMIP 2.1 §11.41 Table 473). */
  SYMMETRIC_KEY_FOUNDRY_SERVER(0x00000115, "SymmetricKeyFoundryServer", 20, 0),
  /** Opaque Managed Object Store Client (KMIP 2.0+; KMIP 2.1 §11.41 Table 473). */
  OPAQUE_MANAGED_OBJECT_STORE_CLIENT(0x00000116, "OpaqueManagedObjectStoreClient", 20, 0),
  /** Opaque Managed Object Store Server (KMIP 2.0+; KMIP 2.1 §11.41 Table 473). */
  OPAQUE_MANAGED_OBJECT_STORE_SERVER(0x00000117, "OpaqueManagedObjectStoreServer", 20, 0),
  /** Storage Array with Self Encrypting Drive Client (KMIP 2.0+; KMIP 2.1 §11.41 Table 473). */
  STORAGE_ARRAY_WITH_SELF_ENCRYPTING_DRIVE_CLIENT(
      0x0000011C,
      "StorageArrayWithSelfEncryptingDriveClient",
      20,
      0),
  /** Storage Array with Self Encrypting Drive Server (KMIP 2.0+; KMIP 2.1 §11.41 Table 473). */
  STORAGE_ARRAY_WITH_SELF_ENCRYPTING_DRIVE_SERVER(
      0x0000011D,
      "StorageArrayWithSelfEncryptingDriveServer",
      20,
      0),
  /** HTTPS Client (KMIP 2.0+; KMIP 2.1 §11.41 Table 473). */
  HTTPS_CLIENT(0x0000011E, "HTTPSClient", 20, 0),
  /** HTTPS Server (KMIP 2.0+; KMIP 2.1 §11.41 Table 473). */
  HTTPS_SERVER(0x0000011F, "HTTPSServer", 20, 0),
  /** JSON Client (KMIP 2.0+; KMIP 2.1 §11.41 Table 473). */
  JSON_CLIENT(0x00000120, "JSONClient", 20, 0),
  /** JSON Server (KMIP 2.0+; KMIP 2.1 §11.41 Table 473). */
  JSON_SERVER(0x00000121, "JSONServer", 20, 0),
  /** XML Client (KMIP 2.0+; KMIP 2.1 §11.41 Table 473). */
  XML_CLIENT(0x00000122, "XMLClient", 20, 0),
  /** XML Server (KMIP 2.0+; KMIP 2.1 §11.41 Table 473). */
  XML_SERVER(0x00000123, "XMLServer", 20, 0),
  /** AES XTS Client (KMIP 2.0+; KMIP 2.1 §11.41 Table 473). */
  AES_XTS_CLIENT(0x00000124, "AESXTSClient", 20, 0),
  /** AES XTS Server (KMIP 2.0+; KMIP 2.1 §11.41 Table 473). */
  AES_XTS_SERVER(0x00000125, "AESXTSServer", 20, 0),
  /** Quantum Safe Client (KMIP 2.0+; KMIP 2.1 §11.41 Table 473). */
  QUANTUM_SAFE_CLIENT(0x00000126, "QuantumSafeClient", 20, 0),
  /** Quantum Safe Server (KMIP 2.0+; KMIP 2.1 §11.41 Table 473). */
  QUANTUM_SAFE_SERVER(0x00000127, "QuantumSafeServer", 20, 0),
  /** PKCS#11 Client (KMIP 2.0+; KMIP 2.1 §11.41 Table 473). */
  PKCS_11_CLIENT(0x00000128, "PKCS_11Client", 20, 0),
  /** PKCS#11 Server (KMIP 2.0+; KMIP 2.1 §11.41 Table 473). */
  PKCS_11_SERVER(0x00000129, "PKCS_11Server", 20, 0),
  /** Baseline Client (KMIP 2.0+; KMIP 2.1 §11.41 Table 473). */
  BASELINE_CLIENT(0x0000012A, "BaselineClient", 20, 0),
  /** Baseline Server (KMIP 2.0+; KMIP 2.1 §11.41 Table 473). */
  BASELINE_SERVER(0x0000012B, "BaselineServer", 20, 0),
  /** Complete Server (KMIP 2.0+; KMIP 2.1 §11.41 Table 473). */
  COMPLETE_SERVER(0x0000012C, "CompleteServer", 20, 0);

  static final EnumerationIndex<ProfileName> INDEX =
      new EnumerationIndex<>(List.of(values()), Map.of());

  private final int value;
  private final String xmlName;
  private final int since;
  private final int until;

  ProfileName(int value, String xmlName, int since, int until) {
    this.value = value;
    this.xmlName = xmlName;
    this.since = since;
    this.until = until;
  }

  @Override
  public int value() {
    return value;
  }

  @Override
  public String xmlName() {
    return xmlName;
  }

  /** The first version that defines this value. */
  @Override
  public ProtocolVersion since() {
    return ProtocolVersion.firstOfTableCode(since);
  }

  /** The last version that defines this value, or null when 2.1 still does. */
  @Override
  public @Nullable ProtocolVersion until() {
    return ProtocolVersion.ofTableCode(until);
  }

  /** The constant with this value, or null (extensions and unknown values). */
  public static @Nullable ProfileName byValue(int value) {
    return INDEX.byValue(value);
  }

  /** The constant with this XML name (or an older spelling of it), or null. */
  public static @Nullable ProfileName byXmlName(String name) {
    return INDEX.byXmlName(name);
  }
}
