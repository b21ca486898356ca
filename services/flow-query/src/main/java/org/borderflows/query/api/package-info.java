/**
 * The HTTP API: {@link org.borderflows.query.api.DatasetController} ({@code /api/v1/datasets}), {@link
 * org.borderflows.query.api.OverstayerController} (agency only), {@link org.borderflows.query.api.QueryService} (the
 * answer cache with its staleness bound) and the roles ({@link org.borderflows.query.api.Roles}).
 */
package org.borderflows.query.api;
