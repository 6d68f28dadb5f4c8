package io.openhire.applications.client;

import java.util.List;
import java.util.Map;

/**
 * An application's scorecards, newest first, with the average per criterion and overall (null without cards).
 */
public record Scorecards(
        List<String> criteria, List<Scorecard> scorecards, Map<String, Double> averages, Double overall) {}
