package io.openhire.jobingestion.client;

/**
 * A job source to add.
 *
 * @param name at most 100 characters (required)
 * @param kind {@code GREENHOUSE}, {@code LEVER}, {@code JSON_LD}, {@code FEED} or {@code USAJOBS} (required)
 * @param board the Greenhouse board token or Lever site name (those kinds only)
 * @param url the career page or feed to read (JSON_LD, FEED; the others default to their official API)
 * @param employer the employer to assume when postings do not name one
 * @param scheduleMinutes crawl every this many minutes; null: only on request
 * @param apiKey the source's API key (USAJOBS), sealed and never shown again
 * @param apiEmail the e-mail the API key belongs to (USAJOBS)
 */
public record NewSource(
        String name,
        String kind,
        String board,
        String url,
        String employer,
        Integer scheduleMinutes,
        String apiKey,
        String apiEmail) {}
