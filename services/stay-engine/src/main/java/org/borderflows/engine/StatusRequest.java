package org.borderflows.engine;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/** The agency's identification of a traveller (RULES.md §2). Sent in a POST body, never in a URL. */
@Serdeable
public record StatusRequest(
        @NotBlank String documentCountry, @NotBlank String documentNumber, @NotNull LocalDate birthDate) {
    @Override
    public String toString() {
        return "StatusRequest[" + documentCountry + ", number=***, " + birthDate + "]"; // never the number
    }
}
