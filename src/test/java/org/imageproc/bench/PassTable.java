package org.imageproc.bench;

import static org.imageproc.bench.MarkdownTable.num;

import java.util.List;

/** The pipeline passes side by side: counts, images/second, latency percentiles and CPU per image. */
final class PassTable {

    private PassTable() {
    }

    /** One row per pass, then the paced pass again per corpus folder. */
    static MarkdownTable of(List<Pass> passes, List<CorpusFolder> folders) {
        MarkdownTable table = new MarkdownTable("pass", "images", "succeeded", "failed", "uploads sent in s", "img/s",
                "p50", "p90", "p99", "max", "CPU ms/img: JVM", "DynamoDB");
        for (Pass pass : passes) {
            row(table, pass.name(), pass.outcomes(), num(pass.uploadSeconds(), 1),
                    num(pass.serviceCpuMsPerImage(), 0), num(pass.childrenCpuMsPerImage(), 0));
        }
        passes.stream().filter(pass -> pass.name().equals("paced")).findFirst().ifPresent(paced ->
                folders.forEach(folder -> row(table, "paced " + folder.name(), paced.outcomes().stream()
                        .filter(outcome -> outcome.upload().folder().equals(folder.name())).toList(), "", "", "")));
        return table;
    }

    private static void row(MarkdownTable table, String name, List<Outcome> outcomes, String uploadSeconds,
            String jvmCpu, String dynamoDbCpu) {
        if (outcomes.isEmpty()) {
            return;
        }
        Throughput figures = Throughput.of(outcomes);
        Stats latency = figures.latency();
        table.row(name, outcomes.size(), figures.succeeded(), outcomes.size() - figures.succeeded(), uploadSeconds,
                num(figures.perSecond(), 1), num(latency.median(), 0), num(latency.percentile(90), 0),
                num(latency.percentile(99), 0), num(latency.max(), 0), jvmCpu, dynamoDbCpu);
    }
}
