package org.imageproc.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class DynamoDbRequestsTest {

    @Test
    void writesAreTheItemChangingRequestsMadeBetweenTheReadings() {
        Optional<DynamoDbRequests> requests = DynamoDbRequests.between(
                Optional.of(Map.of("UpdateItem", 10.0, "PutItem", 2.0, "GetItem", 5.0)),
                Optional.of(Map.of("UpdateItem", 40.0, "PutItem", 12.0, "GetItem", 15.0, "BatchWriteItem", 1.0)));

        assertThat(requests).hasValueSatisfying(r -> {
            assertThat(r.writes()).isEqualTo(41.0);
            assertThat(r.perImage(10)).isEqualTo("BatchWriteItem 0.10, GetItem 1.00, PutItem 1.00, UpdateItem 3.00");
        });
    }

    @Test
    void noCounterNoFigure() {
        assertThat(DynamoDbRequests.between(Optional.empty(), Optional.empty())).isEmpty();
        assertThat(DynamoDbRequests.between(Optional.of(Map.of()), Optional.empty())).isEmpty();
    }
}
