package dev.kelas.runtime.web;

import jakarta.enterprise.context.ApplicationScoped;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;

/**
 * Turns Markdown (CommonMark) written by users (announcements, discussion posts, task statements) into HTML that is safe to show: commonmark-java renders
 * it with unsafe link schemes ({@code javascript:}, {@code data:}, ...) removed, then jsoup's
 * {@link Safelist#relaxed()} sanitizer keeps only formatting elements and safe attributes: script,
 * iframe and style elements go with their content, event-handler attributes and relative or unsafe URLs
 * are dropped. The Markdown itself is stored as written.
 */
@ApplicationScoped
public class MarkdownRenderer {
    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().sanitizeUrls(true).build();
    private final Safelist safelist = Safelist.relaxed().addProtocols("a", "href", "http", "https", "mailto")
            .preserveRelativeLinks(false);

    /**
     * Renders Markdown to sanitised HTML.
     *
     * @param markdown the text as the user wrote it; null gives an empty string
     * @return HTML fragments with only safe elements and attributes
     */
    public String toSafeHtml(String markdown) {
        if (markdown == null || markdown.isEmpty()) {
            return "";
        }
        String html = renderer.render(parser.parse(markdown));
        return Jsoup.clean(html, safelist);
    }
}
