/**
 * The one basic-auth provider of the services with API users: {@link
 * org.borderflows.platform.security.ServiceUser} ({@code border-flows.security.users.<name>}) and {@link
 * org.borderflows.platform.security.ConfiguredUsers}. Micronaut Security, which the services bring.
 */
package org.borderflows.platform.security;
