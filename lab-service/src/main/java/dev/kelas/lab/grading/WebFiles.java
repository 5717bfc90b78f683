package dev.kelas.lab.grading;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.TreeMap;

/**
 * A WEB submission's files as they are stored: one JSON object, file name to content, sorted by name,
 * in the submission's {@code source_code} column.
 */
public final class WebFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private WebFiles() {
    }

    /** The files as stored JSON, names sorted. */
    public static String format(Map<String, String> files) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(files));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** HTML checker messages as stored in {@code code_submission.html_messages}. */
    public static String formatMessages(java.util.List<HtmlValidator.HtmlMessage> messages) {
        try {
            return JSON.writeValueAsString(messages);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The messages stored by {@link #formatMessages}; null for null. */
    public static java.util.List<HtmlValidator.HtmlMessage> parseMessages(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            return JSON.readValue(stored, new TypeReference<java.util.List<HtmlValidator.HtmlMessage>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not stored HTML messages", e);
        }
    }

    /**
     * The files stored by {@link #format}.
     *
     * @throws IllegalArgumentException if the text is not such a JSON object
     */
    public static Map<String, String> parse(String stored) {
        try {
            return JSON.readValue(stored, new TypeReference<TreeMap<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a WEB submission's files", e);
        }
    }
}
