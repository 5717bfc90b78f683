package dev.kelas.learning.calendar.dto;

import java.util.List;

/** A page of calendar entries in start order, with the total in the window. */
public record CalendarPage(List<CalendarEntryResponse> items, int page, int size, long total) {
}
