package io.openhire.launcher;

import java.util.Map;

/**
 * One service of the platform, as the launcher starts it.
 *
 * @param name selects its defaults ({@code openhire/services/<name>.properties}), its database and its log label
 * @param configuration its {@code <Svc>Configuration} class
 * @param database whether it gets a database of its own
 * @param secrets property → file under {@code <data dir>/secrets}: a random 32-byte key, generated on
 *     first start and given only to this service
 * @param directories property → directory under the data directory, for services that keep files
 */
record ServiceModule(
        String name,
        Class<?> configuration,
        boolean database,
        Map<String, String> secrets,
        Map<String, String> directories) {

    /** A service with a database and nothing else from the launcher. */
    static ServiceModule withDatabase(String name, Class<?> configuration) {
        return new ServiceModule(name, configuration, true, Map.of(), Map.of());
    }

    /** A service that keeps no data (the gateway). */
    static ServiceModule stateless(String name, Class<?> configuration) {
        return new ServiceModule(name, configuration, false, Map.of(), Map.of());
    }

    ServiceModule secret(String property, String file) {
        Map<String, String> more = new java.util.LinkedHashMap<>(secrets);
        more.put(property, file);
        return new ServiceModule(name, configuration, database, Map.copyOf(more), directories);
    }

    ServiceModule directory(String property, String subdirectory) {
        Map<String, String> more = new java.util.LinkedHashMap<>(directories);
        more.put(property, subdirectory);
        return new ServiceModule(name, configuration, database, secrets, Map.copyOf(more));
    }
}
