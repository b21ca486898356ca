package org.borderflows.intake;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.borderflows.platform.TravellerPseudonymiser;
import org.borderflows.schema.Crossing;
import org.borderflows.schema.FieldError;
import org.borderflows.schema.RejectedRecord;

/**
 * The one path every card takes, whatever its channel (HTTP gateway, file loader, Kafka inbound topic):
 * validation (RULES.md §1), then the traveller pseudonym in place of the document number (RULES.md §2) and the
 * Avro {@link Crossing} keyed by it; or a {@link RejectedRecord} with one reason per failing field and the
 * payload with the document number masked. Never throws for bad input: every record ends accepted or rejected.
 * Thread-safe.
 */
public final class CardIntake {
    private final CardValidator validator;
    private final TravellerPseudonymiser pseudonymiser;
    private final Clock clock;

    public CardIntake(CardValidator validator, TravellerPseudonymiser pseudonymiser, Clock clock) {
        this.validator = validator;
        this.pseudonymiser = pseudonymiser;
        this.clock = clock;
    }

    public IntakeResult process(RawCard card, Submission submission) {
        List<FieldError> errors = new ArrayList<>(2);
        try {
            if (card.isMalformed()) {
                errors.add(CardValidator.error(null, ErrorCode.MALFORMED, card.malformedReason()));
                return reject(card, submission, errors);
            }
            CardValidator.ValidCard valid = validator.validate(card, submission.posts(), errors);
            if (valid == null) {
                return reject(card, submission, errors);
            }
            return new IntakeResult.Accepted(card.position(), toCrossing(valid, submission));
        } catch (RuntimeException e) {
            // A bug must not lose the record: keep it as a rejection (the message names no value).
            errors.clear();
            errors.add(new FieldError(
                    CardField.RECORD,
                    ErrorCode.MALFORMED,
                    "the record could not be processed (" + e.getClass().getSimpleName() + ")"));
            return reject(card, submission, errors);
        }
    }

    private Crossing toCrossing(CardValidator.ValidCard card, Submission submission) {
        String travellerId = pseudonymiser.pseudonym(card.documentCountry(), card.documentNumber(), card.birthDate());
        return new Crossing(
                card.eventId(),
                travellerId,
                card.cardNumber(),
                card.direction(),
                // Avro timestamp-millis: truncate now so the published value equals what consumers read back
                Instant.ofEpochMilli(card.crossedAt().toEpochMilli()),
                card.crossingDate(),
                card.borderPost(),
                card.documentCountry(),
                card.birthDate(),
                card.sex(),
                card.citizenship(),
                card.purpose(),
                card.intendedStayDays(),
                card.transport(),
                submission.intake());
    }

    private IntakeResult reject(RawCard card, Submission submission, List<FieldError> errors) {
        String eventId = card.isMalformed() ? null : card.get(CardField.EVENT_ID);
        if (eventId != null && eventId.length() > CardValidator.MAX_EVENT_ID) {
            eventId = eventId.substring(0, CardValidator.MAX_EVENT_ID);
        }
        RejectedRecord rejection = new RejectedRecord(
                submission.channel(),
                submission.submitter(),
                card.position(),
                eventId == null ? null : Utf8Escapes.visible(eventId.strip()),
                Masking.maskedPayload(card),
                errors,
                Instant.ofEpochMilli(clock.millis()),
                crossingDate(card));
        return new IntakeResult.Rejected(card.position(), rejection);
    }

    /** The date a rejection belongs to (RULES.md §9), when crossed_at is valid; a bug here must not lose it. */
    private LocalDate crossingDate(RawCard card) {
        try {
            return validator.validCrossingDate(card);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
