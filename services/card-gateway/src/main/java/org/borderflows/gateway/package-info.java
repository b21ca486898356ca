/**
 * card-gateway, the Micronaut service through which border posts submit cards: {@link
 * org.borderflows.gateway.Application} (main), {@link org.borderflows.gateway.CrossingsController} ({@code POST
 * /api/v1/crossings}), the API keys ({@link org.borderflows.gateway.ApiKeys}) and the wiring of the intake from
 * configuration ({@link org.borderflows.gateway.IntakeFactory}).
 */
package org.borderflows.gateway;
