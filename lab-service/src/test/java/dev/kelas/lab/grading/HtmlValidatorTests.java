package dev.kelas.lab.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kelas.lab.grading.HtmlValidator.HtmlMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The real W3C Nu Html Checker on valid and invalid pages (its schemas come from the library; nothing is fetched). */
class HtmlValidatorTests {
    @Test
    void shouldFindNothingInAValidPage() {
        assertEquals(List.of(), HtmlValidator.validate(Map.of("index.html",
                "<!doctype html><html lang=en><head><title>Fine</title></head><body><p>ok <img src=a.png alt=A></body></html>",
                "style.css", "p { color: red }")));
    }

    @Test
    void shouldReportEachErrorWithItsFileAndPlace() {
        List<HtmlMessage> messages = HtmlValidator.validate(Map.of(
                "index.html", "<!doctype html><html lang=en><head><title>x</title></head><body>\n<div>open <img src=x></body></html>",
                "about.html", "<!doctype html><html lang=en><head><title>About</title></head><body><p>fine</p></body></html>"));
        assertTrue(messages.stream().allMatch(m -> m.file().equals("index.html")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.type().equals("error") && m.line() == 2 && m.message().contains("alt")),
                "a missing alt is an error on line 2: " + messages);
        assertTrue(messages.stream().anyMatch(m -> m.message().contains("div")), "the unclosed div is named: " + messages);
    }

    @Test
    void shouldCapTheMessages() {
        String page = "<!doctype html><html lang=en><head><title>x</title></head><body>" + "<img src=x>".repeat(80) + "</body></html>";
        List<HtmlMessage> messages = HtmlValidator.validate(Map.of("index.html", page));
        assertEquals(HtmlValidator.MAX_MESSAGES + 1, messages.size());
        assertEquals("info", messages.get(HtmlValidator.MAX_MESSAGES).type());
    }
}
