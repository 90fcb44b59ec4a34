package io.arca.kmip.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import org.junit.jupiter.api.Test;

class ResultReasonsTest {

  @Test
  void reasonsThatCameWith2xBecomeGeneralFailureFor1xClients() {
    assertThat(ResultReasons.forVersion(ResultReason.READ_ONLY_ATTRIBUTE, ProtocolVersion.V1_4))
        .isEqualTo(ResultReason.GENERAL_FAILURE);
    assertThat(ResultReasons.forVersion(ResultReason.INVALID_TICKET, ProtocolVersion.V1_0))
        .isEqualTo(ResultReason.GENERAL_FAILURE);
  }

  @Test
  void reasonsThatCameWithALater1xVersionBecomeGeneralFailureBeforeIt() {
    assertThat(ResultReasons.forVersion(ResultReason.SENSITIVE, ProtocolVersion.V1_3))
        .isEqualTo(ResultReason.GENERAL_FAILURE);
    assertThat(ResultReasons.forVersion(ResultReason.SENSITIVE, ProtocolVersion.V1_4))
        .isEqualTo(ResultReason.SENSITIVE);
    assertThat(ResultReasons.forVersion(ResultReason.ENCODING_OPTION_ERROR, ProtocolVersion.V1_0))
        .isEqualTo(ResultReason.GENERAL_FAILURE);
    assertThat(ResultReasons.forVersion(ResultReason.ENCODING_OPTION_ERROR, ProtocolVersion.V1_1))
        .isEqualTo(ResultReason.ENCODING_OPTION_ERROR);
  }

  @Test
  void reasonsThatCameWith2xReach2xClientsUnchanged() {
    assertThat(ResultReasons.forVersion(ResultReason.READ_ONLY_ATTRIBUTE, ProtocolVersion.V2_0))
        .isEqualTo(ResultReason.READ_ONLY_ATTRIBUTE);
    assertThat(ResultReasons.forVersion(ResultReason.INVALID_TICKET, ProtocolVersion.V2_1))
        .isEqualTo(ResultReason.INVALID_TICKET);
  }

  @Test
  void reasonsThat2xDroppedBecomeGeneralFailureFor2xClients() {
    assertThat(ResultReasons.forVersion(ResultReason.ILLEGAL_OPERATION, ProtocolVersion.V1_4))
        .isEqualTo(ResultReason.ILLEGAL_OPERATION);
    assertThat(ResultReasons.forVersion(ResultReason.ILLEGAL_OPERATION, ProtocolVersion.V2_0))
        .isEqualTo(ResultReason.GENERAL_FAILURE);
  }

  @Test
  void reasonsOfEveryVersionPassThrough() {
    for (ProtocolVersion v :
        new ProtocolVersion[] {
          ProtocolVersion.V1_0,
          ProtocolVersion.V1_4,
          ProtocolVersion.V2_1,
          new ProtocolVersion(3, 0)
        }) {
      assertThat(ResultReasons.forVersion(ResultReason.ITEM_NOT_FOUND, v))
          .isEqualTo(ResultReason.ITEM_NOT_FOUND);
      assertThat(ResultReasons.forVersion(ResultReason.GENERAL_FAILURE, v))
          .isEqualTo(ResultReason.GENERAL_FAILURE);
    }
  }

  @Test
  void generalFailureIsDefinedInEveryVersion() {
    assertThat(ResultReason.GENERAL_FAILURE.since()).isEqualTo(ProtocolVersion.V1_0);
    assertThat(ResultReason.GENERAL_FAILURE.until()).isNull();
  }
}
