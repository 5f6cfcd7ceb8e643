package org.imageproc.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IssueTableTest {

    @Test
    void aRowMeetsItsTargetOnlyWhenEveryPartOfItDoes() {
        Figures figures = new Figures()
                .put("compute.jpeg12mp.ours", 25).put("compute.jpeg12mp.vips", 20)
                .put("compute.jpeg_native.ours", 9).put("compute.jpeg_native.vips", 10)
                .put("labels.burst.failed", 0).put("labels.burst.images", 102).put("labels.failed-deliveries", 1)
                .put("labels.oom-lines", 2).put("labels.burst.img-per-s", 9).put("labels.burst.p50-ms", 4000);

        IssueTable table = IssueTable.of(figures);

        assertThat(table.render())
                .contains("| per-image compute, 12 MP JPEG, 1 thread, ours / vipsthumbnail | 1.25 (25.0 vs 20.0 img/s)"
                        + " | >= 1.0 | yes |")
                .contains("| camera originals (2 progressive), ours / vips | 0.90 (9.0 vs 10.0 img/s) | >= 1.0 | **no** |")
                .contains("0 of 102 failed (1 failed deliveries the queue retried, whole run), 2 OutOfMemoryError in"
                        + " the log, 9.0 img/s, p50 4.0 s | 0 failed, 0 OutOfMemoryError, >= 8 img/s | **no** |");
        assertThat(table.met()).isEqualTo(1);
    }

    @Test
    void aFigureNoPartWroteIsNotMeasuredRatherThanZero() {
        IssueTable table = IssueTable.of(new Figures().put("labels.dynamodb-writes", "n/a (counter missing)"));

        assertThat(table.render())
                .contains("| the same burst, labels off | not measured (no labels-off.burst.img-per-s) | >= 14 img/s | – |")
                .contains("| DynamoDB writes per image (paced pass, local labels) | n/a (counter missing) | <= 3 | – |");
        assertThat(table.met()).isZero();
    }
}
