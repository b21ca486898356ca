package org.borderflows.intake;

import java.util.Locale;

/**
 * The nationality and issuer codes of ICAO Doc 9303 (Machine Readable Travel Documents), Part 3, "Specifications
 * Common to all MRTDs", §5 (three-letter codes), that are not ISO 3166-1 alpha-3 country codes. They are
 * accepted for document_country (issuing State or organization) and citizenship (nationality) beside the
 * {@link IsoCountries} codes (RULES.md §1) and kept as their own values: a stateless person or a refugee is
 * not a citizen of any country, so none of them is mapped to one.
 *
 * <p>Germany's documents carry the one-letter code {@code D} (padded {@code D<<} in the machine-readable zone),
 * which is normalised to {@link #GERMANY} so that residence by citizenship (RULES.md §3) and the traveller's
 * identity (RULES.md §2) see one code for one country.
 */
public enum IcaoCodes {
    XXA("stateless person, as defined in Art. 1 of the 1954 Convention relating to the Status of Stateless Persons"),
    XXB("refugee, as defined in Art. 1 of the 1951 Convention relating to the Status of Refugees (1967 Protocol)"),
    XXC("refugee other than as defined under XXB"),
    XXX("person of unspecified nationality"),
    UNO("United Nations Organization, or one of its officials"),
    UNA("a specialized agency of the United Nations, or one of its officials"),
    UNK("resident of Kosovo to whom a travel document has been issued by the UN Interim Administration Mission"),
    EUE("European Union"),
    GBD("British Overseas Territories Citizen"),
    GBN("British National (Overseas)"),
    GBO("British Overseas Citizen"),
    GBP("British Protected Person"),
    GBS("British Subject");

    /** The ISO 3166-1 alpha-3 code that Germany's one-letter ICAO code {@code D} stands for. */
    public static final String GERMANY = "DEU";

    private final String description;

    IcaoCodes(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /**
     * The code to store for a document_country or citizenship value (trimmed, any case), or null when it is
     * neither an assigned ISO 3166-1 alpha-3 code nor an ICAO Doc 9303 code. Trailing {@code <} fillers of
     * the machine-readable zone are ignored; {@code D} becomes {@code DEU}.
     */
    public static String canonical(String value) {
        int end = value.length();
        while (end > 0 && value.charAt(end - 1) == '<') {
            end--;
        }
        String code = value.substring(0, end).toUpperCase(Locale.ROOT);
        if (code.equals("D")) {
            return GERMANY;
        }
        if (code.length() != 3) {
            return null;
        }
        if (IsoCountries.isAssigned(code)) {
            return code;
        }
        for (IcaoCodes special : values()) {
            if (special.name().equals(code)) {
                return code;
            }
        }
        return null;
    }
}
