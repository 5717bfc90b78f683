package dev.kelas.lab.grading;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nu.validator.validation.SimpleDocumentValidator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Checks a WEB submission's HTML files with the W3C Nu Html Checker ({@code nu.validator:validator}), the
 * checker behind validator.w3.org/nu, against its HTML schema {@code http://s.validator.nu/html5-all.rnc}
 * (bundled in the library: nothing is fetched). Only the markup is read, never run, so it runs in the grader's
 * JVM; each grader thread keeps one checker (setting one up reads the schemas, about 2.5 s) and reuses it.
 */
public final class HtmlValidator {
    /** The Nu checker's schema for HTML documents, as its command-line checker uses it. */
    static final String HTML_SCHEMA = "http://s.validator.nu/html5-all.rnc";
    /** Messages kept per submission at most; the rest are counted in a last INFO message. */
    public static final int MAX_MESSAGES = 50;

    private static final ThreadLocal<Checker> CHECKERS = ThreadLocal.withInitial(Checker::new);

    static {
        // The checker's Jetty JSON helper would print its own log set-up to standard error.
        System.setProperty("org.eclipse.jetty.util.log.class", "org.eclipse.jetty.util.log.Slf4jLog");
    }

    private HtmlValidator() {
    }

    /**
     * One message of the checker.
     *
     * @param file   the submitted file it is about
     * @param line   1-based, or -1 when the checker gives none
     * @param column 1-based, or -1
     * @param type   {@code error} (the document is not valid HTML) or {@code warning}
     */
    public record HtmlMessage(String file, int line, int column, String type, String message) {
    }

    /**
     * Checks every {@code .html} file of the submission, in name order.
     *
     * @return the checker's errors and warnings, at most {@value #MAX_MESSAGES}; empty when the HTML is valid
     * @throws IllegalStateException if the checker cannot be set up (its schemas missing from the classpath)
     */
    public static List<HtmlMessage> validate(Map<String, String> files) {
        List<HtmlMessage> messages = new ArrayList<>();
        Checker checker = CHECKERS.get();
        int[] dropped = {0};
        files.entrySet().stream().filter(e -> e.getKey().endsWith(".html")).sorted(Map.Entry.comparingByKey()).forEach(file -> {
            checker.target = (type, e) -> {
                if (messages.size() < MAX_MESSAGES) {
                    messages.add(new HtmlMessage(file.getKey(), e.getLineNumber(), e.getColumnNumber(), type, e.getMessage()));
                } else {
                    dropped[0]++;
                }
            };
            try {
                checker.validator.checkHtmlInputSource(new InputSource(new StringReader(file.getValue())));
            } catch (SAXException | IOException e) {
                messages.add(new HtmlMessage(file.getKey(), -1, -1, "error", "The checker stopped: " + e.getMessage()));
            } finally {
                checker.target = null;
            }
        });
        if (dropped[0] > 0) {
            messages.add(new HtmlMessage("", -1, -1, "info", dropped[0] + " more messages not shown"));
        }
        return messages;
    }

    /** Where a checker's messages go while it checks one file. */
    private interface Target {
        void message(String type, SAXParseException e);
    }

    /** One thread's Nu checker, set up once. */
    private static final class Checker {
        final SimpleDocumentValidator validator;
        volatile Target target;

        Checker() {
            ErrorHandler handler = new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                    send("warning", e);
                }

                @Override
                public void error(SAXParseException e) {
                    send("error", e);
                }

                @Override
                public void fatalError(SAXParseException e) {
                    send("error", e);
                }
            };
            try {
                // (parser factory, no XML schemas, no language detection), as the checker's own CLI with --no-langdetect
                validator = new SimpleDocumentValidator(true, false, false);
                validator.setUpMainSchema(HTML_SCHEMA, handler);
                validator.setUpValidatorAndParsers(handler, true, false);
            } catch (Exception e) {
                throw new IllegalStateException("The Nu Html Checker cannot be set up", e);
            }
        }

        private void send(String type, SAXParseException e) {
            Target current = target;
            if (current != null) {
                current.message(type, e);
            }
        }
    }
}
