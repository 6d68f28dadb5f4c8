package io.openhire.launcher;

import java.util.Map;

/**
 * One service of the platform, as the launcher starts it. What the launcher does differently for a
 * service is said here, by the service's part in the platform, never by its name in launcher code.
 *
 * @param name selects its defaults ({@code openhire/services/<name>.properties}), its database and its log label
 * @param configuration its {@code <Svc>Configuration} class
 * @param database whether it gets a database of its own
 * @param part what it is to the other services (see {@link Part})
 * @param secrets property → file under {@code <data dir>/secrets}: a random 32-byte key, generated on
 *     first start and given only to this service
 * @param directories property → directory under the data directory, for services that keep files
 * @param settings property → value the all-in-one gives this service only (where the launcher's own parts,
 *     such as the mail server, are)
 * @param backsUp whether it takes the platform's backups: it is told where every service's database is, where the
 *     backups go and their key, and reads the key files into them
 */
record ServiceModule(
        String name,
        Class<?> configuration,
        boolean database,
        Part part,
        Map<String, String> secrets,
        Map<String, String> directories,
        Map<String, String> settings,
        boolean backsUp) {

    enum Part {
        /** A service behind the gateway that acts for organisations on its own: it gets a service account. */
        SERVICE,
        /** A service behind the gateway that only ever acts with a person's token (the dashboard). */
        USER_FACING,
        /** Issues tokens: it is told every service account's secret and who the platform operators are. */
        TOKEN_ISSUER,
        /** The one way in: the only service that may listen beyond loopback. */
        EDGE
    }

    /** A service with a database and nothing else from the launcher. */
    static ServiceModule withDatabase(String name, Class<?> configuration) {
        return new ServiceModule(name, configuration, true, Part.SERVICE, Map.of(), Map.of(), Map.of(), false);
    }

    /** A service that keeps no data of its own. */
    static ServiceModule stateless(String name, Class<?> configuration) {
        return new ServiceModule(name, configuration, false, Part.SERVICE, Map.of(), Map.of(), Map.of(), false);
    }

    ServiceModule part(Part part) {
        return new ServiceModule(name, configuration, database, part, secrets, directories, settings, backsUp);
    }

    /** Whether it gets credentials of its own to act for an organisation (ServiceAccount). */
    boolean hasServiceAccount() {
        return part == Part.SERVICE;
    }

    ServiceModule secret(String property, String file) {
        Map<String, String> more = new java.util.LinkedHashMap<>(secrets);
        more.put(property, file);
        return new ServiceModule(name, configuration, database, part, Map.copyOf(more), directories, settings, backsUp);
    }

    ServiceModule directory(String property, String subdirectory) {
        Map<String, String> more = new java.util.LinkedHashMap<>(directories);
        more.put(property, subdirectory);
        return new ServiceModule(name, configuration, database, part, secrets, Map.copyOf(more), settings, backsUp);
    }

    ServiceModule setting(String property, String value) {
        Map<String, String> more = new java.util.LinkedHashMap<>(settings);
        more.put(property, value);
        return new ServiceModule(name, configuration, database, part, secrets, directories, Map.copyOf(more), backsUp);
    }

    ServiceModule backsUpThePlatform() {
        return new ServiceModule(name, configuration, database, part, secrets, directories, settings, true);
    }
}
