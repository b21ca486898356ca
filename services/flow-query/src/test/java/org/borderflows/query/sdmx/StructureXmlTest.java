package org.borderflows.query.sdmx;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StructureXmlTest {
    private final Structures structures = new Structures("BORDER_FLOWS", dim -> switch (dim) {
        case "citizenship" -> Set.of("TJK", "UZB");
        case "borderPost" -> Set.of("KZ-ALA-AIR");
        default -> Set.of();
    });

    @Test
    void everyStructureOfTheCatalogueValidatesAsSdmxMl30() throws Exception {
        String message = StructureXml.message(
                MlVersion.V3_0,
                "BORDER_FLOWS",
                Instant.parse("2026-03-15T10:00:00Z"),
                structures.all(),
                true,
                structures.codelists(),
                structures.concepts());
        SdmxSchemas.validateMl30(message, null);
        assertThat(message)
                .contains("id=\"DSD_MIGRATION_12_16\"")
                .contains("<str:Code id=\"85_PLUS\"><com:Name xml:lang=\"en\">85+</com:Name>")
                .contains("<str:Code id=\"UZB\">");
    }
}
