package org.borderflows.query.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The OpenAPI description of a table answer ({@link org.borderflows.query.tables.Table#toJson}, which writes it by
 * hand for exact key order and number format): what every field holds. Documentation only; {@code
 * OpenApiParametersTest} checks that real answers have these fields.
 */
@Schema(name = "Table", description = "A table answer (the module README's response shape)")
record TableDocument(
        @Schema(description = "dataset name") String dataset,
        @Schema(description = "the processing clock (RULES.md §8), YYYY-MM-DD", nullable = true, format = "date")
                String asOf,
        @Schema(name = "protected", description = "true when the figures went through §10 protection")
                boolean isProtected,
        @Schema(description = "first month of the effective period, YYYY-MM", nullable = true) String from,
        @Schema(description = "last month of the effective period, YYYY-MM", nullable = true) String to,
        @Schema(description = "the dimensions the rows are grouped by, in the order asked") List<String> by,
        @Schema(description = "one row per group, sorted by the by values") List<Row> rows) {

    /** A row: the grouped dimensions' values (strings) and labels, the dataset's measures and the status. */
    @Schema(
            name = "TableRow",
            description = "The by dimensions' values (strings; with labels=both each followed by <dimension>Label,"
                    + " its name), the dataset's measures (null when suppressed) and the status",
            additionalProperties = Schema.AdditionalPropertiesValue.TRUE)
    record Row(
            @Schema(description = "the period: 2025-03, 2025-Q1 or 2025 by frequency (when month is in by)")
                    String month,
            @Schema(description = "count of records (every dataset but the 12/16 ones)", nullable = true) Long count,
            @Schema(description = "12/16: final outcomes that are long-term migrations", nullable = true)
                    Long finalCount,
            @Schema(description = "12/16: estimate of the final count (RULES.md §6)", nullable = true) Double estimate,
            @Schema(description = "12/16: lower bound of the 95% interval", nullable = true) Double lower,
            @Schema(description = "12/16: upper bound of the 95% interval", nullable = true) Double upper,
            @Schema(description = "revisions: finalCount - estimate", nullable = true) Double revision,
            @Schema(
                            description = "status of the row's main figure (RULES.md §9)",
                            allowableValues = {"final", "provisional", "estimate", "suppressed"})
                    String status) {}

    /** A refused question (400). */
    @Schema(name = "BadQuery", description = "Why a question was refused and which parameter")
    record BadQuery(
            @Schema(description = "the reason, with the accepted values") String error,
            @Schema(description = "the offending query parameter (or dataset, key...)") String parameter) {}
}
