package org.borderflows.engine.calculator;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.streams.state.HostInfo;
import org.borderflows.domain.RuleSettings;
import org.borderflows.engine.InstanceClient;
import org.borderflows.engine.StayEngine;
import org.borderflows.engine.calculator.CalculatorRequests.Identity;
import org.borderflows.engine.calculator.CalculatorResponse.ForwardedPart;
import org.borderflows.engine.calculator.CalculatorResponse.PartAnswer;
import org.borderflows.engine.topology.EngineSettings;
import org.borderflows.engine.topology.TravellerLookup;
import org.borderflows.platform.TravellerPseudonymiser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a calculator request for any number of travellers (up to the configured limit) in one response: each
 * identity is pseudonymised here (RULES.md §2), the batch is split by the instance that owns each traveller's
 * partition (Kafka Streams key metadata, {@link TravellerLookup#locate}), the other instances' parts are sent to
 * them at once ({@link InstanceClient}, pseudonyms only) while this instance answers its own, and the answers are
 * put back in the order sent. A part whose owner cannot be reached answers {@code UNAVAILABLE} for its travellers,
 * never fails the batch.
 */
@Singleton
public class StayCalculatorService {
    private static final Logger LOG = LoggerFactory.getLogger(StayCalculatorService.class);
    static final String INTERNAL_PATH = "/internal/v1/stay-calculator";
    private static final Duration PART_TIMEOUT = Duration.ofSeconds(30);

    private final TravellerPseudonymiser pseudonymiser;
    private final RuleSettings rules;
    private final StayEngine engine;
    private final InstanceClient instances;
    private final JsonMapper json;

    public StayCalculatorService(
            TravellerPseudonymiser pseudonymiser,
            EngineSettings settings,
            StayEngine engine,
            InstanceClient instances,
            JsonMapper json) {
        this.pseudonymiser = pseudonymiser;
        this.rules = settings.rules();
        this.engine = engine;
        this.instances = instances;
        this.json = json;
    }

    public CalculatorResponse answer(CalculatorMode mode, List<Identity> travellers, String authorization) {
        TravellerLookup lookup = engine.lookup();
        int n = travellers.size();
        String[] ids = new String[n];
        CalculatorItem[] items = new CalculatorItem[n];
        Map<HostInfo, List<Integer>> parts = new LinkedHashMap<>();
        List<Integer> here = new ArrayList<>();
        int[] partitions = new int[n];
        for (int i = 0; i < n; i++) {
            Identity t = travellers.get(i);
            ids[i] = pseudonymiser.pseudonym(t.documentCountry(), t.documentNumber(), t.birthDate());
            TravellerLookup.Result where = lookup.locate(ids[i]);
            if (where instanceof TravellerLookup.Here h) {
                here.add(i);
                partitions[i] = h.partition();
            } else if (where instanceof TravellerLookup.Elsewhere e) {
                parts.computeIfAbsent(e.owner(), k -> new ArrayList<>()).add(i);
            } else {
                items[i] = CalculatorItem.of(mode, ids[i], where, rules);
            }
        }
        Map<HostInfo, CompletableFuture<InstanceClient.Answer>> sent = new LinkedHashMap<>();
        parts.forEach((owner, positions) -> sent.put(
                owner,
                instances.post(
                        owner,
                        INTERNAL_PATH,
                        new ForwardedPart(
                                mode, positions.stream().map(i -> ids[i]).toList()),
                        authorization,
                        PART_TIMEOUT)));
        for (int i : here) {
            items[i] = CalculatorItem.of(mode, ids[i], lookup.findLocal(ids[i], partitions[i]), rules);
        }
        parts.forEach((owner, positions) -> {
            List<CalculatorItem> answered = partAnswer(owner, sent.get(owner), positions.size());
            for (int k = 0; k < positions.size(); k++) {
                int i = positions.get(k);
                items[i] = answered == null
                        ? CalculatorItem.unavailable(ids[i], "owner instance " + owner + " did not answer")
                        : answered.get(k);
            }
        });
        List<CalculatorItem> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(items[i].withReference(travellers.get(i).reference()));
        }
        return CalculatorResponse.of(mode, out);
    }

    /** A part sent by another instance: its travellers as this instance finds them (never routed on again). */
    public PartAnswer answerHere(ForwardedPart part) {
        TravellerLookup lookup = engine.lookup();
        return new PartAnswer(part.travellerIds().stream()
                .map(id -> CalculatorItem.of(part.mode(), id, lookup.findHere(id), rules))
                .toList());
    }

    /** The owner's items, or null when it could not be reached or answered something else than a full part. */
    private List<CalculatorItem> partAnswer(
            HostInfo owner, CompletableFuture<InstanceClient.Answer> answer, int expected) {
        try {
            InstanceClient.Answer a = answer.get();
            if (a.status() != 200) {
                LOG.warn("owner instance {} answered {} to a calculator part", owner, a.status());
                return null;
            }
            PartAnswer part = json.readValue(a.body(), PartAnswer.class);
            return part.items() != null && part.items().size() == expected ? part.items() : null;
        } catch (ExecutionException | IOException e) {
            LOG.warn("owner instance {} could not answer a calculator part: {}", owner, e.toString());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
