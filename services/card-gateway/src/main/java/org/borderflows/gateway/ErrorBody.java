package org.borderflows.gateway;

import io.micronaut.serde.annotation.Serdeable;

/** The JSON body of every error answer: a stable machine-readable code and a message for people. */
@Serdeable
public record ErrorBody(String error, String message) {}
