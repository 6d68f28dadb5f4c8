package io.openhire.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Holds a {@code <svc>-client} record to the producer's own type where the producer cannot answer with the
 * client record itself (e.g. a parser's output stored as JSON and shown as it is):
 *
 * <pre>{@code
 * ClientContracts.assertClientReadsAll(ClientContracts.filled(Profile.class), CandidateProfile.class);
 * }</pre>
 */
public final class ClientContracts {

    private ClientContracts() {}

    /**
     * The producer's value written as JSON, read into the client's record and written again, must be the
     * same JSON: a field the client lacks, or names differently, fails.
     */
    public static void assertClientReadsAll(Object producerValue, Class<?> clientType) {
        JsonNode written = GoldenEvents.JSON.valueToTree(producerValue);
        Object read = GoldenEvents.JSON.treeToValue(written, clientType);
        assertThat((JsonNode) GoldenEvents.JSON.valueToTree(read))
                .as(
                        "%s read into %s and written again",
                        producerValue.getClass().getSimpleName(), clientType.getName())
                .isEqualTo(written);
    }

    /**
     * A record with every component set, recursively: strings, numbers, booleans (true), ids, instants,
     * enums (their first constant), one-element lists and sets, one-entry maps, nested records. A new
     * field of the producer's type then shows up in {@link #assertClientReadsAll}, whatever its type.
     */
    public static <T> T filled(Class<T> type) {
        return type.cast(value(type, type.getSimpleName()));
    }

    private static Object value(Type type, String name) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] arguments = parameterized.getActualTypeArguments();
            if (List.class.isAssignableFrom(raw)) {
                return new ArrayList<>(List.of(value(arguments[0], name)));
            }
            if (Set.class.isAssignableFrom(raw)) {
                return new LinkedHashSet<>(Set.of(value(arguments[0], name)));
            }
            if (Map.class.isAssignableFrom(raw)) {
                Map<Object, Object> map = new LinkedHashMap<>();
                map.put(value(arguments[0], name + "-key"), value(arguments[1], name));
                return map;
            }
            throw new IllegalArgumentException("Cannot fill " + name + " of type " + type);
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) {
            return name;
        }
        if (c == int.class || c == Integer.class) {
            return 3;
        }
        if (c == long.class || c == Long.class) {
            return 5L;
        }
        if (c == double.class || c == Double.class) {
            return 0.75;
        }
        if (c == float.class || c == Float.class) {
            return 0.5f;
        }
        if (c == boolean.class || c == Boolean.class) {
            return true;
        }
        if (c == BigDecimal.class) {
            return new BigDecimal("1234.50");
        }
        if (c == UUID.class) {
            return UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        if (c == Instant.class) {
            return Instant.parse("2026-11-22T09:30:00Z");
        }
        if (c == LocalDate.class) {
            return LocalDate.parse("2026-11-22");
        }
        if (c.isEnum()) {
            return c.getEnumConstants()[0];
        }
        if (c.isArray()) {
            Object array = Array.newInstance(c.getComponentType(), 1);
            Array.set(array, 0, value(c.getComponentType(), name));
            return array;
        }
        if (c.isRecord()) {
            RecordComponent[] components = c.getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                values[i] = value(components[i].getGenericType(), components[i].getName());
                types[i] = components[i].getType();
            }
            try {
                Constructor<?> canonical = c.getDeclaredConstructor(types);
                canonical.setAccessible(true);
                return canonical.newInstance(values);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot create " + c.getName(), e);
            }
        }
        throw new IllegalArgumentException("Cannot fill " + name + " of type " + type);
    }
}
