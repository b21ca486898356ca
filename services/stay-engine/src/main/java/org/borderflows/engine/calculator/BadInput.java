package org.borderflows.engine.calculator;

/** A request field the calculator cannot use: answered 400 with the field and the reason ({@link BadInputHandler}). */
public class BadInput extends RuntimeException {
    private final String field;
    private final String reason;

    public BadInput(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
