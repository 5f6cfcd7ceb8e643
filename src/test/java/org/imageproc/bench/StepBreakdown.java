package org.imageproc.bench;

import static org.imageproc.bench.MarkdownTable.num;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/** Where an image's time goes: median ms of the queue, each recorded step and the whole run, one column per pass. */
final class StepBreakdown {

    private StepBreakdown() {
    }

    static MarkdownTable of(List<String> passNames, List<List<Outcome>> passes) {
        List<String> header = new ArrayList<>(List.of("median ms per image"));
        header.addAll(passNames);
        MarkdownTable table = new MarkdownTable(header.toArray(String[]::new));
        table.row(cells("upload start to run start (S3, notification, queue)", passes, Outcome::queuedMs));
        Set<String> steps = new LinkedHashSet<>();
        passes.forEach(outcomes -> outcomes.forEach(outcome -> outcome.steps().forEach(step -> steps.add(step.name()))));
        for (String step : steps) {
            table.row(cells("step " + step, passes, outcome -> outcome.steps().stream()
                    .filter(recorded -> recorded.name().equals(step)).mapToDouble(Outcome.Step::durationMs)
                    .findFirst().orElse(Double.NaN)));
        }
        table.row(cells("run start to finishedAt", passes, Outcome::runMs));
        table.row(cells("upload start to finishedAt", passes, Outcome::latencyMs));
        return table;
    }

    private static Object[] cells(String label, List<List<Outcome>> passes, ToDoubleFunction<Outcome> measure) {
        List<String> cells = new ArrayList<>(List.of(label));
        for (List<Outcome> outcomes : passes) {
            List<Double> values = outcomes.stream().map(measure::applyAsDouble).filter(value -> !value.isNaN())
                    .toList();
            cells.add(values.isEmpty() ? "" : num(Stats.of(values).median(), 0));
        }
        return cells.toArray();
    }
}
