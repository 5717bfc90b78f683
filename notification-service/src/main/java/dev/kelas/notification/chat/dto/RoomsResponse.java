package dev.kelas.notification.chat.dto;

import dev.kelas.notification.chat.ChatService.RoomView;
import java.util.List;

/** The rooms the caller may join. */
public record RoomsResponse(List<RoomView> items) {
}
