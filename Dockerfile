# One image per service: docker build --build-arg SERVICE=lab-service -t kelas/lab-service:0.1.0 .
# Stage 1 builds the whole reactor once; stage 2 is a JRE with just that service's quarkus-app.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
ARG SERVICE
# lab-service's graders need bubblewrap, util-linux (setpriv, prlimit) and the language runtimes.
RUN if [ "$SERVICE" = "lab-service" ]; then \
      apt-get update && apt-get install -y --no-install-recommends bubblewrap python3 util-linux \
      && rm -rf /var/lib/apt/lists/*; \
    fi
WORKDIR /app
COPY --from=build /src/${SERVICE}/target/quarkus-app/ /app/
USER 185
ENV JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:+UseSerialGC"
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/quarkus-run.jar"]
