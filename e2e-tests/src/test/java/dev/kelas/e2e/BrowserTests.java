package dev.kelas.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** A real browser: headless chromium opens an EventSource with a token and receives a notification. */
class BrowserTests {

    @Test
    void shouldDeliverANotificationToABrowsersEventSource() throws Exception {
        KelasSystem system = KelasSystem.get();
        School school = School.register(system, "Browser School");
        School.Person student = school.createUser("STUDENT", "Bruno Browser");
        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            // A page of notification-service's own origin, so the EventSource is same-origin.
            chromium.navigate(system.url("notification-service") + "/q/health/live");
            JsonNode opened = chromium.evaluate("""
                    new Promise((resolve, reject) => {
                      window.received = [];
                      const source = new EventSource('/api/v1/notifications/stream?access_token=%s');
                      source.addEventListener('kelas.learning.grade.recorded',
                          event => window.received.push({id: event.lastEventId, data: JSON.parse(event.data)}));
                      source.onopen = () => resolve('open');
                      source.onerror = () => reject(new Error('EventSource error, readyState ' + source.readyState));
                      setTimeout(() => reject(new Error('EventSource not open after 30 s')), 30000);
                    })""".formatted(student.accessToken()));
            assertEquals("open", opened.asText());

            school.publishGrade(student, "Seen in a browser");
            JsonNode event = chromium.evaluate("""
                    new Promise((resolve, reject) => {
                      const started = Date.now();
                      (function look() {
                        const hit = window.received.find(e => e.data.title.includes('Seen in a browser'));
                        if (hit) resolve(hit);
                        else if (Date.now() - started > 60000) reject(new Error('no event: ' + JSON.stringify(window.received)));
                        else setTimeout(look, 100);
                      })();
                    })""");
            assertEquals("1", event.path("id").asText());
            assertEquals("New grade: Seen in a browser", event.path("data").path("title").asText());
            assertEquals(student.id(), event.path("data").path("userId").asText());
        }
    }
}
