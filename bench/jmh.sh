#!/usr/bin/env bash
# JMH microbenchmark of the decode/thumbnail path (DecodeBenchmark; docs/benchmarks.md, "Decode and thumbnail").
# Usage, from the project root: bench/jmh.sh [JMH options], e.g. bench/jmh.sh -p file=jpeg12mp/life.jpg -f 3
# Needs the corpus in ../shared/bench/corpus (or -p corpus=DIR). Builds the test classes offline when it can.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt \
  -Dmdep.includeScope=test >/dev/null 2>&1 || mvn -q test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
java -cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" org.openjdk.jmh.Main DecodeBenchmark "$@"
