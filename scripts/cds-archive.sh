#!/usr/bin/env bash
# Makes target/imageproc.jsa, a class-data (CDS) archive of the classes a start of target/imageproc.jar loads, so that
# later starts load them ready-made: about a third less CPU per start (docs/local-stack.md#startup). mvn package runs
# it after shading the jar (skip with -Dcds.skip); by hand, after a build made with -Dcds.skip:
#   scripts/cds-archive.sh
#   java -XX:SharedArchiveFile=target/imageproc.jsa -XX:-G1UseAdaptiveIHOP -jar target/imageproc.jar
# It starts the jar once in local mode with labels on, on a scratch data directory and free ports, and lets camel-main
# stop it 2 s after it started (the detector loads in the background well before); the JVM writes the archive as it
# exits. The archive fits this build of the jar and this java only: with another, the JVM warns that it does not
# match and starts without it. Needs what local mode needs (Node.js for dynalite).
set -euo pipefail
cd "$(dirname "$0")/.."
# absolute: the archive names the jar as the training start did, and a start from another directory must find it
jar=$PWD/target/imageproc.jar
archive=$PWD/target/imageproc.jsa
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -f "$jar" ] || { echo "no $jar: run mvn -DskipTests package first" >&2; exit 1; }
rm -f "$archive"
# port 0: every server on a free port, so a running service on the default ports is left alone
if ! java -XX:ArchiveClassesAtExit="$archive" -Xlog:cds=error -Xmx256m -Dimageproc.data-dir="$work/data" \
  -Dimageproc.local.s3-port=0 -Dimageproc.local.sqs-port=0 -Dimageproc.local.dynamodb-port=0 \
  -Dimageproc.local.rekognition-port=0 -Dimageproc.web.port=0 -Dimageproc.management.port=0 \
  -Dimageproc.labels.enabled=true -Dcamel.main.duration-max-seconds=2 -jar "$jar" >"$work/log" 2>&1 \
  || ! grep -q ' ready in ' "$work/log" || [ ! -s "$archive" ]; then
  echo "the training start for the class-data archive failed (build with -Dcds.skip to go without it); its output:" >&2
  tail -30 "$work/log" >&2
  exit 1
fi
echo "$(grep -o 'imageproc ready in .*' "$work/log") without the archive; $archive: $(du -m "$archive" | cut -f1) MB"
echo "start with: java -XX:SharedArchiveFile=$archive -XX:-G1UseAdaptiveIHOP -jar $jar"
