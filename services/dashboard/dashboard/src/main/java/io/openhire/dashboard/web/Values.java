package io.openhire.dashboard.web;

import java.util.List;
import java.util.Map;

/** Reading the services' JSON answers (plain maps) in controllers; templates read the maps directly. */
final class Values {

    private Values() {}

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> answer, String field) {
        return answer.get(field) instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    static long number(Map<String, Object> answer, String field) {
        return answer.get(field) instanceof Number n ? n.longValue() : 0;
    }

    static String text(Map<String, Object> answer, String field) {
        Object value = answer.get(field);
        return value == null ? null : value.toString();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> answer, String field) {
        return answer.get(field) instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
