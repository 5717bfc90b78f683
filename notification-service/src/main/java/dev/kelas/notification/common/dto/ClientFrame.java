package dev.kelas.notification.common.dto;

import java.util.UUID;

/**
 * A JSON text frame a client sends on the WebSocket. {@code type} says which fields matter:
 * {@code resume {lastId}}, {@code join {roomId}}, {@code leave {roomId}}, {@code send {roomId, body}},
 * {@code history {roomId, before?, limit?}}, {@code typing {roomId}}, {@code delete {roomId, messageId}},
 * {@code ping}. {@code ref}, if given, comes back in the reply or error, so a client can match them.
 */
public record ClientFrame(String type, Long lastId, UUID roomId, String body, String before, Integer limit,
                          Long messageId, String ref) {
}
