#!/usr/bin/env bash
# imageproc load and scale benchmarks (docs/benchmarks.md, "Load and scale"; issue #10 "Nothing lost"); also run as
# bench/run.sh load|scale|both, the one entry point.
# Usage, from the project root:
#   bench/load.sh load  [N]       N uploads through one service in local mode (default 10000)
#   bench/load.sh scale [N] [P]   N uploads through 1 service, then through P services (default 3) sharing one local
#                                 stack as competing consumers (default 10000 each)
#   bench/load.sh both  [N] [M]   load with N, then scale with M (defaults 10000 and 10000)
# Results: stdout, target/bench/load.md and/or scale.md; logs and RSS samples beside them. Exits non-zero when an
# upload is lost, failed, finished twice or left RUNNING, or a queue is not drained.
# BENCH_LABELS=off runs without label detection (items say SKIPPED); BENCH_JAVA_OPTS adds -Dbench.* options, e.g.
#   BENCH_JAVA_OPTS="-Dbench.window=64 -Dbench.corpus-every=0" bench/load.sh load 3000
set -euo pipefail
cd "$(dirname "$0")/.."

what="${1:-load}"
corpus="${BENCH_CORPUS:-../shared/bench/corpus}"
out=target/bench
case "$what" in
  load | scale | both) ;;
  *) echo "usage: bench/load.sh load [N] | scale [N] [P] | both [N] [M]" >&2; exit 2 ;;
esac

# package also compiles the benchmark classes (test sources); the shaded jar carries every runtime dependency
# BENCH_MVN_ARGS adds Maven options, e.g. -o when every dependency is cached
# shellcheck disable=SC2086
mvn -q ${BENCH_MVN_ARGS:-} -DskipTests package
mkdir -p "$out"
classpath="target/imageproc.jar:target/test-classes"
started=$(date +%s)

run() {
  local main="$1" md="$2"
  shift 2
  local load_before began status=0
  load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
  began="$(date -u +%Y-%m-%dT%H:%MZ)"
  rm -f "$out/$md"
  # shellcheck disable=SC2086 # BENCH_JAVA_OPTS holds several options
  java -Xmx512m -cp "$classpath" ${BENCH_JAVA_OPTS:-} -Dbench.corpus="$corpus" -Dbench.out="$out/$md" \
    -Dbench.labels="${BENCH_LABELS:-on}" "org.imageproc.bench.$main" "$@" || status=$?
  if [ -f "$out/$md" ]; then
    {
      head -n 2 "$out/$md"
      echo "- $began, commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD 2>/dev/null || echo ' (modified)'), \`bench/load.sh $what\` ($main $*)"
      echo "- $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs), $(free -g | awk '/Mem:/ {print $2}') GB RAM, $(java -version 2>&1 | head -1)"
      echo "- load average before: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine skews the figures)"
      tail -n +3 "$out/$md"
    } > "$out/$md.tmp" && mv "$out/$md.tmp" "$out/$md"
  fi
  return "$status"
}

status=0
case "$what" in
  load) run LoadBenchmark load.md "${2:-10000}" || status=$? ;;
  scale) run ScaleBenchmark scale.md "${2:-10000}" "${3:-3}" || status=$? ;;
  both)
    run LoadBenchmark load.md "${2:-10000}" || status=$?
    run ScaleBenchmark scale.md "${3:-10000}" 3 || status=$?
    ;;
esac
echo
echo "$(nproc) CPUs, load average after: $(cut -d' ' -f1-3 /proc/loadavg); $(( $(date +%s) - started )) s in all"
echo "Results in $out/ (load.md, scale.md); exit status $status"
exit "$status"
