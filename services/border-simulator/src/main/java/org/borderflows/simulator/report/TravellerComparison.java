package org.borderflows.simulator.report;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import org.borderflows.platform.TravellerPseudonymiser;

/**
 * The per-traveller accuracy check: the engine's spells and 12/16 outcomes (read from its topics) against the
 * ground truth, traveller by traveller, with the engine's travellerId mapped back to the simulated traveller by
 * the same pseudonymiser. Each traveller is compared twice: with the real itinerary (what happened) and with
 * what was delivered (what a correct engine must produce from the records it got). A traveller touched by a
 * lost, late or invalid card whose engine results equal the delivered expectation is a difference explained by
 * that fault; any other difference is unexplained and listed.
 */
public final class TravellerComparison {
    private TravellerComparison() {}

    /** The share of all-delivered travellers that agree on everything, and the unexplained differences. */
    public record Summary(long cleanTravellers, long cleanAgree, long unexplained) {
        public double cleanAgreement() {
            return cleanTravellers == 0 ? 1.0 : (double) cleanAgree / cleanTravellers;
        }
    }

    /**
     * Loads the truth tables (t_* real, d_* delivered) and the traveller map; the engine's tables e_spells and
     * e_outcomes must be loaded already.
     */
    public static void loadTruth(Connection c, Path truthDir, TravellerPseudonymiser pseudonymiser, Path work)
            throws SQLException, IOException {
        Files.createDirectories(work);
        Path ids = work.resolve("traveller-ids.csv");
        try (Statement s = c.createStatement()) {
            s.execute("CREATE OR REPLACE TABLE sim_travellers AS SELECT * FROM read_csv('"
                    + path(truthDir.resolve("travellers.csv")) + "', header = true, all_varchar = true)");
            try (ResultSet r = s.executeQuery(
                            "SELECT traveller_no, document_country, document_number, birth_date FROM sim_travellers");
                    Writer out = Files.newBufferedWriter(ids)) {
                out.write("traveller_no,traveller_id\n");
                while (r.next()) {
                    out.write(r.getString(1) + ","
                            + pseudonymiser.pseudonym(r.getString(2), r.getString(3), LocalDate.parse(r.getString(4)))
                            + "\n");
                }
            }
            s.execute("CREATE OR REPLACE TABLE ids AS SELECT i.traveller_no, i.traveller_id, t.persona, t.faults, "
                    + "t.all_delivered::BOOLEAN AS all_delivered, "
                    + "CASE WHEN t.faults LIKE '%LOST_EXIT%' THEN 'LOST_EXIT' WHEN t.faults LIKE '%LATE%' THEN 'LATE' "
                    + "WHEN t.faults LIKE '%INVALID%' THEN 'INVALID' WHEN t.faults LIKE '%REORDERED%' THEN 'REORDERED' "
                    + "WHEN t.faults LIKE '%DUPLICATE%' THEN 'DUPLICATE' ELSE 'NONE' END AS main_fault "
                    + "FROM read_csv('" + path(ids) + "', header = true, all_varchar = true) i "
                    + "JOIN sim_travellers t USING (traveller_no)");
            for (String[] t : new String[][] {{"t", ""}, {"d", "-delivered"}}) {
                s.execute("CREATE OR REPLACE TABLE " + t[0] + "_spells AS SELECT traveller_no, start_event_id, kind, "
                        + "state, end_event_id, try_cast(duration_days AS INTEGER) AS duration_days, duration_class, "
                        + "class_final::BOOLEAN AS class_final, labour::BOOLEAN AS labour FROM read_csv('"
                        + path(truthDir.resolve("spells" + t[1] + ".csv")) + "', header = true, all_varchar = true)");
                s.execute("CREATE OR REPLACE TABLE " + t[0] + "_outcomes AS SELECT traveller_no, event_id, "
                        + "status_before = 'RESIDENT' AS resident_before, status_after = 'RESIDENT' AS resident_after, "
                        + "long_term_migration::BOOLEAN AS long_term_migration, final_date::DATE AS final_date, "
                        + "provisional::BOOLEAN AS provisional FROM read_csv('"
                        + path(truthDir.resolve("outcomes" + t[1] + ".csv")) + "', header = true, all_varchar = true)");
            }
            s.execute("CREATE OR REPLACE TABLE es AS SELECT e.*, ids.traveller_no FROM e_spells e "
                    + "LEFT JOIN ids USING (traveller_id)");
            s.execute("CREATE OR REPLACE TABLE eo AS SELECT e.*, ids.traveller_no FROM e_outcomes e "
                    + "LEFT JOIN ids USING (traveller_id)");
        }
    }

