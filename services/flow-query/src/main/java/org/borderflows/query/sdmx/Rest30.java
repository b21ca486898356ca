package org.borderflows.query.sdmx;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.borderflows.query.tables.BadQueryException;

/**
 * SDMX REST 3.0 data queries in the terms of 2.1 ({@link DataRequest}): the key's wildcard {@code *} is an empty
 * position and {@code ,} separates alternatives; a component filter {@code c[DIM]=A,B} (optionally {@code eq:}) sets
 * the key position of DIM, and {@code c[TIME_PERIOD]=ge:2025-01+le:2025-12} the period.
 *
 * @param flow {@code AGENCY,ID,VERSION} as {@link SdmxService#data} reads it
 */
public record Rest30(String flow, String key, String startPeriod, String endPeriod) {
    private static final Pattern FILTER = Pattern.compile("c\\[([A-Za-z][A-Za-z0-9_-]*)]");

    /**
     * @param parameters the query parameters (multi-valued ones joined by commas)
     */
    public static Rest30 of(
            Structures structures,
            String context,
            String agencyId,
            String id,
            String version,
            String key,
            Map<String, String> parameters) {
        if (!context.equals("dataflow") && !context.equals("*")) {
            throw new SdmxNotFoundException("context", "data context must be dataflow or *, got '" + context + "'");
        }
        Structure structure = structures.flow(id);
        if (structure == null) {
            throw new SdmxNotFoundException("resourceID", "unknown dataflow '" + id + "'");
        }
        int size = structure.dimensions().size();
        List<String> positions = new ArrayList<>();
        if (key == null || key.equals("*")) {
            for (int i = 0; i < size; i++) {
                positions.add("");
            }
        } else {
            for (String position : key.split("\\.", -1)) {
                positions.add(position.equals("*") ? "" : position.replace(',', '+'));
            }
        }
        String start = null;
        String end = null;
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            Matcher m = FILTER.matcher(p.getKey());
            if (!m.matches()) {
                continue;
            }
            String dimension = m.group(1);
            if (dimension.equals(Structure.TIME_PERIOD)) {
                for (String condition : p.getValue().split("[+ ]")) {
                    if (condition.startsWith("ge:")) {
                        start = condition.substring(3);
                    } else if (condition.startsWith("le:")) {
                        end = condition.substring(3);
                    } else {
                        String value = condition.startsWith("eq:") ? condition.substring(3) : condition;
                        start = value;
                        end = value;
                    }
                }
                continue;
            }
            int position = indexOf(structure, dimension);
            if (position < 0) {
                throw new BadQueryException(p.getKey(), "unknown dimension " + dimension + " of " + structure.dsdId());
            }
            if (positions.size() == size && !positions.get(position).isEmpty()) {
                throw new BadQueryException(
                        p.getKey(), dimension + " is selected both by the key and by " + p.getKey());
            }
            String values = p.getValue().startsWith("eq:") ? p.getValue().substring(3) : p.getValue();
            if (values.contains(":")) {
                throw new BadQueryException(
                        p.getKey(), p.getKey() + " supports values (A,B) and eq: only, got '" + p.getValue() + "'");
            }
            if (positions.size() == size) {
                positions.set(position, values.replace(',', '+'));
            }
        }
        String flow = agencyId + "," + id + "," + (version == null ? "*" : version);
        return new Rest30(flow, String.join(".", positions), start, end);
    }

    private static int indexOf(Structure structure, String dimension) {
        for (int i = 0; i < structure.dimensions().size(); i++) {
            if (structure.dimensions().get(i).id().equals(dimension)) {
                return i;
            }
        }
        return -1;
    }
}
