package org.borderflows.simulator.peer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.borderflows.platform.Deployment;
import org.borderflows.schema.Direction;
import org.borderflows.schema.Purpose;
import org.borderflows.simulator.gen.Card;
import org.borderflows.simulator.out.CardFile;
import org.borderflows.simulator.rules.Outcome;
import org.borderflows.simulator.rules.TravellerRules;
import org.borderflows.simulator.rules.TruthSpell;
import org.borderflows.simulator.rules.Xing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQL peer and the simulator's Java rules read RULES.md §3 "Order" alike: crossings of one traveller at the
 * same instant alternate with the crossing before them (before the first: as if a resident had entered / a
 * non-resident had left). Itineraries with same-minute crossings, their dates written out, go through both, with
 * the card file in delivery order and reversed; spells, orphan exits and 12/16 outcomes must be the same.
 */
class SameInstantPeerTest {
    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    private static final String MONDAY_0800 = "2025-03-03T08:00:00+05:00";
    private static final LocalDate CLOCK = LocalDate.of(2025, 9, 1);

    @TempDir
    Path dir;

    /** One traveller's cards: document number, citizenship and crossings (event id, direction, instant, card). */
    private record Itinerary(String document, String citizenship, List<String[]> crossings) {
        boolean resident() {
            return "KAZ".equals(citizenship);
        }
    }

    private static final List<Itinerary> ITINERARIES = List.of(
            // a frontier worker: in and out on 2 March, then in and out at the same minute on 3 March
            new Itinerary(
                    "FW1",
                    "UZB",
                    List.of(
                            new String[] {"fw-d2-in", "ENTRY", "2025-03-02T07:10:00+05:00", ""},
                            new String[] {"fw-d2-out", "EXIT", "2025-03-02T17:45:00+05:00", ""},
                            new String[] {"fw-b-in", "ENTRY", MONDAY_0800, ""},
                            new String[] {"fw-a-out", "EXIT", MONDAY_0800, ""})),
            // a resident home on 2 March, then out and back at the same minute on 3 March
            new Itinerary(
                    "RS1",
                    "KAZ",
                    List.of(
                            new String[] {"rs-x1", "EXIT", "2025-03-01T09:00:00+05:00", "K-1"},
                            new String[] {"rs-e1", "ENTRY", "2025-03-02T20:00:00+05:00", "K-1"},
                            new String[] {"rs-a-in", "ENTRY", MONDAY_0800, "K-2"},
                            new String[] {"rs-b-out", "EXIT", MONDAY_0800, "K-2"})),
            // first crossings at one instant: a non-resident's entry comes first, a resident's exit
            new Itinerary("NR2", "UZB", List.of(new String[] {"nr-b-in", "ENTRY", MONDAY_0800, "K-3"}, new String[] {
                "nr-a-out", "EXIT", MONDAY_0800, "K-3"
            })),
            new Itinerary("RS2", "KAZ", List.of(new String[] {"rr-a-in", "ENTRY", MONDAY_0800, "K-4"}, new String[] {
                "rr-b-out", "EXIT", MONDAY_0800, "K-4"
            })),
            // five crossings at one instant after an exit: entries c, d, e and exits a, b alternate: c a d b e
            new Itinerary(
                    "GR5",
                    "UZB",
                    List.of(
                            new String[] {"g-d2-out", "EXIT", "2025-03-02T17:45:00+05:00", "K-0"},
                            new String[] {"g-c", "ENTRY", MONDAY_0800, "K-1"},
                            new String[] {"g-d", "ENTRY", MONDAY_0800, "K-2"},
                            new String[] {"g-a", "EXIT", MONDAY_0800, "K-1"},
                            new String[] {"g-b", "EXIT", MONDAY_0800, "K-2"},
                            new String[] {"g-e", "ENTRY", MONDAY_0800, "K-3"})),
            // in since 10 January 2024, out and back in at the same minute on 3 March 2025, gone 1 September 2025
            new Itinerary(
                    "LM1",
                    "UZB",
                    List.of(
                            new String[] {"lm-e-2024", "ENTRY", "2024-01-10T10:00:00+06:00", "K-1"},
                            new String[] {"lm-a-in", "ENTRY", MONDAY_0800, "K-2"},
                            new String[] {"lm-b-out", "EXIT", MONDAY_0800, "K-1"},
                            new String[] {"lm-x-2025", "EXIT", "2025-09-01T10:00:00+05:00", "K-2"})));

