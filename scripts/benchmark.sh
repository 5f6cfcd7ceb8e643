#!/usr/bin/env bash
# Measures the local label detector on this machine: model load time, median and p90 inference, peak RSS, labels per
# shared photo, and pipeline images/second with labels on vs off (see docs/benchmarks.md, "The local label detector").
# Needs ../shared/testdata/labels. Usage: scripts/benchmark.sh [JVM options]   (default -Xmx256m). Other load on the
# machine skews every number: the load average is printed before and after.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/benchmark.cp
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
# one JVM per part, so that each peak RSS is its own
for part in detector labels-on labels-off; do
  java "${@:--Xmx256m}" -Dlogback.configurationFile=src/test/resources/benchmark-logback.xml \
    -cp "target/classes:target/test-classes:$(cat target/benchmark.cp)" org.imageproc.detector.ort.DetectorBenchmark "$part"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
