package org.borderflows.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.borderflows.query.tables.Datasets;
import org.borderflows.query.tables.Reading;
import org.borderflows.simulator.truth.DatasetFacts;
import org.junit.jupiter.api.Test;

/**
 * A dataset is defined once, in the query service's catalogue ({@link Datasets}); the parts that name datasets
 * from outside it follow: the simulator's independent truth states every dataset it can (all but the revisions
 * table, which compares the service's own estimates), and every panel of the dashboard reads a catalogued dataset.
 * Adding a dataset to the catalogue without its truth, or a panel naming no dataset, fails here.
 */
class DatasetCoverageTest {
    @Test
    void theSimulatorsTruthStatesEveryDatasetButTheRevisions() {
        List<String> catalogued = Datasets.all().stream()
                .filter(d -> d.reading() != Reading.REVISIONS)
                .map(Datasets.Dataset::name)
                .toList();

        assertThat(DatasetFacts.DATASETS).containsExactlyInAnyOrderElementsOf(catalogued);
    }

    @Test
    void everyDashboardPanelReadsACataloguedDataset() throws IOException {
        String script;
        try (InputStream in = Datasets.class.getResourceAsStream("/public/dashboard.js")) {
            assertThat(in).as("the dashboard script on flow-query's classpath").isNotNull();
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> panels = new ArrayList<>();
        Matcher m = Pattern.compile("dataset: '([^']+)'").matcher(script);
        while (m.find()) {
            panels.add(m.group(1));
        }

        assertThat(panels).hasSizeGreaterThan(5);
        assertThat(panels)
                .allSatisfy(name -> assertThat(Datasets.get(name)).as(name).isNotNull());
    }
}
