package io.arca.kmip.payload;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import org.junit.jupiter.api.Test;

class LocateRequestTest {
  @Test
  void aKmip2RequestWithoutAttributesMeansNoCriteria() {
    TtlvStructure payload =
        TtlvStructure.of(Tag.REQUEST_PAYLOAD.code(), new TtlvInteger(Tag.MAXIMUM_ITEMS.code(), 5));

    Locate.Request request = Locate.Request.decode(payload, ProtocolVersion.V2_0);

    assertThat(request.attributes().isEmpty()).isTrue();
    assertThat(request.maximumItems()).isEqualTo(5);
  }
}
