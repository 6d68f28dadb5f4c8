package io.openhire.jobingestion.connectors;

import java.net.URI;
import java.util.function.Consumer;

/** Reads every current posting of one kind of source. */
public interface Connector {

    /**
     * What a connector needs to know of a source (its API key already unsealed).
     *
     * @param url API base, page or feed
     * @param board Greenhouse board token, Lever site, USAJOBS keyword
     */
    record Target(SourceKind kind, URI url, String board, String employer, String apiKey, String apiUser) {}

    SourceKind kind();

    /**
     * Hands each posting to {@code sink} as it is read. Throws {@link ConnectorException} when the source
     * cannot be read as a whole; a single unusable posting is the sink's business, not a failure.
     */
    void fetch(Target target, WebFetcher.Session web, Consumer<Posting> sink);
}
