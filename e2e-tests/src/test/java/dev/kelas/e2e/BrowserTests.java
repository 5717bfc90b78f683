package dev.kelas.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Page;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A real browser: headless chromium opens an EventSource with a token and receives a notification. */
class BrowserTests {

    @Test
    void shouldDeliverANotificationToABrowsersEventSource() throws Exception {
        KelasSystem system = KelasSystem.get();
        School school = School.register(system, "Browser School");
        School.Person student = school.createUser("STUDENT", "Bruno Browser");
        try (Browser browser = Browser.start()) {
            Page page = browser.newPage();
            // A page of notification-service's own origin, so the EventSource is same-origin.
            page.navigate(system.url("notification-service") + "/q/health/live");
            Object opened = page.evaluate("""
                    new Promise((resolve, reject) => {
                      window.received = [];
                      const source = new EventSource('/api/v1/notifications/stream?access_token=%s');
                      source.addEventListener('kelas.learning.grade.recorded',
                          event => window.received.push({id: event.lastEventId, data: JSON.parse(event.data)}));
                      source.onopen = () => resolve('open');
                      source.onerror = () => reject(new Error('EventSource error, readyState ' + source.readyState));
                      setTimeout(() => reject(new Error('EventSource not open after 30 s')), 30000);
                    })""".formatted(student.accessToken()));
            assertEquals("open", opened);

            school.publishGrade(student, "Seen in a browser");
            @SuppressWarnings("unchecked")
            Map<String, Object> event = (Map<String, Object>) page.evaluate("""
                    new Promise((resolve, reject) => {
                      const started = Date.now();
                      (function look() {
                        const hit = window.received.find(e => e.data.title.includes('Seen in a browser'));
                        if (hit) resolve(hit);
                        else if (Date.now() - started > 60000) reject(new Error('no event: ' + JSON.stringify(window.received)));
                        else setTimeout(look, 100);
                      })();
                    })""");
            @SuppressWarnings("unchecked")
            Map<String, Object> data = (Map<String, Object>) event.get("data");
            assertEquals("1", event.get("id"));
            assertEquals("New grade: Seen in a browser", data.get("title"));
            assertEquals(student.id(), data.get("userId"));
        }
    }
}
