package org.borderflows.engine.calculator;

import io.micronaut.serde.annotation.SerdeImport;
import org.borderflows.domain.StayCalculator;

/** JSON (de)serialisation of the domain's calculator values, which know nothing of Micronaut. */
@SerdeImport(StayCalculator.ControlCheck.class)
@SerdeImport(StayCalculator.PlanCheck.class)
@SerdeImport(StayCalculator.PlannedStayCheck.class)
@SerdeImport(StayCalculator.PlannedStay.class)
final class DomainSerdes {
    private DomainSerdes() {}
}
