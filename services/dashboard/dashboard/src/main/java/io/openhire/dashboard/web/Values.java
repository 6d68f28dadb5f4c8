package io.openhire.dashboard.web;

import java.util.List;
import java.util.Map;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Reading the services' JSON answers (plain maps) in controllers; templates read the maps directly. */
final class Values {

    private Values() {}

    /** Query parameters from name/value pairs; blank values are left out (an empty filter is no filter). */
    static MultiValueMap<String, String> query(String... pairs) {
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i + 1] != null && !pairs[i + 1].isBlank()) {
                query.add(pairs[i], pairs[i + 1]);
            }
        }
        return query;
    }

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
