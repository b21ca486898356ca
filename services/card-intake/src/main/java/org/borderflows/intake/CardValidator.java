package org.borderflows.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.borderflows.platform.Deployment;
import org.borderflows.platform.TravellerPseudonymiser;
import org.borderflows.schema.Direction;
import org.borderflows.schema.FieldError;
import org.borderflows.schema.Purpose;
import org.borderflows.schema.Sex;
import org.borderflows.schema.Transport;

/**
 * The rules of RULES.md §1, one {@link FieldError} per failing field (field name, {@link ErrorCode}, message).
 * Every field is checked, so a rejection lists all that is wrong with a record, not only the first problem.
 *
 * <p>Messages quote the offending value (shortened) so a border post can fix it, except for document_number,
 * whose value never appears in a message (RULES.md §2).
 *
 * <p>Longer than most classes here on purpose: it is the §1 checklist, {@link #validate} walking the record's fields
 * in order, a few lines each, then the shared checks; it reads top to bottom against the specification, and split,
 * the rules of one record would be scattered.
 */
public final class CardValidator {
    /** RULES.md §1: crossed_at not before 1990 (as a crossing date in the reporting country). */
    public static final LocalDate EARLIEST_CROSSING = LocalDate.of(1990, 1, 1);
    /** RULES.md §1: age at most 120 at the crossing. */
    public static final int MAX_AGE_YEARS = 120;

    public static final int MAX_EVENT_ID = 64;
    public static final int MAX_CARD_NUMBER = 64;
    public static final int MAX_DOCUMENT_NUMBER = 30;
    public static final int MAX_BORDER_POST = 32;
    public static final int MAX_INTENDED_STAY_DAYS = 3650;

    private final Deployment deployment;
    private final Clock clock;
    private final Duration clockSkew;

    /**
     * @param clockSkew how far in the future crossed_at may be before it is IN_FUTURE (post clocks drift)
     */
    public CardValidator(Deployment deployment, Clock clock, Duration clockSkew) {
        this.deployment = deployment;
        this.clock = clock;
        this.clockSkew = clockSkew;
    }

    /** The typed values of a valid card (the raw document number included: never publish this). */
    public record ValidCard(
            String eventId,
            String cardNumber,
            Direction direction,
            Instant crossedAt,
            LocalDate crossingDate,
            String borderPost,
            String documentCountry,
            String documentNumber,
            LocalDate birthDate,
            Sex sex,
            String citizenship,
            Purpose purpose,
            Integer intendedStayDays,
            Transport transport) {}

