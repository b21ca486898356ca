package org.borderflows.simulator.peer;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Compares the peer's tables (peer_spells, peer_outcomes) with another side loaded as e_spells / e_outcomes
 * (the engine's topics or the simulator's ground truth), spell by start event, outcome by event id.
 */
public final class PeerComparison {
    /** Disagreements found; zero means the two sides agree on every spell and every final outcome. */
    public record Result(
            long spells, long spellDiffs, long finalOutcomes, long finalOutcomeDiffs, long provisionalDiffs) {
        public boolean agree() {
            return spellDiffs == 0 && finalOutcomeDiffs == 0;
        }
    }

    private static final String SPELL_DIFF =
            """
            FROM peer_spells p FULL OUTER JOIN e_spells e ON p.start_event_id = e.start_event_id
            WHERE p.start_event_id IS NULL OR e.start_event_id IS NULL
               OR p.kind <> e.kind OR p.state <> e.state
               OR p.end_event_id IS DISTINCT FROM e.end_event_id
               OR (p.state = 'CLOSED' AND p.duration_days IS DISTINCT FROM e.duration_days)
               OR (p.state <> 'BROKEN' AND p.duration_class <> e.duration_class)
               OR (p.state <> 'BROKEN' AND p.class_final <> e.class_final)
               OR p.labour <> e.labour
            """;
    private static final String OUTCOME_DIFF =
            """
            FROM peer_outcomes p FULL OUTER JOIN e_outcomes e ON p.event_id = e.event_id
            WHERE (p.event_id IS NULL OR e.event_id IS NULL
                   OR p.resident_before <> e.resident_before OR p.resident_after <> e.resident_after
                   OR p.long_term_migration <> e.long_term_migration OR p.final_date <> e.final_date)
            """;
    /** RULES.md §5: final once the clock is past the final date. */
    private static final String FINAL = " AND coalesce(p.final_date, e.final_date) < (SELECT clock FROM clock)";

    private static final String PROVISIONAL = " AND coalesce(p.final_date, e.final_date) >= (SELECT clock FROM clock)";

    private PeerComparison() {}

    public static Result compare(Connection c, String otherName, PrintStream out) throws SQLException {
        long peerSpells = count(c, "SELECT count(*) FROM peer_spells");
        long otherSpells = count(c, "SELECT count(*) FROM e_spells");
        long spellDiffs = count(c, "SELECT count(*) " + SPELL_DIFF);
        out.printf(
                "spells:   peer %,d, %s %,d, differing %,d (only peer %,d, only %s %,d)%n",
                peerSpells,
                otherName,
                otherSpells,
                spellDiffs,
                count(
                        c,
                        "SELECT count(*) FROM peer_spells WHERE start_event_id NOT IN (SELECT start_event_id FROM e_spells)"),
                otherName,
                count(
                        c,
                        "SELECT count(*) FROM e_spells WHERE start_event_id NOT IN (SELECT start_event_id FROM peer_spells)"));
        examples(
                c,
                "SELECT p.start_event_id, p.kind, p.state, p.end_event_id, p.duration_days, p.duration_class, "
                        + "e.start_event_id, e.kind, e.state, e.end_event_id, e.duration_days, e.duration_class "
                        + SPELL_DIFF
                        + " LIMIT 5",
                6,
                out);
        long finals = count(c, "SELECT count(*) FROM peer_outcomes WHERE final_date < (SELECT clock FROM clock)");
        long finalDiffs = count(c, "SELECT count(*) " + OUTCOME_DIFF + FINAL);
        long provisionalDiffs = count(c, "SELECT count(*) " + OUTCOME_DIFF + PROVISIONAL);
        out.printf(
                "12/16:    peer %,d outcomes (%,d final), %s %,d, final differing %,d, provisional differing %,d%n",
                count(c, "SELECT count(*) FROM peer_outcomes"),
                finals,
                otherName,
                count(c, "SELECT count(*) FROM e_outcomes"),
                finalDiffs,
                provisionalDiffs);
        examples(
                c,
                "SELECT p.event_id, p.crossing_date, p.resident_before, p.resident_after, p.long_term_migration, "
                        + "p.final_date, e.event_id, e.resident_before, e.resident_after, e.long_term_migration, e.final_date "
                        + OUTCOME_DIFF + FINAL + " LIMIT 5",
                6,
                out);
        return new Result(peerSpells, spellDiffs, finals, finalDiffs, provisionalDiffs);
    }

    static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Prints up to the query's LIMIT rows; the first {@code split} columns are the peer's, the rest the other side's. */
    static void examples(Connection c, String sql, int split, PrintStream out) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            int n = r.getMetaData().getColumnCount();
            while (r.next()) {
                StringBuilder b = new StringBuilder("   e.g. peer:");
                for (int i = 1; i <= n; i++) {
                    b.append(i == 1 ? " " : i == split + 1 ? " | other: " : ", ")
                            .append(r.getString(i));
                }
                out.println(b);
            }
        }
    }
}
