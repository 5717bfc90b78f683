# syntax=docker/dockerfile:1
# One Dockerfile for the four services:
#   docker build --build-arg SERVICE=lab-service -t kelas/lab-service:0.1.0 .
# Stage 1 builds just that service and the modules it needs; stage 2 is Debian bookworm with a
# Java 17 runtime, curl (for health checks) and the service's quarkus-app. lab-service's image also
# carries what its graders run: bubblewrap and util-linux (sandbox, prlimit, setpriv), GNU time (a run's
# peak memory), Python 3,
# gcc with libc headers, Node.js, a full JDK 17 (javac for the java language), the offline reviewer's pyflakes, pycodestyle and cppcheck, and chromium (the WEB
# lab's headless browser, driven by our node harness).

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
ARG SERVICE
RUN case "$SERVICE" in \
      auth-service|learning-service|lab-service|notification-service) ;; \
      *) echo "--build-arg SERVICE must be auth-service, learning-service, lab-service or notification-service" >&2; exit 1 ;; \
    esac
# The git commit GET /version names (the build context has no .git):
#   docker build --build-arg SERVICE=... --build-arg KELAS_GIT_COMMIT=$(git rev-parse HEAD) .
ARG KELAS_GIT_COMMIT=unknown
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q -DskipTests -Dkelas.git.commit="$KELAS_GIT_COMMIT" -pl "$SERVICE" -am package

FROM debian:bookworm-slim
ARG SERVICE
# mkdir: the JDK's postinst links man pages, whose directory slim images leave out.
# The symlink gives the JDK an architecture-independent path (java-17-openjdk-amd64 / -arm64);
# KELAS_LAB_JAVA_HOME points at it, and the sandbox's read-only /usr bind makes it resolve there too.
# learning-service draws PNG charts (JFreeChart, headless AWT), whose text needs fontconfig and a font.
RUN set -eux; \
    mkdir -p /usr/share/man/man1; \
    packages="openjdk-17-jre-headless curl ca-certificates"; \
    if [ "$SERVICE" = "lab-service" ]; then \
      packages="$packages openjdk-17-jdk-headless bubblewrap util-linux time python3 gcc libc6-dev nodejs chromium pyflakes3 pycodestyle cppcheck"; \
    fi; \
    if [ "$SERVICE" = "learning-service" ]; then packages="$packages fontconfig fonts-dejavu-core"; fi; \
    apt-get update; \
    apt-get install -y --no-install-recommends $packages; \
    rm -rf /var/lib/apt/lists/*; \
    ln -s "java-17-openjdk-$(dpkg --print-architecture)" /usr/lib/jvm/java-17-openjdk; \
    groupadd --system --gid 185 kelas; \
    useradd --system --uid 185 --gid 185 --home-dir /app --shell /usr/sbin/nologin kelas; \
    install -d -o 185 -g 185 -m 0750 /var/lib/kelas /var/lib/kelas/learning-files /var/lib/kelas/auth-files
# java.awt.headless: learning-service draws charts and auth-service resizes avatars with AWT, never on a display.
ENV KELAS_LAB_JAVA_HOME=/usr/lib/jvm/java-17-openjdk \
    JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true"
WORKDIR /app
# Owned by root, read-only to the service: the container can run with a read-only root filesystem
# (it writes only to /tmp, for graders the sandbox work root, and the default file storage directories
# /var/lib/kelas/learning-files and /var/lib/kelas/auth-files, made above for user 185: mount a volume there,
# or use S3, docs/operations.md "Files").
COPY --from=build /src/${SERVICE}/target/quarkus-app/ /app/
USER 185
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/quarkus-run.jar"]
