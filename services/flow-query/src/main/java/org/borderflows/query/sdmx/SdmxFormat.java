package org.borderflows.query.sdmx;

import java.util.Locale;
import org.borderflows.query.tables.BadQueryException;

/**
 * The message formats served, chosen by the {@code format} parameter or else the {@code Accept} header (SDMX media
 * types). Without either, or for {@code application/xml} and wildcards, SDMX-ML 2.1, as SDMX REST 2.1 expects.
 */
public enum SdmxFormat {
    DATA_ML_2_1("application/vnd.sdmx.structurespecificdata+xml;version=2.1", "structurespecificdata", "xml"),
    DATA_ML_3_0("application/vnd.sdmx.structurespecificdata+xml;version=3.0.0", "structurespecificdata-3.0", "xml"),
    DATA_JSON("application/vnd.sdmx.data+json;version=2.0.0", "jsondata", "json"),
    DATA_CSV("application/vnd.sdmx.data+csv;version=2.0.0", "csvdata", "csv"),
    STRUCTURE_ML_2_1("application/vnd.sdmx.structure+xml;version=2.1", "structure", "xml"),
    STRUCTURE_ML_3_0("application/vnd.sdmx.structure+xml;version=3.0.0", "structure-3.0", "xml"),
    STRUCTURE_JSON("application/vnd.sdmx.structure+json;version=2.0.0", "structure-json", "json");

    private final String mediaType;
    private final String parameter;
    private final String extension;

    SdmxFormat(String mediaType, String parameter, String extension) {
        this.mediaType = mediaType;
        this.parameter = parameter;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** The format of a data answer; a generic XML or wildcard Accept gets SDMX-ML 2.1. */
    public static SdmxFormat data(String format, String accept) {
        return data(format, accept, MlVersion.V2_1);
    }

    /** The format of a data answer; a generic XML or wildcard Accept gets SDMX-ML of the given version. */
    public static SdmxFormat data(String format, String accept, MlVersion generic) {
        if (format != null && !format.isBlank()) {
            return switch (format.toLowerCase(Locale.ROOT)) {
                case "structurespecificdata", "structurespecificdata-2.1" -> DATA_ML_2_1;
                case "structurespecificdata-3.0" -> DATA_ML_3_0;
                case "jsondata", "json" -> DATA_JSON;
                case "csvdata", "csv" -> DATA_CSV;
                default ->
                    throw new BadQueryException(
                            "format",
                            "format must be structurespecificdata (SDMX-ML 2.1), structurespecificdata-3.0, jsondata or"
                                    + " csvdata, got '" + format + "'");
            };
        }
        for (String range : ranges(accept)) {
            if (range.startsWith("application/vnd.sdmx.structurespecificdata+xml")) {
                return range.contains("version=3") ? DATA_ML_3_0 : DATA_ML_2_1;
            }
            if (range.startsWith("application/vnd.sdmx.data+json") || range.startsWith("application/json")) {
                return DATA_JSON;
            }
            if (range.startsWith("application/vnd.sdmx.data+csv") || range.startsWith("text/csv")) {
                return DATA_CSV;
            }
            if (isXmlOrAny(range)) {
                return generic == MlVersion.V3_0 ? DATA_ML_3_0 : DATA_ML_2_1;
            }
        }
        throw new NotAcceptableException(accept, DATA_ML_2_1, DATA_ML_3_0, DATA_JSON, DATA_CSV);
    }

    /** The format of a structure answer; a generic XML or wildcard Accept gets SDMX-ML 2.1. */
    public static SdmxFormat structure(String format, String accept) {
        return structure(format, accept, MlVersion.V2_1);
    }

    /** The format of a structure answer; a generic XML or wildcard Accept gets SDMX-ML of the given version. */
    public static SdmxFormat structure(String format, String accept, MlVersion generic) {
        if (format != null && !format.isBlank()) {
            return switch (format.toLowerCase(Locale.ROOT)) {
                case "structure", "structure-2.1" -> STRUCTURE_ML_2_1;
                case "structure-3.0" -> STRUCTURE_ML_3_0;
                case "structure-json" -> STRUCTURE_JSON;
                default ->
                    throw new BadQueryException(
                            "format",
                            "format must be structure (SDMX-ML 2.1), structure-3.0 or structure-json (SDMX-JSON 2.0), got '"
                                    + format + "'");
            };
        }
        for (String range : ranges(accept)) {
            if (range.startsWith("application/vnd.sdmx.structure+xml")) {
                return range.contains("version=3") ? STRUCTURE_ML_3_0 : STRUCTURE_ML_2_1;
            }
            if (range.startsWith("application/vnd.sdmx.structure+json") || range.startsWith("application/json")) {
                return STRUCTURE_JSON;
            }
            if (isXmlOrAny(range)) {
                return generic == MlVersion.V3_0 ? STRUCTURE_ML_3_0 : STRUCTURE_ML_2_1;
            }
        }
        throw new NotAcceptableException(accept, STRUCTURE_ML_2_1, STRUCTURE_ML_3_0, STRUCTURE_JSON);
    }

    private static boolean isXmlOrAny(String range) {
        return range.startsWith("application/xml")
                || range.startsWith("text/xml")
                || range.startsWith("*/*")
                || range.startsWith("application/*");
    }

    private static String[] ranges(String accept) {
        if (accept == null || accept.isBlank()) {
            return new String[] {"*/*"};
        }
        return accept.toLowerCase(Locale.ROOT).replace(" ", "").split(",");
    }

    /** No format the client accepts (HTTP 406); the message lists the media types served. */
    public static final class NotAcceptableException extends RuntimeException {
        NotAcceptableException(String accept, SdmxFormat... served) {
            super("Accept '" + accept + "' matches no format served here; use one of "
                    + String.join(
                            ", ",
                            java.util.Arrays.stream(served)
                                    .map(SdmxFormat::mediaType)
                                    .toList())
                    + " or the format parameter");
        }
    }
}
