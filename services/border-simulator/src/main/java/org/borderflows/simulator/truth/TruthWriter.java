package org.borderflows.simulator.truth;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.borderflows.platform.Csv;
import org.borderflows.simulator.gen.Card;
import org.borderflows.simulator.gen.Fault;
import org.borderflows.simulator.gen.SimCrossing;
import org.borderflows.simulator.gen.SimTraveller;
import org.borderflows.simulator.gen.Simulation;
import org.borderflows.simulator.rules.Outcome;
import org.borderflows.simulator.rules.TravellerRules;
import org.borderflows.simulator.rules.TruthSpell;

/**
 * Writes the ground truth directory (format in the module README): summary.json, travellers.csv,
 * itinerary.csv, faults.csv, spells[-delivered].csv, outcomes[-delivered].csv and the expected datasets
 * (datasets/ from the real itineraries, datasets-delivered/ from what reached the system).
 */
public final class TruthWriter {
    private TruthWriter() {}

    public static void write(GroundTruth truth, Path dir) throws IOException {
        Files.createDirectories(dir.resolve("datasets"));
        Files.createDirectories(dir.resolve("datasets-delivered"));
        Simulation.World w = truth.world();
        summary(truth, dir.resolve("summary.json"));
        try (Writer out = Files.newBufferedWriter(dir.resolve("travellers.csv"))) {
            out.write("traveller_no,persona,citizenship,document_country,document_number,birth_date,sex,"
                    + "traveller_id,resident,crossings_in_window,faults,all_delivered\n");
            for (TravellerTruth tt : truth.travellers()) {
                SimTraveller t = tt.traveller();
                out.write(csv(
                        t.number(),
                        t.persona(),
                        t.citizenship(),
                        t.documentCountry(),
                        t.documentNumber(),
                        t.birthDate(),
                        t.sex(),
                        tt.travellerId(),
                        tt.resident(),
                        tt.real().accepted().size(),
                        tt.faults().stream().map(Enum::name).collect(Collectors.joining(";")),
                        tt.allDelivered()));
            }
        }
        try (Writer out = Files.newBufferedWriter(dir.resolve("itinerary.csv"));
                Writer faults = Files.newBufferedWriter(dir.resolve("faults.csv"))) {
            out.write("traveller_no,seq,event_id,direction,crossed_at,crossing_date,border_post,purpose,"
                    + "intended_stay_days,transport,card_number,in_window,fault,fault_detail,duplicated\n");
            faults.write("event_id,traveller_no,fault,detail\n");
            for (SimTraveller t : w.travellers()) {
                for (SimCrossing c : t.crossings()) {
                    Simulation.Fate fate = w.fates().get(c.eventId());
                    boolean in = w.inWindow(c);
                    out.write(csv(
                            t.number(),
                            c.seq(),
                            c.eventId(),
                            c.direction(),
                            Simulation.CROSSED_AT.format(
                                    c.crossedAt().atZone(w.settings().zone())),
                            w.date(c),
                            c.borderPost(),
                            c.purpose(),
                            c.intendedStayDays(),
                            c.transport(),
                            c.cardNumber(),
                            in,
                            fate == null ? "" : fate.fault(),
                            fate == null ? "" : fate.detail(),
                            fate != null && fate.duplicated()));
                    if (fate != null && fate.fault() != Fault.NONE) {
                        faults.write(csv(c.eventId(), t.number(), fate.fault(), fate.detail()));
                    }
                    if (fate != null && fate.duplicated()) {
                        faults.write(csv(c.eventId(), t.number(), Fault.DUPLICATE, ""));
                    }
                }
            }
        }
        spells(truth, dir.resolve("spells.csv"), false);
        spells(truth, dir.resolve("spells-delivered.csv"), true);
        outcomes(truth, dir.resolve("outcomes.csv"), false);
        outcomes(truth, dir.resolve("outcomes-delivered.csv"), true);
        datasets(DatasetFacts.finestCells(truth, false), dir.resolve("datasets"));
        datasets(DatasetFacts.finestCells(truth, true), dir.resolve("datasets-delivered"));
    }

    private static void spells(GroundTruth truth, Path file, boolean delivered) throws IOException {
        try (Writer out = Files.newBufferedWriter(file)) {
            out.write("traveller_no,traveller_id,kind,state,start_event_id,start_date,end_event_id,end_date,"
                    + "duration_days,duration_class,class_final,purpose,start_border_post,short_term_migrant,"
                    + "long_term_migrant,labour,latest_authorised_exit,overstay_days,suspected_overstay\n");
            for (TravellerTruth tt : truth.travellers()) {
                TravellerRules.Result r = delivered ? tt.delivered() : tt.real();
                for (TruthSpell s : r.spells()) {
                    out.write(csv(
                            tt.traveller().number(),
                            tt.travellerId(),
                            s.stay() ? "STAY" : "ABSENCE",
                            s.state(),
                            s.startEventId(),
                            s.startDate(),
                            s.endEventId(),
                            s.endDate(),
                            s.durationDays(),
                            s.durationClass(),
                            s.classFinal(),
                            s.purpose(),
                            s.startBorderPost(),
                            s.shortTermMigrant(),
                            s.longTermMigrant(),
                            s.labour(),
                            s.latestAuthorisedExit(),
                            s.overstayDays(),
                            s.suspectedOverstay()));
                }
            }
        }
    }

