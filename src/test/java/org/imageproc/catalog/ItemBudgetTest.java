package org.imageproc.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.imageproc.labels.Label;
import org.imageproc.labels.LabelInstance;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ItemBudgetTest {

    private static final int LIMIT = 20_000;
    private final ItemBudget budget = new ItemBudget(LIMIT);

    @Test
    void whatFitsIsKeptWhole() {
        List<Label> labels = labels(5, 2);

        ItemBudget.Fitted fitted = budget.fit(labels, List.of("a warning"));

        assertThat(fitted.labels()).isEqualTo(labels);
        assertThat(fitted.warnings()).containsExactly("a warning");
    }

    @Test
    void boxesGoFirstThenTheLeastConfidentLabelsEachWithAWarning() {
        List<Label> labels = labels(400, 20);

        ItemBudget.Fitted fitted = budget.fit(labels, List.of());

        assertThat(fitted.labels()).allSatisfy(label -> assertThat(label.instances()).isEmpty());
        assertThat(fitted.labels()).hasSizeBetween(1, 399);
        float weakestKept = (float) fitted.labels().stream().mapToDouble(Label::confidence).min().orElseThrow();
        assertThat(labels.stream().filter(label -> !fitted.labels().stream().map(Label::name).toList()
                .contains(label.name()))).allSatisfy(dropped -> assertThat(dropped.confidence()).isLessThanOrEqualTo(weakestKept));
        assertThat(fitted.warnings()).containsExactly(
                "The item was too large for DynamoDB: the labels' bounding boxes were left out",
                "The item was too large for DynamoDB: only the " + fitted.labels().size()
                        + " most confident of 400 labels were kept");
        assertThat(storedSize(fitted)).isLessThanOrEqualTo(LIMIT);
    }

    @Test
    void theDefaultBudgetKeepsAThousandLabelsWithBoxesUnderDynamoDbsLimit() {
        ItemBudget.Fitted fitted = new ItemBudget().fit(labels(1000, 100), List.of("w".repeat(2000)));

        assertThat(storedSize(fitted)).isLessThan(400 * 1024 - 30 * 1024);
    }

    /** The bytes DynamoDB would count for these attributes, by its published rules (names plus values). */
    private static int storedSize(ItemBudget.Fitted fitted) {
        List<AttributeValue> labels = fitted.labels().stream().map(ImageCatalog::label).toList();
        return size(AttributeValue.fromL(labels)) + fitted.warnings().stream().mapToInt(String::length).sum();
    }

    private static int size(AttributeValue value) {
        if (value.s() != null) {
            return value.s().length();
        }
        if (value.n() != null) {
            return value.n().length() / 2 + 2;
        }
        if (value.hasL()) {
            return 3 + value.l().stream().mapToInt(item -> 1 + size(item)).sum();
        }
        if (value.hasM()) {
            return 3 + value.m().entrySet().stream().mapToInt(e -> 1 + e.getKey().length() + size(e.getValue())).sum();
        }
        return 1;
    }

    private static List<Label> labels(int count, int boxes) {
        List<Label> labels = new ArrayList<>();
        IntStream.range(0, count).forEach(i -> labels.add(new Label("Label number " + i, 99f - i * 0.05f,
                List.of("Parent " + i, "Grandparent"),
                IntStream.range(0, boxes).mapToObj(b -> new LabelInstance(0.1f, 0.2f, 0.3f, 0.4f, 88.5f)).toList())));
        return labels;
    }
}
