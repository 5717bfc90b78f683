package dev.kelas.notification.rest.dto;

import dev.kelas.notification.service.ChatService.RoomView;
import java.util.List;

/** The rooms the caller may join. */
public record RoomsResponse(List<RoomView> items) {
}
