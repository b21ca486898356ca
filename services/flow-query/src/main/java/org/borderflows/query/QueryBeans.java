package org.borderflows.query;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import org.borderflows.domain.RuleSettings;
import org.borderflows.query.sdmx.SdmxService;
import org.borderflows.query.tables.Cube;
import org.borderflows.query.tables.Protection;
import org.borderflows.query.tables.TableQueries;
import org.borderflows.query.tables.Vintages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires the framework-free table code into Micronaut. */
@Factory
final class QueryBeans {
    private static final Logger LOG = LoggerFactory.getLogger(QueryBeans.class);

    @Singleton
    Cube cube() {
        return new Cube();
    }

    @Singleton
    TableQueries tableQueries(Cube cube, QueryConfig config, RuleSettings rules) {
        if (QueryConfig.DEV_PROTECTION_KEY.equals(config.protectionKey())) {
            LOG.warn("using the development protection key: set FLOW_QUERY_PROTECTION_KEY outside the local demo");
        }
        return new TableQueries(
                cube,
                new Protection(config.protectionKey().getBytes(StandardCharsets.UTF_8)),
                config.estimatorMinCohort(),
                rules,
                new Vintages());
    }

    @Singleton
    SdmxService sdmxService(TableQueries queries, SdmxConfig config) {
        return new SdmxService(queries, config.agency());
    }
}
