package org.borderflows.engine.calculator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.borderflows.domain.StayCalculator;
import org.borderflows.domain.StayCalculator.ControlCheck;
import org.borderflows.domain.StayCalculator.PlanCheck;
import org.borderflows.domain.StayCalculator.PlannedStay;
import org.borderflows.domain.StayCalculator.PlannedStayCheck;
import org.junit.jupiter.api.Test;

/** The calculator's CSV answer: a line per traveller (per planned stay in planning), RFC 4180 quoting. */
class CalculatorCsvTest {

    @Test
    void controlDateModeHasALinePerTravellerAndQuotesAReferenceWithACommaOrALineBreak() {
        ControlCheck check = new ControlCheck(
                StayCalculator.Result.CALCULATED,
                LocalDate.of(2014, 6, 9),
                99,
                0,
                true,
                LocalDate.of(2014, 5, 1),
                LocalDate.of(2014, 5, 31),
                9);
        CalculatorResponse response = CalculatorResponse.of(
                CalculatorMode.control(LocalDate.of(2014, 6, 9)),
                List.of(
                        new CalculatorItem("row 1, seat 12A", "p1", "CALCULATED", null, check, null),
                        new CalculatorItem("say \"hi\"\r", "p2", CalculatorItem.UNKNOWN_TRAVELLER, "no", null, null)));

        assertThat(CalculatorCsv.write(response))
                .isEqualTo(CalculatorCsv.CONTROL_HEADER + "\r\n"
                        + "\"row 1, seat 12A\",p1,CALCULATED,2014-06-09,99,0,true,2014-05-01,2014-05-31,9\r\n"
                        + "\"say \"\"hi\"\"\r\",p2,UNKNOWN_TRAVELLER,,,,,,,\r\n");
    }

    @Test
    void planningModeHasALinePerPlannedStay() {
        PlannedStay june = new PlannedStay(LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 30));
        PlannedStay july = new PlannedStay(LocalDate.of(2025, 7, 5), LocalDate.of(2025, 7, 10));
        PlanCheck plan = new PlanCheck(
                StayCalculator.Result.CALCULATED,
                LocalDate.of(2025, 3, 10),
                false,
                false,
                List.of(
                        new PlannedStayCheck(june.entry(), june.exit(), true, LocalDate.of(2025, 7, 29), 0, 60),
                        new PlannedStayCheck(july.entry(), july.exit(), false, LocalDate.of(2025, 7, 8), 2, 92)));
        CalculatorResponse response = CalculatorResponse.of(
                CalculatorMode.plan(List.of(june, july)),
                List.of(new CalculatorItem("1", "p1", "CALCULATED", null, null, plan)));

        assertThat(CalculatorCsv.write(response).split("\r\n"))
                .containsExactly(
                        CalculatorCsv.PLAN_HEADER,
                        "1,p1,CALCULATED,2025-03-10,false,false,2025-06-01,2025-06-30,true,2025-07-29,0,60",
                        "1,p1,CALCULATED,2025-03-10,false,false,2025-07-05,2025-07-10,false,2025-07-08,2,92");
    }
}
