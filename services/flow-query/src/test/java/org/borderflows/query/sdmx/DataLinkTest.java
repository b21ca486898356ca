package org.borderflows.query.sdmx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.borderflows.query.tables.Query;
import org.junit.jupiter.api.Test;

/**
 * The SDMX data query asking a query API question (the Link of a table answer, the dashboard's SDMX downloads):
 * worked keys, and the way back ({@link DataRequest#tableParameters}) gives the same frequency, period, filters and
 * groups.
 */
class DataLinkTest {
    private final Structures structures = new Structures("BORDER_FLOWS", dimension -> Set.of());

    private String path(String dataset, String query) {
        return DataLink.path(structures.flow(Codes.upperSnake(dataset)), Query.parse(dataset, parameters(query)));
    }

    private static Map<String, String> parameters(String query) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String p : query.split("&")) {
            String[] kv = p.split("=", 2);
            out.put(kv[0], kv[1]);
        }
        return out;
    }

    @Test
    void keysOfWorkedQuestions() {
        // crossings: FREQ, TRANSFORMATION, BORDER_POST, DIRECTION, RESIDENCE_STATUS, CITIZENSHIP, SEX, AGE_GROUP,
        // PURPOSE; grouped -> every code (empty), filtered -> its codes, else the total _T.
        assertThat(path("crossings", "by=month,direction"))
                .isEqualTo("data/BORDER_FLOWS,CROSSINGS,1.0/M.N._T.._T._T._T._T._T");
        assertThat(path("crossings", "by=month,direction&citizenship=UZB&from=2025-01&to=2025-12"))
                .isEqualTo("data/BORDER_FLOWS,CROSSINGS,1.0/M.N._T.._T.UZB._T._T._T"
                        + "?startPeriod=2025-01&endPeriod=2025-12");
        assertThat(path("crossings", "by=citizenship&direction=ENTRY&frequency=quarter"))
                .isEqualTo("data/BORDER_FLOWS,CROSSINGS,1.0/Q.N._T.ENTRY._T.._T._T._T");
        // year-ended 12/16 by direction: the net rows too, asked for by name when both directions are filtered
        assertThat(path("migration-12-16", "by=month,direction&frequency=year-ended"))
                .isEqualTo("data/BORDER_FLOWS,MIGRATION_12_16,1.0/M.YE._T.._T._T._T._T._T");
        assertThat(path("migration-12-16", "by=month,direction&direction=ENTRY,EXIT&frequency=year-ended"))
                .isEqualTo("data/BORDER_FLOWS,MIGRATION_12_16,1.0/M.YE._T.ENTRY+EXIT+NET._T._T._T._T._T");
        assertThat(path("migration-12-16", "by=month,direction&direction=ENTRY,EXIT"))
                .isEqualTo("data/BORDER_FLOWS,MIGRATION_12_16,1.0/M.N._T.ENTRY+EXIT._T._T._T._T._T");
        // a stock has no TRANSFORMATION; 85+ is the code 85_PLUS
        assertThat(path("stock", "by=month&ageGroup=85+&frequency=year&from=2024"))
                .isEqualTo("data/BORDER_FLOWS,STOCK,1.0/A._T._T._T.85_PLUS._T._T?startPeriod=2024-01");
        // quality: FREQ, ISSUE, REASON, BORDER_POST (not a flow: no TRANSFORMATION)
        assertThat(path("quality", "by=issue&borderPost=KZ-ALA-AIR"))
                .isEqualTo("data/BORDER_FLOWS,QUALITY,1.0/M.._T.KZ-ALA-AIR");
    }

    @Test
    void theSdmxQueryAsksTheSameQuestionBack() {
        for (String[] q : new String[][] {
            {"crossings", "by=month,direction&citizenship=UZB&from=2025-01&to=2025-12"},
            {"migration-12-16", "by=month,direction&frequency=year-ended&from=2025-01"},
            {"stock", "by=month,citizenship&frequency=quarter"},
            {"overstays", "by=month,type&borderPost=KZ-ALA-AIR"},
            {"spells", "by=month,durationClass&kind=STAY&ageGroup=85+"}
        }) {
            Query asked = Query.parse(q[0], parameters(q[1]));
            Structure structure = structures.flow(Codes.upperSnake(q[0]));
            String path = DataLink.path(structure, asked);
            String key = path.substring(path.lastIndexOf('/') + 1).split("\\?")[0];
            DataRequest request = DataRequest.parse(
                    structure,
                    key,
                    asked.from() == null ? null : asked.from().toString(),
                    asked.to() == null ? null : asked.to().toString(),
                    null);
            assertThat(request.grains()).hasSize(1);
            Query back = Query.parse(
                    q[0], request.tableParameters(request.grains().get(0).frequency()));
            assertThat(back.frequency()).as(path).isEqualTo(asked.frequency());
            assertThat(back.from()).as(path).isEqualTo(asked.from());
            assertThat(back.to()).as(path).isEqualTo(asked.to());
            assertThat(back.filters()).as(path).isEqualTo(asked.filters());
            // grouped by the same dimensions, plus each filtered one (one value: the same figures)
            assertThat(back.by()).as(path).containsAll(asked.by());
            assertThat(back.by())
                    .as(path)
                    .isSubsetOf(concat(asked.by(), asked.filters().keySet()));
        }
    }

    private static java.util.List<String> concat(java.util.List<String> a, Set<String> b) {
        java.util.List<String> out = new java.util.ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
