#!/usr/bin/env bash
# Builds the lean jar (mvn -Dlean: the jar for aws mode, without the local stack or the detector) from the committed
# tree in a scratch folder and checks it: no class of the local stack, the detector or their libraries (s3proxy,
# ElasticMQ, H2, Pekko, Scala, Jetty, ONNX Runtime), no dynalite or model inside, and local mode refuses to start with
# a clear message. Usage: scripts/lean-build.sh   (needs Java 17, Maven, Node.js/npm for dynalite)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git -C "$repo" archive HEAD | tar -x -C "$work"
(cd "$work" && mvn -q -Dlean -DskipTests package)
jar="$work/target/imageproc.jar"
echo "lean jar: $(du -m "$jar" | cut -f1) MB"
forbidden='org/imageproc/local/|org/imageproc/detector/|ai/onnxruntime/|nanodet\.|dynalite\.zip|org/gaul/|org/elasticmq/|org/h2/|org/apache/pekko/|^ *[0-9]+ +[0-9-]+ +[0-9:]+ +scala/|org/eclipse/jetty/|META-INF/services/org.imageproc'
if unzip -l "$jar" | grep -E "$forbidden"; then
  echo "FAIL: the lean jar carries the local stack, the detector or one of their libraries (above)" >&2
  exit 1
fi
set +e
output=$(cd "$work" && timeout 120 java -Xmx256m -Dimageproc.data-dir="$work/data" -Dimageproc.local.s3-port=0 \
  -Dimageproc.local.sqs-port=0 -Dimageproc.local.dynamodb-port=0 -Dimageproc.local.rekognition-port=0 \
  -jar "$jar" 2>&1)
status=$?
set -e
if [ "$status" -eq 0 ] || ! grep -q "This build has no local AWS stack" <<<"$output"; then
  echo "FAIL: local mode should refuse to start (exit $status):" >&2
  tail -20 <<<"$output" >&2
  exit 1
fi
echo "OK: no local stack, detector or their libraries in the lean jar; local mode refused at startup (exit $status):"
grep -m1 "This build has no local AWS stack" <<<"$output"
