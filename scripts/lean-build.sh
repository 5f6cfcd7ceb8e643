#!/usr/bin/env bash
# Builds the lean jar (mvn -Dlean: no TensorFlow, no model, no detector classes) from the committed tree in a
# scratch folder and checks it: nothing of TensorFlow or the model inside, and local mode with labels on refuses to
# start with a clear message. Usage: scripts/lean-build.sh   (needs Java 17, Maven, Node.js/npm for dynalite)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git -C "$repo" archive HEAD | tar -x -C "$work"
(cd "$work" && mvn -q -Dlean -DskipTests package)
jar="$work/target/imageproc.jar"
echo "lean jar: $(du -m "$jar" | cut -f1) MB"
if unzip -l "$jar" | grep -E -q 'org/tensorflow/|nanodet\.|org/imageproc/detector/tf/|META-INF/services/org.imageproc.detector'; then
  echo "FAIL: the lean jar carries TensorFlow, the model or the detector" >&2
  exit 1
fi
set +e
output=$(cd "$work" && timeout 120 java -Xmx256m -Dimageproc.data-dir="$work/data" -Dimageproc.local.s3-port=0 \
  -Dimageproc.local.sqs-port=0 -Dimageproc.local.dynamodb-port=0 -Dimageproc.local.rekognition-port=0 \
  -jar "$jar" 2>&1)
status=$?
set -e
if [ "$status" -eq 0 ] || ! grep -q "This build has no local label detector" <<<"$output"; then
  echo "FAIL: local mode with labels on should refuse to start (exit $status):" >&2
  tail -20 <<<"$output" >&2
  exit 1
fi
echo "OK: no TensorFlow or model in the lean jar; local labels refused at startup (exit $status):"
grep -m1 "This build has no local label detector" <<<"$output"
