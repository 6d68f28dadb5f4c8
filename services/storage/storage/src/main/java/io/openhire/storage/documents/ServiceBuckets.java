package io.openhire.storage.documents;

import io.openhire.platform.errors.DomainException;
import io.openhire.platform.security.AuthenticatedUser;
import io.openhire.platform.security.PlatformRoles;
import io.openhire.storage.StorageProperties;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Buckets that hold another service's documents ({@code openhire.storage.service-buckets}): resume
 * originals belong to resume-ingestion, model artifacts to model-registry. Those services decide who may
 * see a document (a candidate their own resume, an operator a model); storage cannot, so it lets only
 * the owning services' own tokens in. A user, even an organisation's admin, goes through the service.
 */
@Component
class ServiceBuckets {

    private final Map<String, List<String>> owners;

    ServiceBuckets(StorageProperties properties) {
        this.owners = properties.serviceBuckets();
    }

    /** The same check for reading, listing, writing and deleting. */
    void checkAccess(AuthenticatedUser caller, String bucket) {
        List<String> services = owners.get(bucket);
        if (services == null || ownedByCaller(caller, services)) {
            return;
        }
        throw DomainException.notPermitted("The bucket " + bucket + " belongs to "
                + (services.isEmpty() ? "another service" : String.join(", ", services))
                + ": its documents are reached only through that service.");
    }

    private static boolean ownedByCaller(AuthenticatedUser caller, List<String> services) {
        // identity issues service tokens with sub_kind "service", subject "service:<name>" and role SERVICE.
        return caller.kind() == AuthenticatedUser.Kind.SERVICE
                && caller.hasRole(PlatformRoles.SERVICE)
                && services.stream().anyMatch(service -> caller.subject().equals("service:" + service));
    }
}