    private static void outcomes(GroundTruth truth, Path file, boolean delivered) throws IOException {
        try (Writer out = Files.newBufferedWriter(file)) {
            out.write("traveller_no,traveller_id,event_id,crossing_date,status_before,status_after,"
                    + "long_term_migration,final_date,provisional,status_final_date,eventual_long_term\n");
            for (TravellerTruth tt : truth.travellers()) {
                TravellerRules.Result r = delivered ? tt.delivered() : tt.real();
                for (Outcome o : r.outcomes()) {
                    out.write(csv(
                            tt.traveller().number(),
                            tt.travellerId(),
                            o.eventId(),
                            o.crossingDate(),
                            o.residentBefore() ? "RESIDENT" : "NON_RESIDENT",
                            o.residentAfter() ? "RESIDENT" : "NON_RESIDENT",
                            o.longTermMigration(),
                            o.finalDate(),
                            o.provisional(truth.clock()),
                            o.statusFinalDate(),
                            tt.eventualLongTerm().get(o.eventId())));
                }
            }
        }
    }

    private static void datasets(Map<String, Map<String, Double>> cells, Path dir) throws IOException {
        for (String dataset : DatasetFacts.DATASETS) {
            try (Writer out = Files.newBufferedWriter(dir.resolve(dataset + ".csv"))) {
                StringBuilder header = new StringBuilder();
                for (Dim d : Dim.values()) {
                    header.append(d.key()).append(',');
                }
                out.write(header + "measure,value\n");
                for (Map.Entry<String, Double> e :
                        cells.getOrDefault(dataset, Map.of()).entrySet()) {
                    out.write(e.getKey() + "," + e.getValue().longValue() + "\n");
                }
            }
        }
    }

    private static void summary(GroundTruth truth, Path file) throws IOException {
        Simulation.Settings s = truth.world().settings();
        EnumMap<Fault, Integer> faults = new EnumMap<>(Fault.class);
        for (Simulation.Fate f : truth.world().fates().values()) {
            faults.merge(f.fault(), 1, Integer::sum);
            if (f.duplicated()) {
                faults.merge(Fault.DUPLICATE, 1, Integer::sum);
            }
        }
        long clean =
                truth.travellers().stream().filter(TravellerTruth::allDelivered).count();
        try (BufferedWriter out = Files.newBufferedWriter(file);
                JsonGenerator g = new JsonFactory().createGenerator(out).useDefaultPrettyPrinter()) {
            g.writeStartObject();
            g.writeStringField("from", s.from().toString());
            g.writeStringField("to", s.to().toString());
            g.writeNumberField("seed", s.seed());
            g.writeNumberField("travellersOption", s.travellers());
            g.writeNumberField("cardsOption", s.cards());
            g.writeStringField("timeZone", s.zone().getId());
            g.writeObjectFieldStart("faultRates");
            g.writeNumberField("duplicate", s.rates().duplicate());
            g.writeNumberField("reordered", s.rates().reordered());
            g.writeNumberField("lostExit", s.rates().lostExit());
            g.writeNumberField("late", s.rates().late());
            g.writeNumberField("invalid", s.rates().invalid());
            g.writeEndObject();
            g.writeStringField("clock", truth.clock().toString());
            g.writeNumberField("travellers", truth.travellers().size());
            g.writeNumberField("travellersAllDelivered", clean);
            g.writeNumberField("crossingsInWindow", truth.world().fates().size());
            g.writeNumberField("cardsSent", truth.world().cards().size());
            g.writeStringField("cardsChecksum", checksum(truth.world().cards()));
            g.writeObjectFieldStart("faults");
            for (Map.Entry<Fault, Integer> e : faults.entrySet()) {
                g.writeNumberField(e.getKey().name(), e.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
        }
    }

    /** A digest of the card stream, so a report can check it regenerates the same world. */
    public static String checksum(List<Card> cards) {
        long h = 1125899906842597L;
        for (Card c : cards) {
            h = 31 * h + c.eventId().hashCode();
            h = 31 * h + Long.hashCode(c.deliverAtMillis());
        }
        return Long.toHexString(h);
    }

    static String csv(Object... values) {
        return Csv.record(values) + "\n";
    }
}
