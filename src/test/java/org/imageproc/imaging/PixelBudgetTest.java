package org.imageproc.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

/** The decodes' pixel budget: claims wait for free pixels, give them back once, and an oversized one runs alone. */
class PixelBudgetTest {

    @Test
    void theDefaultIsAQuarterOfTheHeapAtFourBytesAPixel() {
        assertThat(PixelBudget.ofHeap(256L << 20).pixels()).isEqualTo(16_777_216);
    }

    @Test
    void aClaimWaitsUntilEnoughIsGivenBack() {
        PixelBudget budget = new PixelBudget(100);
        PixelBudget.Claim first = budget.claim(60);

        CompletableFuture<PixelBudget.Claim> second = CompletableFuture.supplyAsync(() -> budget.claim(60));
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5)).until(() -> !second.isDone());
        first.close();

        await().atMost(Duration.ofSeconds(5)).until(second::isDone);
        assertThat(budget.available()).isEqualTo(40);
        second.join().close();
        assertThat(budget.available()).isEqualTo(100);
    }

    @Test
    void aClaimLargerThanTheBudgetTakesAllOfItAndGivesItBackOnce() {
        PixelBudget budget = new PixelBudget(100);

        PixelBudget.Claim alone = budget.claim(5_000);
        assertThat(budget.available()).isZero();
        alone.close();
        alone.close();

        assertThat(budget.available()).isEqualTo(100);
    }
}
