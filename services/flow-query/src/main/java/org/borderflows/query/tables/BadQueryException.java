package org.borderflows.query.tables;

/** A query the service cannot answer as asked; the message names the parameter and the reason (HTTP 400). */
public final class BadQueryException extends RuntimeException {
    private final String parameter;

    public BadQueryException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
