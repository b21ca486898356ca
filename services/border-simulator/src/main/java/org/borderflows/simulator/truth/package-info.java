/**
 * The ground truth of a simulated world: {@link org.borderflows.simulator.truth.GroundTruth} (computes it), {@link
 * org.borderflows.simulator.truth.TravellerTruth} (per traveller, real and delivered), {@link
 * org.borderflows.simulator.truth.DatasetFacts} (expected table cells) and {@link
 * org.borderflows.simulator.truth.TruthWriter} (the truth directory).
 */
package org.borderflows.simulator.truth;
