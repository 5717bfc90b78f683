package dev.kelas.notification.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelas.contracts.Subjects;
import dev.kelas.notification.chat.ChatService.Membership;
import dev.kelas.notification.chat.ChatService.MessageView;
import dev.kelas.notification.config.NotificationConfig;
import dev.kelas.notification.push.UserConnection;
import dev.kelas.runtime.messaging.JetStreamClient;
import io.nats.client.Dispatcher;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The live side of chat rooms on this replica: which of its WebSocket connections joined which room,
 * and the fan-out between replicas over core NATS {@code kelas.chat.<tenant>.<room>}. A stored message,
 * a deletion, a closed room and typing go out to every replica, which writes them to its members of the
 * room. Presence is each replica's list of who it holds in a room, published when it changes and every
 * heartbeat; a list not renewed for three heartbeats (a replica gone) is dropped.
 */
@ApplicationScoped
public class ChatHub {
    private static final Logger LOG = Logger.getLogger(ChatHub.class);

    /** One joined connection, with the name shown in presence and typing. */
    private record Member(UserConnection connection, UUID userId, String name) {
    }

    /** A replica's list of who is in a room, and when it said so. */
    private record Presence(Map<UUID, String> people, long atNanos) {
    }

    private final JetStreamClient nats;
    private final ObjectMapper json;
    private final NotificationConfig config;
    private final ChatSendLimit sendLimit;
    private final String replica = UUID.randomUUID().toString();
    private final Map<UUID, Set<Member>> membersByRoom = new ConcurrentHashMap<>();
    private final Map<UUID, UUID> tenantByRoom = new ConcurrentHashMap<>();
    private final Map<UUID, Map<String, Presence>> remotePresence = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "chat-presence");
        thread.setDaemon(true);
        return thread;
    });
    private Dispatcher dispatcher;

    public ChatHub(JetStreamClient nats, ObjectMapper json, NotificationConfig config, ChatSendLimit sendLimit) {
        this.nats = nats;
        this.json = json;
        this.config = config;
        this.sendLimit = sendLimit;
    }

    void start(@Observes StartupEvent event) {
        dispatcher = nats.connection().createDispatcher(message -> {
            try {
                receive(json.readTree(message.getData()));
            } catch (Exception e) {
                LOG.warnf("Unreadable chat message on %s: %s", message.getSubject(), e.getMessage());
            }
        });
        dispatcher.subscribe(Subjects.CHAT_PREFIX + ">");
        long every = config.heartbeat().toMillis();
        ticker.scheduleAtFixedRate(this::tick, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        ticker.shutdownNow();
    }

    /** Adds a connection to a room its user may join (checked by the caller), and tells the room who is in it. */
    public void join(UserConnection connection, Membership membership) {
        UUID roomId = membership.room().id();
        tenantByRoom.put(roomId, membership.tenantId());
        membersByRoom.computeIfAbsent(roomId, id -> ConcurrentHashMap.newKeySet())
                .add(new Member(connection, membership.userId(), membership.userName()));
        presenceChanged(membership.tenantId(), roomId);
    }

    /** Whether the connection joined the room. */
    public boolean joined(UserConnection connection, UUID roomId) {
        Set<Member> members = membersByRoom.get(roomId);
        return members != null && members.stream().anyMatch(m -> m.connection() == connection);
    }

    /** Takes a connection out of a room. */
    public void leave(UserConnection connection, UUID roomId) {
        Set<Member> members = membersByRoom.get(roomId);
        if (members != null && members.removeIf(m -> m.connection() == connection)) {
            presenceChanged(tenantByRoom.get(roomId), roomId);
        }
    }

    /** Takes a closed connection out of every room. */
    public void leaveAll(UserConnection connection) {
        membersByRoom.keySet().forEach(roomId -> leave(connection, roomId));
    }

    /** Sends a stored message to every member of its room on every replica. */
    public void broadcastMessage(UUID tenantId, MessageView message) {
        ObjectNode frame = frame("message", message.roomId());
        frame.set("message", json.valueToTree(message));
        publish(tenantId, message.roomId(), "frame", frame, null);
    }

    /** Tells every member of a room that a message was deleted. */
    public void broadcastDeleted(UUID tenantId, UUID roomId, long messageId) {
        publish(tenantId, roomId, "frame", frame("deleted", roomId).put("messageId", messageId), null);
    }

    /** Tells every member of a room, except the typist's own connections, that someone is typing. */
    public void broadcastTyping(UUID tenantId, UUID roomId, UUID userId, String name) {
        publish(tenantId, roomId, "frame", frame("typing", roomId).put("userId", userId.toString()).put("name", name), userId);
    }

    /** Tells every member of a closed study room that it closed, and takes them out of it. */
    public void broadcastClosed(UUID tenantId, UUID roomId) {
        publish(tenantId, roomId, "closed", frame("closed", roomId), null);
    }

    private ObjectNode frame(String type, UUID roomId) {
        return json.createObjectNode().put("type", type).put("roomId", roomId.toString());
    }

    private void publish(UUID tenantId, UUID roomId, String kind, ObjectNode frame, UUID exceptUser) {
        ObjectNode envelope = json.createObjectNode().put("kind", kind).put("tenantId", tenantId.toString())
                .put("roomId", roomId.toString()).put("replica", replica);
        if (exceptUser != null) {
            envelope.put("exceptUser", exceptUser.toString());
        }
        envelope.set("frame", frame);
        try {
            nats.connection().publish(Subjects.chat(tenantId, roomId), json.writeValueAsBytes(envelope));
        } catch (Exception e) {
            LOG.warnf("Cannot publish to chat room %s: %s", roomId, e.getMessage());
        }
    }

    private void receive(JsonNode envelope) {
        UUID roomId = UUID.fromString(envelope.path("roomId").asText());
        UUID tenantId = UUID.fromString(envelope.path("tenantId").asText());
        if (tenantByRoom.containsKey(roomId) && !tenantId.equals(tenantByRoom.get(roomId))) {
            return; // a room id of another school: never crosses over
        }
        switch (envelope.path("kind").asText()) {
            case "frame" -> {
                String exceptUser = envelope.path("exceptUser").asText(null);
                sendToRoom(roomId, envelope.path("frame").toString(), exceptUser);
            }
            case "closed" -> {
                sendToRoom(roomId, envelope.path("frame").toString(), null);
                membersByRoom.remove(roomId);
                remotePresence.remove(roomId);
            }
            case "presence" -> {
                String from = envelope.path("replica").asText();
                if (!replica.equals(from)) {
                    Map<UUID, String> people = new TreeMap<>();
                    envelope.path("online").forEach(p -> people.put(UUID.fromString(p.path("userId").asText()),
                            p.path("name").asText()));
                    Map<UUID, String> before = online(roomId);
                    remotePresence.computeIfAbsent(roomId, id -> new ConcurrentHashMap<>())
                            .put(from, new Presence(people, System.nanoTime()));
                    if (!before.equals(online(roomId))) {
                        sendPresence(roomId);
                    }
                }
            }
            default -> LOG.debugf("Unknown chat message kind %s", envelope.path("kind").asText());
        }
    }

    private void sendToRoom(UUID roomId, String frame, String exceptUser) {
        Set<Member> members = membersByRoom.get(roomId);
        if (members == null) {
            return;
        }
        for (Member member : members) {
            if (member.connection().isClosed()) {
                members.remove(member);
            } else if (exceptUser == null || !exceptUser.equals(member.userId().toString())) {
                member.connection().send(frame);
            }
        }
    }

    /** Everyone in a room on any replica, by user id. */
    private Map<UUID, String> online(UUID roomId) {
        Map<UUID, String> people = new TreeMap<>(localPeople(roomId));
        long freshAfter = System.nanoTime() - 3 * config.heartbeat().toNanos();
        Map<String, Presence> remote = remotePresence.getOrDefault(roomId, Map.of());
        remote.values().stream().filter(p -> p.atNanos() > freshAfter).forEach(p -> people.putAll(p.people()));
        return people;
    }

    private Map<UUID, String> localPeople(UUID roomId) {
        Map<UUID, String> people = new TreeMap<>();
        membersByRoom.getOrDefault(roomId, Set.of()).stream().filter(m -> !m.connection().isClosed())
                .forEach(m -> people.put(m.userId(), m.name()));
        return people;
    }

    private void presenceChanged(UUID tenantId, UUID roomId) {
        publishPresence(tenantId, roomId);
        sendPresence(roomId);
    }

    private void publishPresence(UUID tenantId, UUID roomId) {
        if (tenantId == null) {
            return;
        }
        ObjectNode envelope = json.createObjectNode().put("kind", "presence").put("tenantId", tenantId.toString())
                .put("roomId", roomId.toString()).put("replica", replica);
        envelope.set("online", people(localPeople(roomId)));
        try {
            nats.connection().publish(Subjects.chat(tenantId, roomId), json.writeValueAsBytes(envelope));
        } catch (Exception e) {
            LOG.warnf("Cannot publish presence of chat room %s: %s", roomId, e.getMessage());
        }
    }

    private void sendPresence(UUID roomId) {
        ObjectNode frame = frame("presence", roomId);
        frame.set("online", people(online(roomId)));
        sendToRoom(roomId, frame.toString(), null);
    }

    private ArrayNode people(Map<UUID, String> people) {
        ArrayNode list = json.createArrayNode();
        people.forEach((id, name) -> list.addObject().put("userId", id.toString()).put("name", name));
        return list;
    }

    /** Renews this replica's presence lists and drops those of replicas that went quiet. */
    private void tick() {
        try {
            for (UUID roomId : membersByRoom.keySet()) {
                Set<Member> members = membersByRoom.get(roomId);
                int before = members.size();
                members.removeIf(m -> m.connection().isClosed());
                publishPresence(tenantByRoom.get(roomId), roomId);
                if (members.size() != before) {
                    sendPresence(roomId);
                }
                if (members.isEmpty()) {
                    membersByRoom.remove(roomId, members);
                }
            }
            long freshAfter = System.nanoTime() - 3 * config.heartbeat().toNanos();
            remotePresence.forEach((roomId, byReplica) -> {
                if (byReplica.values().removeIf(p -> p.atNanos() <= freshAfter)) {
                    sendPresence(roomId);
                }
            });
            remotePresence.values().removeIf(Map::isEmpty);
            sendLimit.forgetIdle();
        } catch (RuntimeException e) {
            LOG.warnf("Chat presence tick failed: %s", e.getMessage());
        }
    }
}
