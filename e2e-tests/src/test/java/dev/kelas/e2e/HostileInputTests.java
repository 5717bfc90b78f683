package dev.kelas.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile input the way an attacker or a fuzzer sends it, against the running services: every
 * operation of every service's OpenAPI document gets NUL characters, huge strings, deep nesting,
 * wrong types, 8 KiB paths and queries, wrong content types, broken multipart and bad booleans.
 * Every answer must be below 500, every error problem+json, and no body may name a Java class.
 */
class HostileInputTests {
    private static final Pattern CLASS_NAME = Pattern.compile("\\b(java|javax|jakarta|org|io|com|dev)\\.[a-z0-9]+\\.[A-Za-z0-9.$]+");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static KelasSystem system;
    static School school;

    @BeforeAll
    static void setUp() {
        system = KelasSystem.get();
        school = School.register(system, "Hostile School");
    }

    private static HttpResponse<String> send(String service, String method, String pathAndQuery, String contentType,
                                             String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(system.url(service) + pathAndQuery))
                .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + school.admin.accessToken());
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** One finding per broken rule, with what was sent. */
    private static void check(List<String> findings, String what, HttpResponse<String> r) {
        int status = r.statusCode();
        String type = r.headers().firstValue("Content-Type").orElse("");
        if (status >= 500) {
            findings.add(status + " " + what);
        } else if (status >= 400 && !type.startsWith("application/problem+json")) {
            findings.add("not problem+json (" + status + " '" + type + "') " + what);
        } else if (status >= 400 && !r.body().contains("\"code\"")) {
            findings.add("no code " + what);
        }
        if (CLASS_NAME.matcher(r.body()).find()) {
            findings.add("class name in body " + what + ": " + r.body());
        }
    }

    @Test
    void shouldRefuseNulInBodyPathAndQueryAsUnprocessable() throws Exception {
        HttpResponse<String> body = send("auth-service", "POST", "/api/v1/auth/login", "application/json",
                "{\"tenant\":\"" + school.slug + "\",\"email\":\"a\\u0000@x.test\",\"password\":\"x\"}");
        assertEquals(422, body.statusCode(), body.body());
        JsonNode problem = JSON.readTree(body.body());
        assertEquals("VALIDATION_ERROR", problem.path("code").asText());
        assertEquals("email", problem.path("errors").path(0).path("field").asText());
        HttpResponse<String> query = send("auth-service", "GET", "/api/v1/users?q=a%00b", null, null);
        assertEquals(422, query.statusCode(), query.body());
        assertTrue(query.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    }

    @Test
    void shouldAnswerHttpLayerLimitsAsProblems() throws Exception {
        HttpResponse<String> longTarget = send("lab-service", "GET", "/api/v1/lab/tasks?x=" + "a".repeat(8192), null, null);
        assertEquals(414, longTarget.statusCode());
        assertEquals("URI_TOO_LONG", JSON.readTree(longTarget.body()).path("code").asText());
        StringBuilder keys = new StringBuilder("{");
        for (int i = 0; i < 100_000; i++) {
            keys.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":1");
        }
        long started = System.nanoTime();
        HttpResponse<String> many = send("auth-service", "POST", "/api/v1/auth/login", "application/json", keys + "}");
        assertEquals(400, many.statusCode(), many.body());
        System.out.printf("100,000-key body refused in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        HttpResponse<String> deep = send("auth-service", "POST", "/api/v1/auth/login", "application/json",
                "[".repeat(5000) + "]".repeat(5000));
        assertEquals(400, deep.statusCode(), deep.body());
        assertEquals("MALFORMED_REQUEST", JSON.readTree(deep.body()).path("code").asText());
    }

    @Test
    void shouldNotImportUsersWhenDryRunIsNotABoolean() throws Exception {
        String email = "maybe-" + System.nanoTime() + "@x.test";
        HttpResponse<String> r = send("auth-service", "POST", "/api/v1/users/import?dryRun=maybe", "text/csv",
                "email,name,role\n" + email + ",Maybe,STUDENT\n");
        assertEquals(400, r.statusCode(), r.body());
        HttpResponse<String> found = send("auth-service", "GET", "/api/v1/users?q=" + email, null, null);
        assertTrue(!found.body().contains(email), found.body());
        HttpResponse<String> broken = send("auth-service", "POST", "/api/v1/users/import?dryRun=true", "text/csv",
                "email,name,role\n\"a@x.test,\"b\"c,STUDENT\n");
        assertTrue(broken.statusCode() >= 400 && broken.statusCode() < 500, broken.body());
        assertTrue(!CLASS_NAME.matcher(broken.body()).find(), broken.body());
    }

    @Test
    void shouldAnswerEveryOperationOfEveryServiceCleanlyUnderHostileVariants() throws Exception {
        List<String> findings = new ArrayList<>();
        int requests = 0;
        String big = "a".repeat(8192);
        for (String service : KelasSystem.SERVICES) {
            JsonNode api = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(system.url(service) + "/q/openapi?format=json"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body());
            for (Iterator<Map.Entry<String, JsonNode>> paths = api.path("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> path = paths.next();
                for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                    Map.Entry<String, JsonNode> op = ops.next();
                    String method = op.getKey().toUpperCase();
                    if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                        continue;
                    }
                    List<String> targets = new ArrayList<>();
                    targets.add(path.getKey().replaceAll("\\{[^}]+}", "%00"));
                    targets.add(path.getKey().replaceAll("\\{[^}]+}", big));
                    String plain = path.getKey().replaceAll("\\{[^}]+}", "00000000-0000-0000-0000-000000000000");
                    targets.add(plain + "?q=" + big);
                    StringBuilder bad = new StringBuilder();
                    for (JsonNode p : op.getValue().path("parameters")) {
                        if ("query".equals(p.path("in").asText())) {
                            String value = "boolean".equals(p.path("schema").path("type").asText()) ? "maybe" : "%00x";
                            bad.append(bad.length() == 0 ? "?" : "&").append(p.path("name").asText()).append('=').append(value);
                        }
                    }
                    if (bad.length() > 0) {
                        targets.add(plain + bad);
                    }
                    for (String target : targets) {
                        String what = service + " " + method + " " + target.substring(0, Math.min(target.length(), 120));
                        check(findings, what, send(service, method, target, null, null));
                        requests++;
                    }
                    if (method.equals("GET") || method.equals("DELETE")) {
                        continue;
                    }
                    List<String[]> bodies = List.of(
                            new String[]{"application/json", "{\"name\":\"a\\u0000b\",\"title\":\"\\u0000\",\"text\":\"x\\u0000\"}"},
                            new String[]{"application/json", "{\"name\":\"" + "x".repeat(1 << 20) + "\"}"},
                            new String[]{"application/json", "[".repeat(3000) + "]".repeat(3000)},
                            new String[]{"application/json", "{\"name\":[1,2,{\"a\":true}],\"id\":{},\"points\":\"many\"}"},
                            new String[]{"application/json", "{\"name\":"},
                            new String[]{"application/json", "{\"n\":1" + "0".repeat(5000) + "}"},
                            new String[]{"application/xml", "<a/>"},
                            new String[]{"multipart/form-data; boundary=zzz", "--yyy\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nabc"},
                            new String[]{"multipart/form-data; boundary=zzz", ""},
                            new String[]{"multipart/form-data", "--zzz\r\n"});
                    for (String[] body : bodies) {
                        String what = service + " " + method + " " + plain + " [" + body[0] + " "
                                + body[1].substring(0, Math.min(40, body[1].length())) + "]";
                        check(findings, what, send(service, method, plain, body[0], body[1]));
                        requests++;
                    }
                }
            }
        }
        System.out.printf("hostile requests: %d, findings: %d%n", requests, findings.size());
        findings.forEach(System.out::println);
        assertTrue(requests > 100, "too few operations walked: " + requests);
        assertEquals(List.of(), findings);
    }
}
