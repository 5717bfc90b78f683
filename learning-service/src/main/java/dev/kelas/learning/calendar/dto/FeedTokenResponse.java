package dev.kelas.learning.calendar.dto;

/**
 * The caller's iCalendar feed: the secret token and the path to subscribe to (relative to the API's
 * origin). Anyone holding the path can read the calendar; rotating the token voids the old path.
 */
public record FeedTokenResponse(String token, String path) {
}