    /**
     * Validates a card that could be read (not malformed). Adds one error per failing field to {@code errors}
     * and returns the typed card when there are none, else null.
     */
    public ValidCard validate(RawCard card, PostPermission posts, List<FieldError> errors) {
        if (card.recordProblem() != null) {
            errors.add(error(null, ErrorCode.MALFORMED, card.recordProblem()));
        }
        String eventId = text(card, CardField.EVENT_ID, errors, true);
        if (eventId != null) {
            if (eventId.length() > MAX_EVENT_ID) {
                errors.add(error(
                        CardField.EVENT_ID,
                        ErrorCode.OUT_OF_RANGE,
                        "event_id must be 1 to " + MAX_EVENT_ID + " characters, got " + eventId.length()));
            } else if (hasControl(eventId)) {
                errors.add(error(CardField.EVENT_ID, ErrorCode.BAD_FORMAT, "event_id contains control characters"));
            }
        }

        String cardNumber = text(card, CardField.CARD_NUMBER, errors, false);
        if (cardNumber != null && (cardNumber.length() > MAX_CARD_NUMBER || hasControl(cardNumber))) {
            errors.add(error(
                    CardField.CARD_NUMBER,
                    ErrorCode.BAD_FORMAT,
                    "card_number must be at most " + MAX_CARD_NUMBER + " printable characters"));
        }

        Direction direction = null;
        String directionText = text(card, CardField.DIRECTION, errors, true);
        if (directionText != null) {
            direction = switch (upper(directionText)) {
                case "ENTRY" -> Direction.ENTRY;
                case "EXIT" -> Direction.EXIT;
                default -> null;
            };
            if (direction == null) {
                errors.add(unknownCode(CardField.DIRECTION, directionText, "ENTRY or EXIT"));
            }
        }

        Instant crossedAt = crossedAt(card, errors);
        LocalDate crossingDate = crossedAt == null ? null : deployment.localDate(crossedAt);

        String borderPost = text(card, CardField.BORDER_POST, errors, true);
        if (borderPost != null) {
            String post = upper(borderPost);
            if (!isPostCode(post)) {
                errors.add(error(
                        CardField.BORDER_POST,
                        ErrorCode.BAD_FORMAT,
                        "border_post must be a code of letters, digits and dashes (e.g. KZ-ALA-AIR), at most "
                                + MAX_BORDER_POST + " characters, got " + quote(borderPost)));
                borderPost = null;
            } else if (!posts.allows(post)) {
                errors.add(error(
                        CardField.BORDER_POST,
                        ErrorCode.NOT_OWN_POST,
                        "border post " + post + " is not one this submitter may report for"));
                borderPost = null;
            } else {
                borderPost = post;
            }
        }

        String documentCountry = country(card, CardField.DOCUMENT_COUNTRY, errors);

        String documentNumber = text(card, CardField.DOCUMENT_NUMBER, errors, true);
        if (documentNumber != null) {
            String normalised = TravellerPseudonymiser.normaliseDocumentNumber(documentNumber);
            if (normalised.isEmpty() || normalised.length() > MAX_DOCUMENT_NUMBER || !lettersAndDigits(normalised)) {
                // never echo the value (RULES.md §2)
                errors.add(error(
                        CardField.DOCUMENT_NUMBER,
                        ErrorCode.BAD_FORMAT,
                        "document_number must be 1 to " + MAX_DOCUMENT_NUMBER
                                + " letters or digits (spaces and dashes are ignored)"));
                documentNumber = null;
            }
        }

        LocalDate birthDate = null;
        String birthText = text(card, CardField.BIRTH_DATE, errors, true);
        if (birthText != null) {
            birthDate = FastParse.date(birthText);
            if (birthDate == null) {
                errors.add(error(
                        CardField.BIRTH_DATE,
                        ErrorCode.BAD_FORMAT,
                        "birth_date must be a date YYYY-MM-DD, got " + quote(birthText)));
            } else {
                LocalDate reference = crossingDate != null ? crossingDate : deployment.localDate(clock.instant());
                String against = crossingDate != null ? "the crossing date " + crossingDate : "today";
                if (birthDate.isAfter(reference)) {
                    errors.add(error(
                            CardField.BIRTH_DATE,
                            ErrorCode.OUT_OF_RANGE,
                            "birth_date " + birthDate + " is after " + against));
                    birthDate = null;
                } else if (!birthDate.plusYears(MAX_AGE_YEARS + 1L).isAfter(reference)) {
                    errors.add(error(
                            CardField.BIRTH_DATE,
                            ErrorCode.OUT_OF_RANGE,
                            "birth_date " + birthDate + " gives an age over " + MAX_AGE_YEARS + " at " + against));
                    birthDate = null;
                }
            }
        }

        Sex sex = null;
        String sexText = text(card, CardField.SEX, errors, true);
        if (sexText != null) {
            sex = switch (upper(sexText)) {
                case "M" -> Sex.M;
                case "F" -> Sex.F;
                case "X" -> Sex.X;
                default -> null;
            };
            if (sex == null) {
                errors.add(unknownCode(CardField.SEX, sexText, "M, F or X"));
            }
        }

        String citizenship = country(card, CardField.CITIZENSHIP, errors);

        Purpose purpose = null;
        String purposeText = text(card, CardField.PURPOSE, errors, true);
        if (purposeText != null) {
            purpose = purpose(upper(purposeText));
            if (purpose == null) {
                errors.add(unknownCode(
                        CardField.PURPOSE,
                        purposeText,
                        "OFFICIAL, TOURISM, BUSINESS, STUDY, WORK, PRIVATE, TRANSIT or OTHER"));
            }
        }

        Integer intendedStayDays = null;
        String stayText = text(card, CardField.INTENDED_STAY_DAYS, errors, false);
        if (stayText != null) {
            intendedStayDays = FastParse.integer(stayText);
            if (intendedStayDays == null) {
                errors.add(error(
                        CardField.INTENDED_STAY_DAYS,
                        ErrorCode.BAD_FORMAT,
                        "intended_stay_days must be a whole number of days, got " + quote(stayText)));
            } else if (intendedStayDays < 0 || intendedStayDays > MAX_INTENDED_STAY_DAYS) {
                errors.add(error(
                        CardField.INTENDED_STAY_DAYS,
                        ErrorCode.OUT_OF_RANGE,
                        "intended_stay_days must be 0 to " + MAX_INTENDED_STAY_DAYS + ", got " + intendedStayDays));
                intendedStayDays = null;
            }
        }

        Transport transport = null;
        String transportText = text(card, CardField.TRANSPORT, errors, false);
        if (transportText != null) {
            transport = switch (upper(transportText)) {
                case "AIR" -> Transport.AIR;
                case "ROAD" -> Transport.ROAD;
                case "RAIL" -> Transport.RAIL;
                case "SEA" -> Transport.SEA;
                case "OTHER" -> Transport.OTHER;
                default -> null;
            };
            if (transport == null) {
                errors.add(unknownCode(CardField.TRANSPORT, transportText, "AIR, ROAD, RAIL, SEA or OTHER"));
            }
        }

        if (!errors.isEmpty()) {
            return null;
        }
        return new ValidCard(
                eventId,
                cardNumber,
                direction,
                crossedAt,
                crossingDate,
                borderPost,
                documentCountry,
                documentNumber,
                birthDate,
                sex,
                citizenship,
                purpose,
                intendedStayDays,
                transport);
    }

