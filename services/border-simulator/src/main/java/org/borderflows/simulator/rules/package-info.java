/**
 * The ground truth's own reading of the rules, written from the specification and sharing no code with the domain
 * module or the engine: {@link org.borderflows.simulator.rules.TravellerRules} (one traveller's spells, classes,
 * authorised stay and quality figures), {@link org.borderflows.simulator.rules.TwelveSixteenRule} and {@link
 * org.borderflows.simulator.rules.AuthorisedStay}.
 */
package org.borderflows.simulator.rules;
