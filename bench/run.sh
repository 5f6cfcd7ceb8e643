#!/usr/bin/env bash
# imageproc benchmarks: per-image compute against vipsthumbnail, then the whole pipeline (docs/benchmarks.md,
# "Per-image compute and the whole pipeline").
# Usage, from the project root: bench/run.sh [N]   N = rounds over the corpus in the pipeline burst (default 3).
# Results: stdout and target/bench/results.md; the service's log of part 2: target/bench/service.log.
# BENCH_JAVA_OPTS adds options to part 2's client, e.g. other local ports when 19000/19324/18000 are taken:
#   BENCH_JAVA_OPTS="-Dbench.s3-port=29000 -Dbench.sqs-port=29324 -Dbench.dynamodb-port=28000" bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."

rounds="${1:-3}"
corpus="${BENCH_CORPUS:-../shared/bench/corpus}"
out=target/bench

if ! command -v vipsthumbnail >/dev/null; then
  echo "vipsthumbnail is missing: apt-get install libvips-tools" >&2
  exit 1
fi

# package also compiles the benchmark classes (test sources); the shaded jar carries every runtime dependency
mvn -q -DskipTests package
rm -rf "$out"
mkdir -p "$out"
classpath="target/imageproc.jar:target/test-classes"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"

# 32 MB: the compute must fit in a small slice of the service's 256 MB heap
java -Xmx32m -cp "$classpath" org.imageproc.bench.ComputeBenchmark "$corpus" "$out/compute.md"
echo
status=0
# shellcheck disable=SC2086 # BENCH_JAVA_OPTS holds several options
java -cp "$classpath" ${BENCH_JAVA_OPTS:-} -Dbench.corpus="$corpus" -Dbench.out="$out/pipeline.md" \
  org.imageproc.bench.PipelineBenchmark "$rounds" || status=$?

{
  echo "# imageproc benchmarks"
  echo
  echo "- $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD 2>/dev/null || echo ' (modified)')"
  echo "- $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs), $(free -g | awk '/Mem:/ {print $2}') GB RAM"
  echo "- $(java -version 2>&1 | head -1), $(vipsthumbnail --vips-version)"
  echo "- load average before part 1: $load_before; after part 2: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine skews the figures)"
  echo
  cat "$out/compute.md"
  if [ -f "$out/pipeline.md" ]; then cat "$out/pipeline.md"; fi
} > "$out/results.md"
echo
echo "Results written to $out/results.md"
exit "$status"
