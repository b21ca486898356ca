package org.borderflows.engine.calculator;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.borderflows.domain.StayCalculator.PlannedStay;
import org.borderflows.engine.EngineConfiguration;
import org.borderflows.platform.TravellerPseudonymiser;

/**
 * The calculator's questions as the agency sends them (a JSON body, or a CSV manifest with the mode's dates as
 * query parameters), checked field by field: the first bad field is a {@link BadInput} naming it (400).
 */
@Singleton
public class CalculatorRequests {
    static final int REFERENCE_MAX = 64;

    private final int maxTravellers;

    @Inject
    public CalculatorRequests(EngineConfiguration config) {
        this(config.calculator().maxTravellers());
    }

    public CalculatorRequests(int maxTravellers) {
        this.maxTravellers = maxTravellers;
    }

    /** One traveller of a JSON body, as sent (dates as text, checked here). */
    @Serdeable
    public record TravellerBody(String reference, String documentCountry, String documentNumber, String birthDate) {
        @Override
        public String toString() {
            return "TravellerBody[" + reference + ", " + documentCountry + ", number=***, " + birthDate + "]";
        }
    }

    @Serdeable
    public record StayBody(String entry, String exit) {}

    @Serdeable
    public record ControlBody(String controlDate, List<TravellerBody> travellers) {}

    @Serdeable
    public record PlanBody(List<StayBody> plannedStays, List<TravellerBody> travellers) {}

    /** A checked identity (RULES.md §2) and the caller's reference for it, echoed in the answer. */
    public record Identity(String reference, String documentCountry, String documentNumber, LocalDate birthDate) {
        @Override
        public String toString() {
            return "Identity[" + reference + ", " + documentCountry + ", number=***, " + birthDate + "]";
        }
    }

    /** A checked question: the mode and its dates, and the travellers in the order sent. */
    public record Question(CalculatorMode mode, List<Identity> travellers) {}

    public int maxTravellers() {
        return maxTravellers;
    }

    public Question control(ControlBody body) {
        if (body == null) {
            throw new BadInput("body", "missing: send controlDate and travellers");
        }
        LocalDate controlDate = date("controlDate", body.controlDate());
        return new Question(CalculatorMode.control(controlDate), travellers(body.travellers()));
    }

    public Question plan(PlanBody body) {
        if (body == null) {
            throw new BadInput("body", "missing: send plannedStays and travellers");
        }
        if (body.plannedStays() == null || body.plannedStays().isEmpty()) {
            throw new BadInput("plannedStays", "missing: at least one planned stay (entry, exit)");
        }
        List<PlannedStay> stays = new ArrayList<>();
        for (int i = 0; i < body.plannedStays().size(); i++) {
            StayBody s = body.plannedStays().get(i);
            String field = "plannedStays[" + i + "]";
            stays.add(
                    stay(field + ".entry", s == null ? null : s.entry(), field + ".exit", s == null ? null : s.exit()));
        }
        return new Question(plannedMode(stays), travellers(body.travellers()));
    }

    /** A CSV manifest checked at a control date (the {@code controlDate} query parameter). */
    public Question controlCsv(String controlDate, String csv) {
        LocalDate date = date("controlDate", controlDate);
        return new Question(CalculatorMode.control(date), ManifestCsv.read(csv, this));
    }

    /** A CSV manifest checked against one planned stay (the {@code entry} and {@code exit} query parameters). */
    public Question planCsv(String entry, String exit, String csv) {
        PlannedStay stay = stay("entry", entry, "exit", exit);
        return new Question(plannedMode(List.of(stay)), ManifestCsv.read(csv, this));
    }

    private List<Identity> travellers(List<TravellerBody> travellers) {
        if (travellers == null || travellers.isEmpty()) {
            throw new BadInput("travellers", "missing: at least one traveller");
        }
        checkCount("travellers", travellers.size());
        List<Identity> out = new ArrayList<>(travellers.size());
        for (int i = 0; i < travellers.size(); i++) {
            TravellerBody t = travellers.get(i);
            String field = "travellers[" + i + "]";
            if (t == null) {
                throw new BadInput(field, "missing");
            }
            out.add(identity(
                    t.reference() == null ? String.valueOf(i + 1) : t.reference(),
                    field + ".reference",
                    field + ".documentCountry",
                    t.documentCountry(),
                    field + ".documentNumber",
                    t.documentNumber(),
                    field + ".birthDate",
                    t.birthDate()));
        }
        return out;
    }

    void checkCount(String field, int count) {
        if (count > maxTravellers) {
            throw new BadInput(
                    field, count + " travellers, more than the limit of " + maxTravellers + " per request: split it");
        }
    }

    /** One identity with the names its fields have in the request (JSON member or CSV column and line). */
    Identity identity(
            String reference,
            String referenceField,
            String countryField,
            String country,
            String numberField,
            String number,
            String birthDateField,
            String birthDate) {
        if (reference.isBlank() || reference.length() > REFERENCE_MAX) {
            throw new BadInput(referenceField, "must be 1 to " + REFERENCE_MAX + " characters");
        }
        if (country == null || country.isBlank()) {
            throw new BadInput(countryField, "missing");
        }
        if (number == null
                || TravellerPseudonymiser.normaliseDocumentNumber(number).isEmpty()) {
            throw new BadInput(numberField, "missing");
        }
        // the reference is echoed in the answer, which never holds a document number (RULES.md §2)
        if (TravellerPseudonymiser.normaliseDocumentNumber(reference)
                .equals(TravellerPseudonymiser.normaliseDocumentNumber(number))) {
            throw new BadInput(referenceField, "must not be the document number: it is echoed in the answer");
        }
        return new Identity(
                reference, country.trim().toUpperCase(Locale.ROOT), number, date(birthDateField, birthDate));
    }

    static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new BadInput(field, "missing: a date YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new BadInput(field, "not a date YYYY-MM-DD");
        }
    }

    private static PlannedStay stay(String entryField, String entry, String exitField, String exit) {
        LocalDate in = date(entryField, entry);
        LocalDate out = date(exitField, exit);
        if (out.isBefore(in)) {
            throw new BadInput(exitField, "the planned exit " + out + " is before the planned entry " + in);
        }
        return new PlannedStay(in, out);
    }

    private static CalculatorMode plannedMode(List<PlannedStay> stays) {
        try {
            return CalculatorMode.plan(stays);
        } catch (IllegalArgumentException e) {
            throw new BadInput("plannedStays", e.getMessage());
        }
    }
}