    @Test
    void peerAndTruthOrderSameInstantCrossingsAlikeInEitherDeliveryOrder() throws Exception {
        Expected truth = truth();
        assertThat(truth.spells()).noneMatch(s -> s.contains("BROKEN"));
        assertThat(truth.spells())
                .contains(
                        "FW1 fw-b-in CLOSED fw-a-out 0",
                        "RS1 rs-b-out CLOSED rs-a-in 0",
                        "NR2 nr-b-in CLOSED nr-a-out 0",
                        "RS2 rr-b-out CLOSED rr-a-in 0",
                        "GR5 g-c CLOSED g-a 0",
                        "GR5 g-d CLOSED g-b 0",
                        "LM1 lm-a-in CLOSED lm-x-2025 182");
        assertThat(truth.orphans()).containsExactly("GR5 g-d2-out");

        List<Card> delivered = cards();
        assertThat(peer(delivered)).isEqualTo(truth);
        List<Card> reversed = new ArrayList<>(delivered);
        Collections.reverse(reversed);
        assertThat(peer(reversed)).isEqualTo(truth);
    }

    private record Expected(TreeSet<String> spells, TreeSet<String> orphans, TreeSet<String> outcomes) {}

    private static Expected truth() {
        TravellerRules rules = TravellerRules.defaults();
        Expected e = new Expected(new TreeSet<>(), new TreeSet<>(), new TreeSet<>());
        for (Itinerary it : ITINERARIES) {
            List<Xing> xings = new ArrayList<>();
            Map<LocalDate, String> orphanIds = new LinkedHashMap<>();
            for (String[] c : it.crossings()) {
                OffsetDateTime at = OffsetDateTime.parse(c[2]);
                LocalDate date = at.atZoneSameInstant(ALMATY).toLocalDate();
                xings.add(new Xing(
                        c[0], Direction.valueOf(c[1]), at.toInstant(), date, "KZ-ZHB-ROAD", Purpose.WORK, c[3]));
                if (c[1].equals("EXIT")) {
                    orphanIds.putIfAbsent(date, c[0]);
                }
            }
            TravellerRules.Result r = rules.evaluate(xings, it.resident(), CLOCK);
            for (TruthSpell s : r.spells()) {
                e.spells()
                        .add(String.join(
                                " ",
                                it.document(),
                                s.startEventId(),
                                s.state().name(),
                                String.valueOf(s.endEventId()),
                                String.valueOf(s.durationDays())));
            }
            // the truth gives orphan exits by date; each itinerary here has at most one exit per date
            r.orphanExitDates().forEach(d -> e.orphans().add(it.document() + " " + orphanIds.get(d)));
            for (Outcome o : r.outcomes()) {
                e.outcomes()
                        .add(outcome(
                                o.eventId(),
                                o.residentBefore(),
                                o.residentAfter(),
                                o.longTermMigration(),
                                o.finalDate()));
            }
        }
        return e;
    }

    private Expected peer(List<Card> delivered) throws Exception {
        Path file = dir.resolve("cards-" + System.nanoTime() + ".csv");
        try (CardFile out = new CardFile(file, CardFile.Format.CSV)) {
            for (Card c : delivered) {
                out.send(c);
            }
        }
        Expected e = new Expected(new TreeSet<>(), new TreeSet<>(), new TreeSet<>());
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            DuckDbPeer.run(c, file, Deployment.DEFAULT, 10_000);
            query(
                    c,
                    "SELECT split_part(tkey, '|', 2), start_event_id, state, coalesce(end_event_id, 'null'), "
                            + "CASE WHEN state = 'BROKEN' THEN 'null' ELSE CAST(duration_days AS VARCHAR) END FROM peer_spells",
                    r -> e.spells()
                            .add(String.join(
                                    " ",
                                    r.getString(1),
                                    r.getString(2),
                                    r.getString(3),
                                    r.getString(4),
                                    r.getString(5))));
            query(c, "SELECT split_part(tkey, '|', 2), event_id FROM peer_orphans", r -> e.orphans()
                    .add(r.getString(1) + " " + r.getString(2)));
            query(
                    c,
                    "SELECT event_id, resident_before, resident_after, long_term_migration, final_date FROM peer_outcomes",
                    r -> e.outcomes()
                            .add(outcome(
                                    r.getString(1),
                                    r.getBoolean(2),
                                    r.getBoolean(3),
                                    r.getBoolean(4),
                                    LocalDate.parse(r.getString(5)))));
        }
        return e;
    }

    private interface Row {
        void read(ResultSet r) throws SQLException;
    }

    private static void query(Connection c, String sql, Row row) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                row.read(r);
            }
        }
    }

    private static String outcome(String eventId, boolean before, boolean after, boolean ltm, LocalDate finalDate) {
        return eventId + " resident " + before + "->" + after + " ltm " + ltm + " final " + finalDate;
    }

    private static List<Card> cards() {
        List<Card> cards = new ArrayList<>();
        for (Itinerary it : ITINERARIES) {
            for (String[] c : it.crossings()) {
                cards.add(new Card(
                        c[0],
                        c[3].isEmpty() ? null : c[3],
                        c[1],
                        c[2],
                        "KZ-ZHB-ROAD",
                        it.citizenship(),
                        it.document(),
                        "1990-05-17",
                        "M",
                        it.citizenship(),
                        "WORK",
                        null,
                        "ROAD",
                        0,
                        0L,
                        false,
                        null,
                        null));
            }
        }
        return cards;
    }
}
