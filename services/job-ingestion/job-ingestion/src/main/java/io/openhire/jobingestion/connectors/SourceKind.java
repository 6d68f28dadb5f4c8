package io.openhire.jobingestion.connectors;

/** The kinds of job source OpenHire can crawl; each has one {@link Connector}. */
public enum SourceKind {
    /** Greenhouse Job Board API: {@code GET /v1/boards/{board}/jobs?content=true}. */
    GREENHOUSE("https://boards-api.greenhouse.io"),
    /** Lever Postings API: {@code GET /v0/postings/{site}?mode=json}, paged. */
    LEVER("https://api.lever.co"),
    /** A career site: schema.org JobPosting JSON-LD on the page or on the pages it links to. */
    JSON_LD(null),
    /** An RSS or Atom feed of postings. */
    FEED(null),
    /** USAJOBS Search API (needs an API key and the requester's email). */
    USAJOBS("https://data.usajobs.gov");

    private final String defaultUrl;

    SourceKind(String defaultUrl) {
        this.defaultUrl = defaultUrl;
    }

    /** The official API's address, or null where the user must give one (a site or a feed). */
    public String defaultUrl() {
        return defaultUrl;
    }

    /** Whether the source is named by a board token / site name / keyword as well as an address. */
    public boolean needsBoard() {
        return this == GREENHOUSE || this == LEVER;
    }
}