    /**
     * The crossing date of a card whose crossed_at is valid, whatever its other fields; null when crossed_at is
     * missing or invalid. A rejection is dated by it (RULES.md §9).
     */
    public LocalDate validCrossingDate(RawCard card) {
        if (card.isMalformed()) {
            return null;
        }
        Instant crossedAt = crossedAt(card, new ArrayList<>(1));
        return crossedAt == null ? null : deployment.localDate(crossedAt);
    }

    /** crossed_at (RULES.md §1): an instant with offset, not in the future beyond the skew, not before 1990. */
    private Instant crossedAt(RawCard card, List<FieldError> errors) {
        String crossedText = text(card, CardField.CROSSED_AT, errors, true);
        if (crossedText == null) {
            return null;
        }
        Instant parsed = FastParse.instant(crossedText);
        if (parsed == null) {
            errors.add(error(
                    CardField.CROSSED_AT,
                    ErrorCode.BAD_FORMAT,
                    "crossed_at must be an ISO-8601 instant with offset, e.g. 2026-03-01T08:15:00+05:00, got "
                            + quote(crossedText)));
            return null;
        }
        Instant latest = clock.instant().plus(clockSkew);
        if (parsed.isAfter(latest)) {
            errors.add(error(
                    CardField.CROSSED_AT,
                    ErrorCode.IN_FUTURE,
                    "crossed_at " + crossedText + " is in the future (allowed clock skew " + clockSkew + ")"));
            return null;
        }
        if (deployment.localDate(parsed).isBefore(EARLIEST_CROSSING)) {
            errors.add(error(
                    CardField.CROSSED_AT,
                    ErrorCode.TOO_OLD,
                    "crossed_at " + crossedText + " is before " + EARLIEST_CROSSING));
            return null;
        }
        return parsed;
    }

