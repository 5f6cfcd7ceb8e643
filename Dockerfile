# imageproc in a container: the lean jar (no local stack, no ONNX Runtime, no local detector; production uses Amazon Rekognition) on
# Debian's OpenJDK 17. Build the jar first, then the image:
#   mvn -Dlean -DskipTests package && docker build -t imageproc:0.1.0 .
#
# Why Debian's OpenJDK 17 and not a Temurin image: Debian builds its JDK against the system libjpeg-turbo
# (libjpeg62-turbo, a dependency of openjdk-17-jre-headless), so ImageIO decodes JPEG with SIMD code; Temurin bundles
# the older IJG libjpeg. Measured on the development machine, the thumbnail pipeline ran 2.5x faster on Debian's
# OpenJDK 17 than on Temurin 25.
FROM debian:bookworm-slim

# the JRE's postinst writes man pages, which the slim image leaves out
RUN mkdir -p /usr/share/man/man1 \
    && apt-get update \
    && apt-get install -y --no-install-recommends openjdk-17-jre-headless \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY target/imageproc.jar /app/imageproc.jar

# in a container the service talks to real AWS and listens on all interfaces (web app, management server)
ENV IMAGEPROC_MODE=aws IMAGEPROC_WEB_HOST=0.0.0.0 IMAGEPROC_MANAGEMENT_HOST=0.0.0.0
# glibc makes up to 8 malloc arenas per core; two keep native memory flat under the container's limit
ENV MALLOC_ARENA_MAX=2
# read by the java launcher itself, so Kubernetes can replace it without a shell in between; the heap is half the
# container's memory limit, the other half is metaspace, threads, code cache, native image buffers and glibc
# G1 with a fixed threshold for concurrent marking: every image allocates arrays of a megabyte and more, and G1's
# adaptive threshold then sinks until each one starts a marking cycle (docs/benchmarks.md, "Garbage collection")
ENV JDK_JAVA_OPTIONS="-XX:MaxRAMPercentage=50 -XX:-G1UseAdaptiveIHOP -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp"

# web app and REST API (imageproc.web.port), management server: health, metrics, Jolokia (imageproc.management.port)
EXPOSE 8080 9876

# a numeric non-root user, so Kubernetes can check runAsNonRoot; it writes only to /tmp
USER 10001:10001

# exec form: java is PID 1 and gets SIGTERM, so Camel finishes in-flight images before the JVM exits
ENTRYPOINT ["java", "-jar", "/app/imageproc.jar"]
