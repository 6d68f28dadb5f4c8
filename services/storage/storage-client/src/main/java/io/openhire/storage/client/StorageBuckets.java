package io.openhire.storage.client;

/**
 * The buckets that hold a service's documents ({@code openhire.storage.service-buckets}): only the owning
 * services' own tokens reach them, never a user directly.
 */
public final class StorageBuckets {

    /** Resume originals: written by resume-ingestion, read by resume-processing. */
    public static final String RESUMES = "resumes";

    /** Model artifacts of the platform organisation: model-registry's. */
    public static final String MODELS = "models";

    private StorageBuckets() {}
}