    /** Per traveller: stays matched, classes equal, final 12/16 outcomes equal, against t_ or d_ tables. */
    static void agreement(Statement s, String side) throws SQLException {
        s.execute("CREATE OR REPLACE TABLE " + side + "_agree AS "
                + "WITH sm AS (SELECT t.traveller_no, "
                + "  e.start_event_id IS NOT NULL AND t.kind = e.kind AND t.state = e.state "
                + "   AND t.end_event_id IS NOT DISTINCT FROM e.end_event_id "
                + "   AND (t.state <> 'CLOSED' OR t.duration_days = e.duration_days) AS stay_ok, "
                + "  e.start_event_id IS NOT NULL AND (t.state = 'BROKEN' OR (t.duration_class = e.duration_class "
                + "   AND t.class_final = e.class_final)) AND t.labour = e.labour AS class_ok "
                + "  FROM " + side + "_spells t LEFT JOIN es e ON e.start_event_id = t.start_event_id), "
                + "om AS (SELECT t.traveller_no, e.event_id IS NOT NULL AND t.resident_before = e.resident_before "
                + "   AND t.resident_after = e.resident_after AND t.long_term_migration = e.long_term_migration "
                + "   AND t.final_date = e.final_date AS outcome_ok "
                + "  FROM " + side + "_outcomes t LEFT JOIN eo e ON e.event_id = t.event_id WHERE NOT t.provisional), "
                + "tc AS (SELECT traveller_no, count(*) AS n FROM " + side + "_spells GROUP BY 1), "
                + "ec AS (SELECT traveller_no, count(*) AS n FROM es WHERE traveller_no IS NOT NULL GROUP BY 1), "
                + "st AS (SELECT traveller_no, bool_and(stay_ok) AS stays, bool_and(class_ok) AS classes FROM sm GROUP BY 1), "
                + "ot AS (SELECT traveller_no, bool_and(outcome_ok) AS outcomes FROM om GROUP BY 1) "
                + "SELECT ids.traveller_no, ids.persona, ids.all_delivered, ids.main_fault, "
                + "  coalesce(st.stays, true) AND coalesce(tc.n, 0) = coalesce(ec.n, 0) AS stays, "
                + "  coalesce(st.classes, true) AS classes, coalesce(ot.outcomes, true) AS outcomes "
                + "FROM ids LEFT JOIN st USING (traveller_no) LEFT JOIN ot USING (traveller_no) "
                + "LEFT JOIN tc USING (traveller_no) LEFT JOIN ec USING (traveller_no)");
    }

    public static Summary report(Connection c, PrintStream out) throws SQLException {
        try (Statement s = c.createStatement()) {
            agreement(s, "t");
            agreement(s, "d");
            out.println("Per traveller, engine topics against the ground truth (final 12/16 outcomes only):");
            out.printf(
                    "  %-22s %10s %9s %9s %9s %9s %12s%n",
                    "travellers", "count", "stays", "classes", "12/16", "all", "explained");
            String sql = "SELECT CASE WHEN t.all_delivered AND t.main_fault = 'NONE' THEN '1 clean' "
                    + "WHEN t.all_delivered THEN '2 dup/reordered only' ELSE '3 ' || t.main_fault END AS grp, "
                    + "count(*), avg(t.stays::INT), avg(t.classes::INT), avg(t.outcomes::INT), "
                    + "avg((t.stays AND t.classes AND t.outcomes)::INT), "
                    + "avg((d.stays AND d.classes AND d.outcomes)::INT) "
                    + "FROM t_agree t JOIN d_agree d USING (traveller_no) GROUP BY 1 ORDER BY 1";
            try (ResultSet r = s.executeQuery(sql)) {
                while (r.next()) {
                    out.printf(
                            "  %-22s %,10d %8.3f%% %8.3f%% %8.3f%% %8.3f%% %11.3f%%%n",
                            r.getString(1).substring(2),
                            r.getLong(2),
                            100 * r.getDouble(3),
                            100 * r.getDouble(4),
                            100 * r.getDouble(5),
                            100 * r.getDouble(6),
                            100 * r.getDouble(7));
                }
            }
            out.println("  (stays/classes/12/16/all: agreement with the real itinerary; explained: agreement with"
                    + " what was delivered, i.e. the difference from the real itinerary is the fault's effect)");
            long clean = count(s, "SELECT count(*) FROM t_agree WHERE all_delivered");
            long cleanAgree =
                    count(s, "SELECT count(*) FROM t_agree WHERE all_delivered AND stays AND classes AND outcomes");
            long unexplained = count(s, "SELECT count(*) FROM d_agree WHERE NOT (stays AND classes AND outcomes)");
            out.printf(
                    "  all-delivered travellers agreeing on everything: %,d of %,d = %.3f%% (target >= 99.9%%)%n",
                    cleanAgree, clean, clean == 0 ? 100.0 : 100.0 * cleanAgree / clean);
            out.printf("  differences not explained by an injected fault: %,d travellers%n", unexplained);
            out.printf(
                    "  engine spells of travellers not in the truth: %,d; engine outcomes without a truth crossing: %,d%n",
                    count(s, "SELECT count(*) FROM es WHERE traveller_no IS NULL"),
                    count(s, "SELECT count(*) FROM eo WHERE event_id NOT IN (SELECT event_id FROM t_outcomes)"));
            try (ResultSet r = s.executeQuery("SELECT traveller_no, persona, main_fault, stays, classes, outcomes "
                    + "FROM d_agree WHERE NOT (stays AND classes AND outcomes) ORDER BY traveller_no::INT LIMIT 10")) {
                while (r.next()) {
                    out.printf(
                            "    unexplained: traveller %s (%s, fault %s): stays %s, classes %s, 12/16 %s%n",
                            r.getString(1),
                            r.getString(2),
                            r.getString(3),
                            r.getString(4),
                            r.getString(5),
                            r.getString(6));
                }
            }
            return new Summary(clean, cleanAgree, unexplained);
        }
    }

    static long count(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    static String path(Path p) {
        return p.toAbsolutePath().toString().replace("'", "''");
    }
}
