package org.borderflows.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.borderflows.schema.Crossing;
import org.borderflows.schema.CrossingOutcome;
import org.borderflows.schema.Direction;
import org.borderflows.schema.DurationClass;
import org.borderflows.schema.FieldError;
import org.borderflows.schema.Intake;
import org.borderflows.schema.IntakeChannel;
import org.borderflows.schema.Purpose;
import org.borderflows.schema.QualityEvent;
import org.borderflows.schema.QualityIssue;
import org.borderflows.schema.RejectedRecord;
import org.borderflows.schema.ResidenceStatus;
import org.borderflows.schema.Sex;
import org.borderflows.schema.Spell;
import org.borderflows.schema.SpellKind;
import org.borderflows.schema.SpellState;

/** Hand-made engine outputs for tests (values as the stay engine writes them). */
public final class Fixtures {
    private Fixtures() {}

    /** An open stay of a TJK man, 25-29, WORK, entered at Almaty airport. */
    public static Spell.Builder openStay(
            String traveller, LocalDate start, DurationClass durationClass, LocalDate asOf) {
        return Spell.newBuilder()
                .setSpellId(traveller + ":e-" + start)
                .setTravellerId(traveller)
                .setKind(SpellKind.STAY)
                .setState(SpellState.OPEN)
                .setStartEventId("e-" + start)
                .setStartDate(start)
                .setDurationDays((int) java.time.temporal.ChronoUnit.DAYS.between(start, asOf))
                .setDurationClass(durationClass)
                .setClassFinal(durationClass == DurationClass.LONG_TERM)
                .setPurpose(Purpose.WORK)
                .setCitizenship("TJK")
                .setSex(Sex.M)
                .setAgeGroup("25-29")
                .setStartBorderPost("KZ-ALA-AIR")
                .setShortTermMigrant(false)
                .setLongTermMigrant(false)
                .setLabour(false)
                .setAsOf(asOf);
    }

    public static Spell.Builder closedStay(
            String traveller, LocalDate start, LocalDate end, DurationClass durationClass) {
        return openStay(traveller, start, durationClass, end)
                .setState(SpellState.CLOSED)
                .setEndEventId("x-" + end)
                .setEndDate(end)
                .setEndBorderPost("KZ-KOR-ROAD")
                .setClassFinal(true);
    }

    public static CrossingOutcome.Builder arrival(
            String eventId, LocalDate date, boolean ltm, LocalDate finalDate, LocalDate asOf) {
        return CrossingOutcome.newBuilder()
                .setEventId(eventId)
                .setTravellerId("t-" + eventId)
                .setDirection(Direction.ENTRY)
                .setCrossingDate(date)
                .setStatusBefore(ResidenceStatus.NON_RESIDENT)
                .setStatusAfter(ltm ? ResidenceStatus.RESIDENT : ResidenceStatus.NON_RESIDENT)
                .setLongTermMigration(ltm)
                .setFinalDate(finalDate)
                .setProvisional(finalDate.isAfter(asOf))
                .setBorderPost("KZ-ALA-AIR")
                .setCitizenship("TJK")
                .setSex(Sex.M)
                .setAgeGroup("25-29")
                .setPurpose(Purpose.WORK)
                .setAsOf(asOf);
    }

    public static QualityEvent quality(QualityIssue issue, String eventId, LocalDate date, LocalDate asOf) {
        return QualityEvent.newBuilder()
                .setIssue(issue)
                .setEventId(eventId)
                .setCrossingDate(date)
                .setBorderPost("KZ-KOR-ROAD")
                .setOccurrences(1)
                .setAsOf(asOf)
                .build();
    }

    public static RejectedRecord rejected(long position, Instant at, String... codes) {
        return RejectedRecord.newBuilder()
                .setChannel(IntakeChannel.HTTP)
                .setSubmitter("KZ-KOR-ROAD")
                .setPosition(position)
                .setPayload("{}")
                .setErrors(java.util.Arrays.stream(codes)
                        .map(c -> new FieldError("birth_date", c, "bad birth date"))
                        .toList())
                .setRejectedAt(at)
                .build();
    }

    public static Crossing crossing(String eventId, LocalDate date, Direction direction) {
        return Crossing.newBuilder()
                .setEventId(eventId)
                .setTravellerId("t-" + eventId)
                .setDirection(direction)
                .setCrossedAt(date.atStartOfDay(java.time.ZoneId.of("Asia/Almaty"))
                        .plusHours(9)
                        .toInstant())
                .setCrossingDate(date)
                .setBorderPost("KZ-ALA-AIR")
                .setDocumentCountry("TJK")
                .setBirthDate(LocalDate.of(1998, 4, 2))
                .setSex(Sex.M)
                .setCitizenship("TJK")
                .setPurpose(Purpose.WORK)
                .setIntake(new Intake(IntakeChannel.HTTP, "KZ-ALA-AIR", Instant.parse("2026-03-01T03:16:00Z"), null))
                .build();
    }

    public static List<FieldError> none() {
        return List.of();
    }
}
