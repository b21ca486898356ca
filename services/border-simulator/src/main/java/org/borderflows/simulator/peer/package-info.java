/**
 * The DuckDB batch peer, a third reading of the rules in SQL ({@code peer/peer.sql}): {@link
 * org.borderflows.simulator.peer.DuckDbPeer} (main), {@link org.borderflows.simulator.peer.EngineTopics} (the engine's
 * outputs as CSV), {@link org.borderflows.simulator.peer.PeerComparison} and {@link
 * org.borderflows.simulator.peer.EnginePublisher} (publishes the file and times the engine).
 */
package org.borderflows.simulator.peer;
