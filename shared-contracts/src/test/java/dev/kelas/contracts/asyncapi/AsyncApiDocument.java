package dev.kelas.contracts.asyncapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.kelas.contracts.EventCatalog;
import dev.kelas.contracts.Subjects;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Builds the AsyncAPI 3.0 document of every Kelas subject ({@code docs/asyncapi.yaml}) from {@link EventCatalog},
 * {@link Subjects} and the payload records: one channel per subject, a {@code send} operation for its publisher, a
 * {@code receive} operation per durable consumer, the CloudEvents 1.0 structured-mode envelope, and each payload's
 * JSON Schema derived from its record components as Jackson writes them (UUID and times as strings, BigDecimal as
 * a number, enums by name). Only primitive components are {@code required}: a reference component may be null, and
 * a consumer must accept members it does not know (fields are added, never removed or renamed).
 */
public final class AsyncApiDocument {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AsyncApiDocument() {
    }

    /** The document as YAML text. */
    public static String yaml(String version) throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).disable(YAMLGenerator.Feature.SPLIT_LINES).enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR));
        return "# Generated from shared-contracts (EventCatalog, Subjects, the event records) by AsyncApiTests;\n"
                + "# do not edit: change the catalogue and run the test with -Dkelas.asyncapi.write=true.\n"
                + yaml.writeValueAsString(build(version));
    }

    /** The document as a JSON tree. */
    public static ObjectNode build(String version) {
        ObjectNode document = NODES.objectNode();
        document.put("asyncapi", "3.0.0");
        ObjectNode info = document.putObject("info");
        info.put("title", "Kelas events");
        info.put("version", version);
        info.put("description", "Every subject Kelas puts on NATS. Durable events live in JetStream (one stream per "
                + "domain: " + String.join(", ", streams()) + "); each is written by its publisher's transactional outbox "
                + "in the transaction of the change it reports, and each consumer applies it once through its inbox "
                + "(JetStream delivers at least once). Every durable message is a CloudEvents 1.0 event in JSON structured "
                + "mode whose type is the subject. The kelas.push, kelas.live and kelas.chat subjects are core NATS between "
                + "notification-service replicas: not stored, gone when no replica listens.");
        document.put("defaultContentType", "application/cloudevents+json");
        ObjectNode servers = document.putObject("servers");
        ObjectNode nats = servers.putObject("nats");
        nats.put("host", "nats:4222");
        nats.put("protocol", "nats");
        nats.put("description", "The NATS cluster with JetStream (KELAS_NATS_URL).");

        ObjectNode channels = document.putObject("channels");
        ObjectNode operations = document.putObject("operations");
        ObjectNode components = document.putObject("components");
        ObjectNode messages = components.putObject("messages");
        ObjectNode schemas = components.putObject("schemas");
        schemas.set("CloudEventsEnvelope", envelope());

        for (EventCatalog.Channel channel : EventCatalog.CHANNELS) {
            String channelId = channelId(channel.subject());
            String messageName = channel.payload().getSimpleName();
            ObjectNode node = channels.putObject(channelId);
            node.put("address", channel.subject());
            node.put("description", channel.summary() + " Stream " + streamOf(channel.subject()) + ".");
            node.putObject("messages").putObject(messageName).put("$ref", "#/components/messages/" + messageName);
            if (!messages.has(messageName)) {
                messages.set(messageName, message(channel.payload(), schemas));
            }
            ObjectNode send = operations.putObject(camel(channel.publisher()) + "Sends" + capitalised(channelId));
            send.put("action", "send");
            send.putObject("channel").put("$ref", "#/channels/" + channelId);
            send.put("summary", channel.publisher() + " writes it through its outbox.");
            send.putArray("messages").addObject().put("$ref", "#/channels/" + channelId + "/messages/" + messageName);
            send.put("x-kelas-service", channel.publisher());
        }
        for (EventCatalog.Consumer consumer : EventCatalog.CONSUMERS) {
            for (EventCatalog.Channel channel : EventCatalog.CHANNELS) {
                if (!matches(consumer.filterSubject(), channel.subject())) {
                    continue;
                }
                String channelId = channelId(channel.subject());
                String id = camel(consumer.durableName()) + (consumer.filterSubject().endsWith(">") ? capitalised(channelId) : "");
                ObjectNode receive = operations.putObject(id);
                receive.put("action", "receive");
                receive.putObject("channel").put("$ref", "#/channels/" + channelId);
                receive.put("summary", consumer.summary());
                receive.put("description", "Durable JetStream consumer " + consumer.durableName() + " of " + consumer.service()
                        + " on stream " + consumer.stream().name() + ", filter " + consumer.filterSubject()
                        + ": explicit ack, redelivered after the ack wait, copied to kelas.dlq." + consumer.durableName()
                        + " after its last delivery.");
                receive.putArray("messages").addObject().put("$ref", "#/channels/" + channelId + "/messages/"
                        + channel.payload().getSimpleName());
                receive.put("x-kelas-service", consumer.service());
                receive.put("x-kelas-durable", consumer.durableName());
            }
        }
        ObjectNode revocations = operations.putObject("everyServiceReceivesAuthUserAccessRevoked");
        revocations.put("action", "receive");
        revocations.putObject("channel").put("$ref", "#/channels/" + channelId(Subjects.AUTH_USER_ACCESS_REVOKED));
        revocations.put("summary", EventCatalog.ACCESS_REVOCATIONS_SUMMARY);
        revocations.putArray("messages").addObject().put("$ref", "#/channels/" + channelId(Subjects.AUTH_USER_ACCESS_REVOKED)
                + "/messages/AccessRevoked");
        revocations.put("x-kelas-service", "every service");

        coreChannels(channels, operations, messages);
        return document;
    }

    /** The dead-letter subjects and the core-NATS subjects between notification-service replicas. */
    private static void coreChannels(ObjectNode channels, ObjectNode operations, ObjectNode messages) {
        ObjectNode dlq = channels.putObject("deadLetter");
        dlq.put("address", Subjects.DLQ_PREFIX + "{consumer}");
        dlq.put("description", "A message a durable consumer gave up on after its last delivery, copied unchanged with the "
                + "error in headers, for an operator to inspect and replay. Stream " + Subjects.Stream.KELAS_DLQ.name() + ".");
        dlq.putObject("parameters").putObject("consumer").put("description", "The durable name of the consumer that gave up.");
        dlq.putObject("messages").putObject("DeadLetter").put("$ref", "#/components/messages/DeadLetter");
        ObjectNode dead = messages.putObject("DeadLetter");
        dead.put("name", "DeadLetter");
        dead.put("summary", "The original message's body, unchanged.");
        ObjectNode headers = dead.putObject("headers");
        headers.put("type", "object");
        ObjectNode properties = headers.putObject("properties");
        properties.putObject("Kelas-Original-Subject").put("type", "string").put("description", "Where the message was read from.");
        properties.putObject("Kelas-Error").put("type", "string").put("description", "The consumer's last error, one line.");
        properties.putObject("Kelas-Deliveries").put("type", "string").put("description", "How often it was delivered.");
        properties.putObject("Nats-Msg-Id").put("type", "string").put("description", "<consumer>:<event id>, so a dead letter is stored once.");
        dead.putObject("payload").put("$ref", "#/components/schemas/CloudEventsEnvelope");
        ObjectNode send = operations.putObject("everyServiceSendsDeadLetter");
        send.put("action", "send");
        send.putObject("channel").put("$ref", "#/channels/deadLetter");
        send.put("summary", "Every service's consumers dead-letter what they cannot apply.");
        send.putArray("messages").addObject().put("$ref", "#/channels/deadLetter/messages/DeadLetter");

        core(channels, operations, messages, "livePush", Subjects.PUSH_PREFIX + "{tenantId}.{userId}", "LiveNotification",
                "A stored notification for one user, sent to every notification-service replica so the one holding the user's "
                        + "SSE or WebSocket connections delivers it. Header Kelas-Notification-Seq carries its number "
                        + "(the SSE id a reconnecting client sends back as Last-Event-ID).");
        core(channels, operations, messages, "liveUpdate", Subjects.LIVE_PREFIX + "{tenantId}.{userId}", "LiveUpdate",
                "An unstored live update for one user, JSON {tenantId, userId, type, data} (e.g. new activity in a discussion "
                        + "thread they may be viewing, or kelas.lab.submission.test-finished: one finished test of their "
                        + "submission being graded).");
        ObjectNode progress = operations.putObject("labServiceSendsLiveUpdate");
        progress.put("action", "send");
        progress.putObject("channel").put("$ref", "#/channels/liveUpdate");
        progress.put("summary", "The graders announce each finished test of a submission to its student "
                + "(type kelas.lab.submission.test-finished), fire-and-forget.");
        progress.putArray("messages").addObject().put("$ref", "#/channels/liveUpdate/messages/LiveUpdate");
        progress.put("x-kelas-service", "lab-service");
        core(channels, operations, messages, "chatRoom", Subjects.CHAT_PREFIX + "{tenantId}.{roomId}", "ChatEnvelope",
                "A chat room's messages, deletions, typing and presence, between the replicas holding its members' WebSockets.");
    }

    private static void core(ObjectNode channels, ObjectNode operations, ObjectNode messages, String id, String address,
                             String messageName, String description) {
        ObjectNode channel = channels.putObject(id);
        channel.put("address", address);
        channel.put("description", description + " Core NATS: not stored.");
        ObjectNode parameters = channel.putObject("parameters");
        for (String parameter : address.replaceAll("[^{}]*\\{([^}]+)}[^{}]*", "$1 ").trim().split(" ")) {
            parameters.putObject(parameter).put("description", "The " + parameter.replace("Id", "") + "'s id (UUID).");
        }
        channel.putObject("messages").putObject(messageName).put("$ref", "#/components/messages/" + messageName);
        ObjectNode message = messages.putObject(messageName);
        message.put("name", messageName);
        message.put("contentType", "application/json");
        message.putObject("payload").put("type", "object").put("description",
                "notification-service's own JSON between its replicas; not a public contract.");
        for (String action : new String[] {"send", "receive"}) {
            ObjectNode operation = operations.putObject("notificationService" + capitalised(action) + "s" + capitalised(id));
            operation.put("action", action);
            operation.putObject("channel").put("$ref", "#/channels/" + id);
            operation.putArray("messages").addObject().put("$ref", "#/channels/" + id + "/messages/" + messageName);
            operation.put("x-kelas-service", "notification-service");
        }
    }

    private static ObjectNode message(Class<?> payload, ObjectNode schemas) {
        ObjectNode message = NODES.objectNode();
        message.put("name", payload.getSimpleName());
        message.put("title", payload.getSimpleName());
        message.put("contentType", "application/cloudevents+json");
        ObjectNode headers = message.putObject("headers");
        headers.put("type", "object");
        ObjectNode properties = headers.putObject("properties");
        properties.putObject("Nats-Msg-Id").put("type", "string").put("description",
                "The CloudEvents id: JetStream drops a duplicate within the stream's duplicate window.");
        properties.putObject("X-Request-Id").put("type", "string").put("description",
                "The HTTP request the event descends from, as in the requestid attribute.");
        properties.putObject("traceparent").put("type", "string").put("description", "W3C trace context, as in the envelope.");
        ObjectNode schema = message.putObject("payload");
        ArrayNode allOf = schema.putArray("allOf");
        allOf.addObject().put("$ref", "#/components/schemas/CloudEventsEnvelope");
        ObjectNode data = allOf.addObject();
        data.put("type", "object");
        data.putObject("properties").putObject("data").put("$ref", "#/components/schemas/" + payload.getSimpleName());
        define(payload, schemas);
        return message;
    }

    /** The CloudEvents 1.0 structured-mode envelope (dev.kelas.contracts.EventEnvelope). */
    private static ObjectNode envelope() {
        ObjectNode envelope = NODES.objectNode();
        envelope.put("type", "object");
        envelope.put("description", "A CloudEvents 1.0 event in JSON structured mode; tenantid, traceparent and requestid "
                + "are extension attributes.");
        envelope.putArray("required").add("specversion").add("id").add("source").add("type").add("tenantid").add("data");
        ObjectNode properties = envelope.putObject("properties");
        properties.putObject("specversion").put("const", "1.0");
        properties.putObject("id").put("type", "string").put("format", "uuid").put("description", "Unique event id, also Nats-Msg-Id.");
        properties.putObject("source").put("type", "string").put("description", "The producing service, e.g. /kelas/lab-service.");
        properties.putObject("type").put("type", "string").put("description", "The subject, e.g. kelas.lab.submission.graded.");
        properties.putObject("subject").put("type", "string").put("description", "The id of the aggregate the event is about.");
        properties.putObject("time").put("type", "string").put("format", "date-time");
        properties.putObject("tenantid").put("type", "string").put("format", "uuid").put("description",
                "The school the event belongs to; every consumer checks it.");
        properties.putObject("traceparent").putArray("type").add("string").add("null");
        properties.putObject("requestid").putArray("type").add("string").add("null");
        properties.putObject("datacontenttype").put("const", "application/json");
        properties.putObject("data").put("type", "object");
        return envelope;
    }

    /** Puts the JSON Schema of a record or enum into {@code schemas} (once) with everything it refers to. */
    private static void define(Class<?> type, ObjectNode schemas) {
        String name = type.getSimpleName();
        if (schemas.has(name)) {
            return;
        }
        ObjectNode schema = schemas.putObject(name);
        if (type.isEnum()) {
            schema.put("type", "string");
            ArrayNode values = schema.putArray("enum");
            for (Object constant : type.getEnumConstants()) {
                values.add(((Enum<?>) constant).name());
            }
            return;
        }
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = NODES.arrayNode();
        for (RecordComponent component : type.getRecordComponents()) {
            properties.set(component.getName(), schemaOf(component.getGenericType(), schemas));
            if (component.getType().isPrimitive()) {
                required.add(component.getName());
            }
        }
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
    }

    private static ObjectNode schemaOf(Type type, ObjectNode schemas) {
        ObjectNode schema = NODES.objectNode();
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] arguments = parameterized.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                schema.put("type", "array");
                schema.set("items", schemaOf(arguments[0], schemas));
                return schema;
            }
            if (Map.class.isAssignableFrom(raw)) {
                schema.put("type", "object");
                schema.set("additionalProperties", schemaOf(arguments[1], schemas));
                return schema;
            }
            throw new IllegalArgumentException("No JSON Schema for " + type);
        }
        Class<?> c = (Class<?>) type;
        if (c == UUID.class) {
            return schema.put("type", "string").put("format", "uuid");
        } else if (c == String.class) {
            return schema.put("type", "string");
        } else if (c == Instant.class) {
            return schema.put("type", "string").put("format", "date-time");
        } else if (c == LocalDate.class) {
            return schema.put("type", "string").put("format", "date");
        } else if (c == LocalTime.class) {
            return schema.put("type", "string").put("format", "time");
        } else if (c == BigDecimal.class || c == double.class || c == Double.class) {
            return schema.put("type", "number");
        } else if (c == int.class || c == Integer.class || c == long.class || c == Long.class) {
            return schema.put("type", "integer");
        } else if (c == boolean.class || c == Boolean.class) {
            return schema.put("type", "boolean");
        } else if (c.isEnum() || c.isRecord()) {
            define(c, schemas);
            return schema.put("$ref", "#/components/schemas/" + c.getSimpleName());
        }
        throw new IllegalArgumentException("No JSON Schema for " + c);
    }

    /** True when a NATS filter subject ({@code *} one token, {@code >} the rest) matches a subject. */
    static boolean matches(String filter, String subject) {
        String[] f = filter.split("\\.");
        String[] s = subject.split("\\.");
        for (int i = 0; i < f.length; i++) {
            if (f[i].equals(">")) {
                return s.length > i;
            }
            if (i >= s.length || !(f[i].equals("*") || f[i].equals(s[i]))) {
                return false;
            }
        }
        return f.length == s.length;
    }

    private static String streamOf(String subject) {
        for (Subjects.Stream stream : Subjects.Stream.values()) {
            if (matches(stream.subjects(), subject)) {
                return stream.name();
            }
        }
        throw new IllegalArgumentException("No stream captures " + subject);
    }

    private static Collection<String> streams() {
        Map<String, String> names = new TreeMap<>();
        for (Subjects.Stream stream : Subjects.Stream.values()) {
            names.put(stream.name(), stream.name() + " (" + stream.subjects() + ")");
        }
        return names.values();
    }

    /** {@code kelas.auth.user.registered} becomes {@code authUserRegistered}. */
    static String channelId(String subject) {
        return camel(subject.substring("kelas.".length()).replace('.', '-'));
    }

    private static String camel(String dashed) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char ch : dashed.toCharArray()) {
            if (ch == '-' || ch == '.') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            }
        }
        return out.toString();
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
