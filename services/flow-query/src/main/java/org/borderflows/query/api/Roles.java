package org.borderflows.query.api;

/** Roles of the API users (configured in {@code border-flows.security.users.<name>.roles}). */
final class Roles {
    /** The border agency: everything, including per-person lists. */
    static final String AGENCY = "agency";
    /** Statisticians: exact (unprotected) tables. */
    static final String STATISTICIAN = "statistician";

    private Roles() {}

    /** Whether a caller sees exact figures (agency, statistician); everyone else gets protected ones (§10). */
    static boolean seesExactFigures(io.micronaut.security.authentication.Authentication authentication) {
        return authentication != null
                && (authentication.getRoles().contains(AGENCY)
                        || authentication.getRoles().contains(STATISTICIAN));
    }
}
