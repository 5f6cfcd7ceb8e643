#!/usr/bin/env bash
# imageproc benchmarks, the one entry point (docs/benchmarks.md). From the project root:
#   bench/run.sh [N]              issue #11's table in one run (about 4 minutes on 2 cores): per-image compute
#                                 against vipsthumbnail, start to ready on a first run, the pipeline's burst of N
#                                 rounds over the corpus (default 3: 102 uploads) with labels on and off, a paced
#                                 pass, the service's own CPU per image in aws mode, peak RSS, DynamoDB writes
#   bench/run.sh load|scale|both  issue #10's long load and scale runs: bench/load.sh, same arguments
#   bench/run.sh detector         the local detector alone: model load, inference latency, its RSS, labels per photo
#   bench/run.sh startup [N]      start to ready only: N starts (default 3) per case, labels off and on, fresh and
#                                 warm data directory; the median of each (about 3 minutes)
# Results: stdout and target/bench/results.md (issue #11's table first, then each part); each part's Markdown,
# figures (.properties), service logs and RSS samples (*-rss.csv) stay in target/bench/.
# Exit status: 0 when every part measured its figures (whether a target is met is in the table), 1 when a part could
# not (the service not ready or dead, an upload never final, no clean stop: see its log), 2 on wrong usage.
# BENCH_MVN_ARGS adds Maven options (-o when every dependency is cached); BENCH_CORPUS replaces ../shared/bench/corpus;
# BENCH_JAVA_OPTS adds -Dbench.* options to every part, e.g. BENCH_JAVA_OPTS="-Dbench.heap=512m".
set -euo pipefail
cd "$(dirname "$0")/.."

case "${1:-}" in
  load | scale | both) exec bench/load.sh "$@" ;;
  detector | startup | '' | [0-9]*) ;;
  *) echo "usage: bench/run.sh [N] | load [N] | scale [N] [P] | both [N] [M] | detector | startup [N]" >&2; exit 2 ;;
esac

corpus="${BENCH_CORPUS:-../shared/bench/corpus}"
out=target/bench
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

# A first run unpacks the detector's natives (ONNX Runtime, about 17 MB) into <data-dir>/.runtime; every part below
# starts the service on a fresh data directory, so first-start measures a first run, unpacking included.

# the local detector alone (was scripts/benchmark.sh): needs ../shared/testdata/labels and the test classpath
if [ "${1:-}" = detector ]; then
  # shellcheck disable=SC2086
  mvn -q ${BENCH_MVN_ARGS:-} -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/benchmark.cp
  echo "load average before: $(loadavg) on $(nproc) cores"
  java -Xmx256m -Dlogback.configurationFile=src/test/resources/benchmark-logback.xml \
    -cp "target/classes:target/test-classes:$(cat target/benchmark.cp)" org.imageproc.detector.ort.DetectorBenchmark \
    detector
  echo "load average after: $(loadavg)"
  exit 0
fi

# start to ready alone, each case N times: a fresh data directory with an empty native cache, and a warm one
if [ "${1:-}" = startup ]; then
  # shellcheck disable=SC2086
  mvn -q ${BENCH_MVN_ARGS:-} -DskipTests package
  mkdir -p "$out"
  echo "load average before: $(loadavg) on $(nproc) cores"
  # shellcheck disable=SC2086 # BENCH_JAVA_OPTS holds several options
  java ${BENCH_JAVA_OPTS:-} -cp target/imageproc.jar:target/test-classes \
    org.imageproc.bench.StartupBenchmark "${2:-3}"
  echo "load average after: $(loadavg)"
  exit 0
fi

rounds="${1:-3}"
if ! command -v vipsthumbnail >/dev/null; then
  echo "vipsthumbnail is missing: apt-get install libvips-tools" >&2
  exit 1
fi

# package also compiles the benchmark classes (test sources); the shaded jar carries every runtime dependency
# shellcheck disable=SC2086
mvn -q ${BENCH_MVN_ARGS:-} -DskipTests package
rm -rf "$out"
mkdir -p "$out"
classpath="target/imageproc.jar:target/test-classes"
started=$(date +%s)
began="$(date -u +%Y-%m-%dT%H:%MZ)"
load_before="$(loadavg)"
status=0
loads=()

# one part in a JVM of its own: its load average before, and whether it measured everything
part() {
  local name="$1"
  shift
  echo
  echo "=== $name (load average $(loadavg))"
  loads+=("$name $(loadavg | cut -d' ' -f1)")
  # shellcheck disable=SC2086 # BENCH_JAVA_OPTS holds several options
  java ${BENCH_JAVA_OPTS:-} -Dbench.corpus="$corpus" "$@" || {
    echo "part $name could not measure everything (see above and its log in $out/)" >&2
    status=1
  }
}

# 64 MB, a quarter of the service's 256 MB heap (its pixel budget): the compute of one image with the labels' working
# image; at 32 MB ImageIO's decode of a 12 MP progressive JPEG at half size runs out of memory (as it did before),
# and at 48 MB garbage collection cuts the 12 MP figure by 10-25 %; G1 as the README's run command sets it (a fixed
# marking threshold: with the adaptive one, this small heap and the big arrays of each image ran a marking cycle
# per image and took a quarter off the 12 MP figure in some JVMs)
part compute -Xmx64m -XX:-G1UseAdaptiveIHOP -cp "$classpath" org.imageproc.bench.ComputeBenchmark "$corpus" \
  "$out/compute.md"
part first-start -cp "$classpath" -Dbench.name=first-start org.imageproc.bench.PipelineBenchmark 0
part labels -cp "$classpath" -Dbench.name=labels org.imageproc.bench.PipelineBenchmark "$rounds"
part labels-off -cp "$classpath" -Dbench.name=labels-off -Dbench.labels=off -Dbench.paced=false \
  org.imageproc.bench.PipelineBenchmark "$rounds"
part service-cpu -cp "$classpath" org.imageproc.bench.ServiceCpuBenchmark "$rounds"
java -cp "$classpath" org.imageproc.bench.IssueTable "$out" "$out/summary.md" >/dev/null

{
  echo "# imageproc benchmarks"
  echo
  echo "- $began, commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD 2>/dev/null || echo ' (modified)'), \`bench/run.sh $rounds\`, $(( $(date +%s) - started )) s"
  echo "- $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs), $(free -g | awk '/Mem:/ {print $2}') GB RAM"
  echo "- $(java -version 2>&1 | head -1), $(vipsthumbnail --vips-version)"
  echo "- load average before: $load_before; after: $(loadavg); 1-minute load before each part: $(IFS=,; echo "${loads[*]}" | sed 's/,/, /g') (other work on the machine skews the figures)"
  echo "- first start: a fresh data directory, so the detector's natives (ONNX Runtime) are unpacked into it"
  echo
} > "$out/header.md"
cat "$out/header.md"
cat "$out/summary.md"
{
  cat "$out/header.md"
  cat "$out/summary.md"
  for name in compute first-start labels labels-off service-cpu; do
    if [ -f "$out/$name.md" ]; then
      echo
      cat "$out/$name.md"
    fi
  done
} > "$out/results.md"
echo "Results written to $out/results.md; exit status $status"
exit "$status"
