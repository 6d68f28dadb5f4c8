package io.openhire.jobingestion.connectors;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * An RSS or Atom feed of postings (ROME; DOCTYPEs refused, so no external entities): one posting per
 * entry, its guid or link as the id, its content or summary as the description.
 */
@Component
class FeedConnector implements Connector {

    @Override
    public SourceKind kind() {
        return SourceKind.FEED;
    }

    @Override
    public void fetch(Target target, WebFetcher.Session web, Consumer<Posting> sink) {
        WebFetcher.Page page = web.page(target.url());
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            feed = input.build(new InputStreamReader(new ByteArrayInputStream(page.body()), StandardCharsets.UTF_8));
        } catch (FeedException | IllegalArgumentException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new ConnectorException(
                    "The feed at " + WebFetcher.shown(page.uri()) + " is not valid RSS or Atom: "
                            + (reason.length() > 160 ? reason.substring(0, 160) + "…" : reason),
                    e);
        }
        String employer = target.employer();
        for (SyndEntry entry : feed.getEntries()) {
            String description = entry.getContents().isEmpty()
                    ? entry.getDescription() == null
                            ? ""
                            : entry.getDescription().getValue()
                    : entry.getContents().stream().map(SyndContent::getValue).reduce("", (a, b) -> a + "\n" + b);
            String id = entry.getUri() != null ? entry.getUri() : entry.getLink();
            sink.accept(new Posting(
                    id,
                    entry.getTitle(),
                    employer,
                    HtmlText.of(description),
                    List.of(),
                    null,
                    null,
                    null,
                    null,
                    entry.getPublishedDate() != null
                            ? entry.getPublishedDate().toInstant()
                            : entry.getUpdatedDate() == null
                                    ? null
                                    : entry.getUpdatedDate().toInstant(),
                    null,
                    entry.getLink(),
                    entry.getLink()));
        }
    }
}
