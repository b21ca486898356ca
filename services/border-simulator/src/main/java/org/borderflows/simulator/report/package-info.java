/**
 * The comparisons of the accuracy report: {@link org.borderflows.simulator.report.TravellerComparison} (the engine's
 * spells and outcomes, traveller by traveller) and {@link org.borderflows.simulator.report.DatasetComparison} (the
 * query service's datasets).
 */
package org.borderflows.simulator.report;
