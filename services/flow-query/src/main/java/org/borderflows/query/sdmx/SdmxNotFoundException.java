package org.borderflows.query.sdmx;

/** No structure or dataflow matches the request (HTTP 404, as SDMX REST answers); names the path parameter. */
public final class SdmxNotFoundException extends RuntimeException {
    private final String parameter;

    public SdmxNotFoundException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
