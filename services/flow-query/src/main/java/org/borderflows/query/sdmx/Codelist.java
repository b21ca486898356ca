package org.borderflows.query.sdmx;

import java.util.List;

/**
 * An SDMX codelist: its id, name and codes. A code's {@code value} is the value the query API and the cube use
 * (e.g. {@code 85+}); its {@code id} is that value made a valid SDMX id (see {@link Codes#id}).
 */
public record Codelist(String id, String name, List<Code> codes) {
    public record Code(String id, String name, String value) {}

    /** The value of a code id, or null when the codelist has no such code. */
    public String value(String codeId) {
        for (Code code : codes) {
            if (code.id().equals(codeId)) {
                return code.value();
            }
        }
        return null;
    }
}
