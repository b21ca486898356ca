package org.borderflows.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The metric names {@link PromQl} finds in the kinds of expression deploy/observability uses. */
class PromQlTest {

    @Test
    void aHistogramQuantileReadsOnlyItsBucketSeries() {
        assertThat(PromQl.selectors("histogram_quantile(0.99, sum by (le) (rate("
                        + "border_flows_card_to_table_seconds_bucket{job=\"flow-query\"}[5m]))) > 2"))
                .isEqualTo(Map.of("border_flows_card_to_table_seconds_bucket", Set.of("flow-query")));
    }

    @Test
    void labelListsStringsRangesAndSubqueriesAreNotMetrics() {
        assertThat(PromQl.metricNames("sum by (job) (kafka_consumer_fetch_manager_records_lag) > 1000 and sum"
                        + " without (instance, le) (deriv(kafka_consumer_fetch_manager_records_lag[10m:1m])) > 0"))
                .containsExactly("kafka_consumer_fetch_manager_records_lag");
        assertThat(PromQl.metricNames("sum(rate(a_total{status=\"503\", uri!~\"/x|{y}\"}[5m])) / on (job)"
                        + " group_left (version) sum(rate(b_total[5m] offset 1h))"))
                .containsExactly("a_total", "b_total");
    }

    @Test
    void aSelectorWithoutJobIsNotTiedToAService() {
        assertThat(PromQl.selectors("up{job=~\"card-gateway|flow-query\"} == 0 or max(x)"))
                .isEqualTo(Map.of("up", Set.of(""), "x", Set.of("")));
    }
}
