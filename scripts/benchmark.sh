#!/usr/bin/env bash
# Measures the local label detector on this machine: model load time, median and p90 inference, peak RSS, labels per
# shared photo, and pipeline images/second with labels on vs off (see README, "Local label detection").
# Needs ../shared/testdata/labels. Usage: scripts/benchmark.sh [extra JVM options]   (default -Xmx256m)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/benchmark.cp
export TF_CPP_MIN_LOG_LEVEL=2
exec java "${@:--Xmx256m}" -Dlogback.configurationFile=src/test/resources/benchmark-logback.xml \
  -cp "target/classes:target/test-classes:$(cat target/benchmark.cp)" org.imageproc.detector.tf.DetectorBenchmark
