package org.borderflows.domain;

import java.util.EnumSet;
import java.util.Set;
import org.borderflows.schema.Purpose;

/**
 * Who is under the 90-days-in-any-180 regime (RULES.md §7, Schengen Borders Code Art. 6): non-residents whose
 * citizenship is not in {@code exemptCitizenships} and whose declared purpose is not in {@code exemptPurposes}
 * (they hold a visa or permit instead). Default: every non-resident whose purpose is not WORK or STUDY.
 */
public record VisaFreeRegime(Set<String> exemptCitizenships, Set<Purpose> exemptPurposes) {

    public VisaFreeRegime {
        exemptCitizenships = Set.copyOf(exemptCitizenships);
        exemptPurposes = exemptPurposes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(exemptPurposes));
    }

    public static VisaFreeRegime defaults() {
        return new VisaFreeRegime(Set.of(), EnumSet.of(Purpose.WORK, Purpose.STUDY));
    }

    public boolean applies(String citizenship, Purpose purpose, boolean resident) {
        return !resident && !exemptCitizenships.contains(citizenship) && !exemptPurposes.contains(purpose);
    }
}
