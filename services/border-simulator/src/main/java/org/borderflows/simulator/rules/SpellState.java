package org.borderflows.simulator.rules;

/** RULES.md §3: an open spell has no end yet; a broken one lost its end crossing and has no duration. */
public enum SpellState {
    OPEN,
    CLOSED,
    BROKEN
}
