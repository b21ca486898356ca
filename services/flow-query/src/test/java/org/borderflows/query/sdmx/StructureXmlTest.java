package org.borderflows.query.sdmx;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.borderflows.query.tables.Datasets;
import org.borderflows.query.tables.Frequency;
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
                .contains("<str:Code id=\"85_PLUS\"><com:Name xml:lang=\"en\">85 years and over</com:Name>")
                .contains("<str:Code id=\"UZB\"><com:Name xml:lang=\"en\">Uzbekistan</com:Name>")
                .contains("<str:Dimension id=\"FREQ\" position=\"1\">")
                .contains("<str:Code id=\"UZB\">");
    }

    @Test
    void everyDsdHasTheCataloguesDimensionsValuesAndMeasures() {
        assertThat(structures.all()).hasSameSizeAs(Datasets.all());
        for (Datasets.Dataset dataset : Datasets.all()) {
            Structure s = structures.flow(Codes.upperSnake(dataset.name()));
            List<String> nonTime = dataset.dimensions().stream()
                    .map(Datasets.Dimension::name)
                    .filter(name -> !name.equals("month"))
                    .toList();
            boolean flow = Frequency.YEAR_ENDED.refusal(dataset) == null;
            assertThat(s.dimensions().stream().map(Structure.Component::id).toList())
                    .as("FREQ first, then TRANSFORMATION for the flows (year-ended totals)")
                    .startsWith(
                            flow
                                    ? new String[] {Structure.FREQ, Structure.TRANSFORMATION}
                                    : new String[] {Structure.FREQ})
                    .doesNotContain(flow ? "" : Structure.TRANSFORMATION);
            List<Structure.Component> datasetDimensions = s.dimensions().stream()
                    .filter(d -> !Structure.isTimeGrain(d))
                    .toList();
            assertThat(datasetDimensions.stream()
                            .map(Structure.Component::source)
                            .toList())
                    .isEqualTo(nonTime);
            for (Structure.Component dim : datasetDimensions) {
                Datasets.Dimension source = dataset.dimension(dim.source());
                List<String> values = dim.codelist().codes().stream()
                        .map(Codelist.Code::value)
                        .filter(v -> !v.equals(Codes.TOTAL) && !v.equals(Codes.NET))
                        .toList();
                if (source.values() != null) {
                    assertThat(values).containsExactlyInAnyOrderElementsOf(source.values());
                } else {
                    assertThat(values).allMatch(source::accepts);
                }
            }
            List<String> measures = new java.util.ArrayList<>();
            measures.add(s.measure().source());
            s.attributes().stream()
                    .map(Structure.Component::source)
                    .filter(java.util.Objects::nonNull)
                    .forEach(measures::add);
            assertThat(measures)
                    .containsExactlyInAnyOrderElementsOf(dataset.measures().stream()
                            .map(Datasets.Measure::name)
                            .toList());
        }
        assertThat(structures.flow("MIGRATION_12_16").measure().source()).isEqualTo("estimate");
        assertThat(structures.codelist("CL_CITIZENSHIP").codes())
                .extracting(Codelist.Code::id)
                .containsExactly("TJK", "UZB", Codes.TOTAL);
    }
}