    /** The field's text, trimmed; records MISSING (or BAD_FORMAT for a JSON object/array) and returns null. */
    private static String text(RawCard card, CardField field, List<FieldError> errors, boolean required) {
        if (card.hasBadShape(field)) {
            errors.add(error(
                    field,
                    ErrorCode.BAD_FORMAT,
                    field.fieldName() + " must be a single value, not an" + " object or array"));
            return null;
        }
        String value = card.get(field);
        if (card.hasBadEncoding(field)) {
            // never U+FFFD in place of the bytes: the record is rejected, naming the field (the value is not quoted)
            errors.add(error(field, ErrorCode.MALFORMED, field.fieldName() + " " + Utf8Escapes.problem(value)));
            return null;
        }
        if (value != null
                && (Character.isWhitespace(value.charAt(0))
                        || Character.isWhitespace(value.charAt(value.length() - 1)))) {
            value = value.strip();
        }
        if (value == null || value.isEmpty()) {
            if (required) {
                errors.add(error(field, ErrorCode.MISSING, field.fieldName() + " is required"));
            }
            return null;
        }
        return value;
    }

    /**
     * document_country and citizenship: an assigned ISO 3166-1 alpha-3 code or an ICAO Doc 9303 Part 3 code
     * ({@link IcaoCodes}: {@code D} is stored as DEU, the special codes as themselves).
     */
    private static String country(RawCard card, CardField field, List<FieldError> errors) {
        String value = text(card, field, errors, true);
        if (value == null) {
            return null;
        }
        String code = IcaoCodes.canonical(value);
        if (code != null) {
            return code;
        }
        String upper = upper(value);
        if (upper.length() != 3 || !asciiLetters(upper)) {
            errors.add(error(
                    field,
                    ErrorCode.BAD_FORMAT,
                    field.fieldName() + " must be an ISO 3166-1 alpha-3 or ICAO Doc 9303 code (e.g. KAZ, D, XXA),"
                            + " got " + quote(value)));
            return null;
        }
        errors.add(error(
                field,
                ErrorCode.UNKNOWN_CODE,
                field.fieldName() + " " + upper
                        + " is neither an assigned ISO 3166-1 alpha-3 country code nor an ICAO Doc 9303 code"));
        return null;
    }

    private static Purpose purpose(String code) {
        return switch (code) {
            case "OFFICIAL" -> Purpose.OFFICIAL;
            case "TOURISM" -> Purpose.TOURISM;
            case "BUSINESS" -> Purpose.BUSINESS;
            case "STUDY" -> Purpose.STUDY;
            case "WORK" -> Purpose.WORK;
            case "PRIVATE" -> Purpose.PRIVATE;
            case "TRANSIT" -> Purpose.TRANSIT;
            case "OTHER" -> Purpose.OTHER;
            default -> null;
        };
    }

    private static FieldError unknownCode(CardField field, String value, String allowed) {
        return error(
                field, ErrorCode.UNKNOWN_CODE, field.fieldName() + " must be " + allowed + ", got " + quote(value));
    }

    /** A reason for a field, or for the record as a whole when field is null. */
    static FieldError error(CardField field, String code, String message) {
        return new FieldError(field == null ? CardField.RECORD : field.fieldName(), code, message);
    }

    /** Upper-cases only when needed (the common case is already upper-case: no allocation). */
    private static String upper(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z') {
                return s.toUpperCase(Locale.ROOT);
            }
        }
        return s;
    }

    private static boolean isPostCode(String s) {
        if (s.length() > MAX_BORDER_POST) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (c == '-' && i > 0);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean asciiLetters(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 'A' || c > 'Z') {
                return false;
            }
        }
        return true;
    }

    private static boolean lettersAndDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isLetterOrDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** A value quoted for a message, shortened to 40 characters. */
    private static String quote(String value) {
        String v = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        return "'" + v + "'";
    }
}
