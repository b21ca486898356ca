package org.borderflows.query.api;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The query parameters of {@code GET /api/v1/datasets/{name}} with their value sets, for the OpenAPI document
 * ({@code OpenApiParametersTest} checks them against the catalogue and sends each). The controller reads
 * {@link #format}; every parameter, these included, is validated by {@link org.borderflows.query.tables.Query#parse}
 * from the request as sent, so that an unknown one is refused rather than ignored. A dimension filter takes one value
 * or several separated by commas and applies to the datasets having that dimension ({@code GET /api/v1/datasets}).
 */
@Introspected
record DatasetQuery(
        @QueryValue
                @Nullable
                @Parameter(
                        description = "first month YYYY-MM (or quarter YYYY-Qn, year YYYY); default: the first with"
                                + " data",
                        schema = @Schema(pattern = "\\d{4}(-\\d{2}|-Q[1-4])?"))
                String from,
        @QueryValue
                @Nullable
                @Parameter(
                        description = "last month YYYY-MM (or quarter YYYY-Qn, year YYYY); default: the clock's",
                        schema = @Schema(pattern = "\\d{4}(-\\d{2}|-Q[1-4])?"))
                String to,
        @QueryValue
                @Nullable
                @Parameter(
                        description = "dimensions to group by, separated by commas (the dataset's, see"
                                + " /api/v1/datasets); none: one total row",
                        schema =
                                @Schema(
                                        allowableValues = {
                                            "month",
                                            "borderPost",
                                            "direction",
                                            "residenceStatus",
                                            "citizenship",
                                            "sex",
                                            "ageGroup",
                                            "purpose",
                                            "durationClass",
                                            "labour",
                                            "kind",
                                            "final",
                                            "flow",
                                            "type",
                                            "issue",
                                            "reason",
                                            "stage",
                                            "vintage"
                                        }))
                String by,
        @QueryValue
                @Nullable
                @Parameter(
                        description = "time grain of the rows (RULES.md §9); year-ended: the flows, with month in by",
                        schema = @Schema(allowableValues = {"month", "quarter", "year", "year-ended"}))
                String frequency,
        @QueryValue
                @Nullable
                @Parameter(
                        description = "id: codes only; both: each dimension value followed by its name",
                        schema = @Schema(allowableValues = {"id", "both"}))
                String labels,
        @QueryValue
                @Nullable
                @Parameter(
                        description = "json (default) or csv; or Accept: text/csv",
                        schema = @Schema(allowableValues = {"json", "csv"}))
                String format,
        @QueryValue
                @Nullable
                @Parameter(
                        description = "filter: calendar month YYYY-MM of the dataset's reference date",
                        schema = @Schema(pattern = "\\d{4}-\\d{2}"))
                String month,
        @QueryValue
                @Nullable
                @Parameter(
                        description = "filter: border post code, e.g. KZ-ALA-AIR",
                        schema = @Schema(pattern = "[A-Za-z0-9_-]{1,40}"))
                String borderPost,
        @QueryValue
                @Nullable
                @Parameter(
                        description = "filter: ENTRY (arrival) or EXIT (departure)",
                        schema = @Schema(allowableValues = {"ENTRY", "EXIT"}))
                String direction,
        @QueryValue
                @Nullable
                @Parameter(
                        description = "filter: residence status before the crossing",
                        schema = @Schema(allowableValues = {"RESIDENT", "NON_RESIDENT"}))
                String residenceStatus,
        @QueryValue
                @Nullable
                @Parameter(
                        description = "filter: ISO 3166-1 alpha-3 citizenship",
                        schema = @Schema(pattern = "[A-Z]{3}"))
                String citizenship,
        @QueryValue
                @Nullable
                @Parameter(description = "filter: M, F or X", schema = @Schema(allowableValues = {"M", "F", "X"}))
                String sex,
        @QueryValue
                @Nullable
                @Parameter(
                        description = "filter: age group at the crossing",
                        schema =
                                @Schema(
                                        allowableValues = {
                                            "0-4", "5-9", "10-14", "15-19", "20-24", "25-29", "30-34", "35-39", "40-44",
                                            "45-49", "50-54", "55-59", "60-64", "65-69", "70-74", "75-79", "80-84",
                                            "85+", "UNKNOWN"
                                        }))
                String ageGroup,
        @QueryValue
                @Nullable
                @Parameter(
                        description = "filter: declared purpose on the (starting) card",
                        schema =
                                @Schema(
                                        allowableValues = {
                                            "OFFICIAL",
                                            "TOURISM",
                                            "BUSINESS",
                                            "STUDY",
                                            "WORK",
                                            "PRIVATE",
                                            "TRANSIT",
                                            "OTHER"
                                        }))
                String purpose,
        @QueryValue
                @Nullable
                @Parameter(
                        description =
                                "filter: duration class (RULES.md §4; BORDER_WORKER: spells of frontier workers, docs/rules.md §4a)",
                        schema =
                                @Schema(
                                        allowableValues = {
                                            "PENDING",
                                            "VISIT",
                                            "SHORT_TERM",
                                            "LONG_TERM",
                                            "BORDER_WORKER"
                                        }))
                String durationClass,
        @QueryValue
                @Nullable
                @Parameter(
                        description = "filter: labour migrant / emigrant flag",
                        schema = @Schema(allowableValues = {"true", "false"}))
                String labour,
        @QueryValue
                @Nullable
                @Parameter(
                        description = "filter: STAY or ABSENCE",
                        schema = @Schema(allowableValues = {"STAY", "ABSENCE"}))
                String kind,
        @QueryValue("final")
                @Nullable
                @Parameter(
                        name = "final",
                        description = "filter: whether the duration class can no longer change",
                        schema = @Schema(allowableValues = {"true", "false"}))
                String classFinal,
        @QueryValue
                @Nullable
                @Parameter(
                        description = "filter: labour flow",
                        schema = @Schema(allowableValues = {"IN", "OUT", "RETURN", "DEPARTURE"}))
                String flow,
        @QueryValue
                @Nullable
                @Parameter(
                        description = "filter: overstay type",
                        schema = @Schema(allowableValues = {"AT_EXIT", "IN_COUNTRY"}))
                String type,
        @QueryValue
                @Nullable
                @Parameter(
                        description = "filter: data quality issue",
                        schema =
                                @Schema(
                                        allowableValues = {
                                            "RECEIVED",
                                            "REJECTED",
                                            "DUPLICATE",
                                            "ORPHAN_EXIT",
                                            "BROKEN_SPELL",
                                            "LATE",
                                            "REVISED_AFTER_FINAL"
                                        }))
                String issue,
        @QueryValue
                @Nullable
                @Parameter(
                        description = "filter: rejection reason code, NONE for other issues",
                        schema = @Schema(pattern = "[A-Z_]{1,40}"))
                String reason,
        @QueryValue
                @Nullable
                @Parameter(
                        description = "filter: revisions: months after the crossing month (0-16)",
                        schema = @Schema(pattern = "\\d{1,2}"))
                String stage,
        @QueryValue
                @Nullable
                @Parameter(
                        description = "filter: revisions: PUBLISHED (the estimate kept as published at that month's"
                                + " end) or BACK_CAST (none kept: estimated now as at that month's end)",
                        schema = @Schema(allowableValues = {"PUBLISHED", "BACK_CAST"}))
                String vintage) {}
