package org.borderflows.query.sdmx;

/** The SDMX-ML versions written: 2.1 (what most clients read) and 3.0 (the current standard). */
public enum MlVersion {
    V2_1("v2_1"),
    V3_0("v3_0");

    private final String path;

    MlVersion(String path) {
        this.path = path;
    }

    /** The namespace of an SDMX-ML schema module, e.g. {@code message} or {@code data/structurespecific}. */
    public String namespace(String module) {
        return "http://www.sdmx.org/resources/sdmxml/schemas/" + path + "/" + module;
    }
}
