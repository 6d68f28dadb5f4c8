package io.openhire.privacy.client;

import java.util.List;
import java.util.Map;

/**
 * One service's answer to a data-subject request.
 *
 * @param records how many of the person's records it found (ACCESS) or erased (ERASURE)
 * @param remaining how many it still holds after answering: 0 is what an erasure must end with
 * @param data for ACCESS, what it holds of the person as JSON-able values (records by kind); empty for ERASURE
 * @param files for ACCESS, the person's files (originals); empty for ERASURE
 */
public record SubjectAnswer(int records, int remaining, Map<String, Object> data, List<SubjectFile> files) {

    public SubjectAnswer {
        data = data == null ? Map.of() : data;
        files = files == null ? List.of() : List.copyOf(files);
    }

    public static SubjectAnswer erased(int records, int remaining) {
        return new SubjectAnswer(records, remaining, Map.of(), List.of());
    }
}
