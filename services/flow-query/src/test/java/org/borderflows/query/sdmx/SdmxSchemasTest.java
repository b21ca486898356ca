package org.borderflows.query.sdmx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.xml.sax.SAXParseException;

/** The validators are not vacuous: an invalid message fails against the official schemas. */
class SdmxSchemasTest {
    @Test
    void anSdmxJsonMessageWithoutSenderIsInvalid() throws Exception {
        String message = "{\"meta\":{\"id\":\"X1\",\"prepared\":\"2026-03-15T10:00:00Z\"},\"data\":{\"dataSets\":[]}}";
        assertThat(SdmxSchemas.validateJson(message, "sdmx-json-data-schema.json"))
                .anyMatch(error -> error.getMessage().contains("sender"));
    }

    @Test
    void anSdmxMlStructureMessageWithAnUnknownElementIsInvalid() {
        String message = "<mes:Structure xmlns:mes=\"http://www.sdmx.org/resources/sdmxml/schemas/v3_0/message\">"
                + "<mes:Header><mes:ID>X1</mes:ID><mes:Test>false</mes:Test>"
                + "<mes:Prepared>2026-03-15T10:00:00Z</mes:Prepared><mes:Sender id=\"A\"/></mes:Header>"
                + "<mes:Colours/></mes:Structure>";
        assertThatThrownBy(() -> SdmxSchemas.validateMl30(message, null))
                .isInstanceOf(SAXParseException.class)
                .hasMessageContaining("Colours");
    }
}
