/**
 * The rules of border-flows as plain, deterministic Java (spells, duration classes, the 12/16-month rule, 90/180
 * authorised stay, values at a clock and pruning; docs/rules.md §3-§5, §7, §8). Entry points: {@link
 * org.borderflows.domain.TravellerTimeline#evaluate} and {@link org.borderflows.domain.TravellerTimeline#prune} over a
 * traveller's {@link org.borderflows.domain.CrossingFact}s, with thresholds in {@link
 * org.borderflows.domain.RuleSettings}; {@link org.borderflows.domain.AtClock} for readers deriving a published
 * value's clock-dependent fields at their own clock; {@link org.borderflows.domain.AgeGroup} for the tables.
 */
package org.borderflows.domain;
