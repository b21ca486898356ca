package org.borderflows.query;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import java.util.List;

/** A user of the API (prefix {@code flow-query.users.<name>}): password and roles (agency, statistician). */
@EachProperty("flow-query.users")
public record UserConfig(@Parameter String name, String password, List<String> roles) {}
