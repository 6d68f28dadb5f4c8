package io.openhire.modelregistry.artifacts;

import io.openhire.modelregistry.client.TaggerConfig;
import io.openhire.tagging.CrfModel;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Proves that an uploaded token-classification artifact is a CRF tagger in libs/sequence-tagging's format by
 * reading it with {@link CrfModel#read}, and reads its labels and sizes from it rather than from the uploader.
 */
public class CrfInspector {

    /** Taggers are small (the shipped skill tagger is 0.6 MB, a resume tagger a few MB). */
    public static final long MAX_SIZE = 64L * 1024 * 1024;

    /** "OHCR", the format's first int inside the gzip stream. */
    private static final int MAGIC = 0x4F484352;

    private static final int MAX_LABELS = 512;
    private static final int MAX_BITS = 24;
    private static final int MAX_DENSE_DIMS = 8192;
    /** Reading a model allocates 2^bits × labels weights: at most 2^25 (128 MB), ~10× today's largest. */
    private static final long MAX_WEIGHTS = 1L << 25;

    /** The tagger's configuration: the declared {@code features} with the labels and sizes of the model. */
    public TaggerConfig inspect(Path artifact, String features) {
        long size = size(artifact);
        if (size > MAX_SIZE) {
            throw OnnxInspector.invalid("artifact", "is " + size + " bytes; a CRF tagger may be at most 64 MB");
        }
        checkSizes(artifact);
        CrfModel model;
        try (InputStream in = Files.newInputStream(artifact)) {
            model = CrfModel.read(in);
        } catch (IOException | RuntimeException e) {
            throw OnnxInspector.invalid(
                    "artifact", "is not a CRF tagger CrfModel can read: " + OnnxInspector.firstLine(e.getMessage()));
        }
        if (model.labels().isEmpty()) {
            throw OnnxInspector.invalid("artifact", "is a CRF tagger without labels");
        }
        return new TaggerConfig(features, model.labels(), model.bits(), model.denseDims());
    }

    /**
     * Reads the header before the model is: a damaged or hostile file must not make the registry allocate
     * gigabytes. A file that does not start like a CRF model is left to {@link CrfModel#read} to refuse, with
     * its own reason.
     */
    private static void checkSizes(Path artifact) {
        int labels;
        int bits;
        int denseDims;
        try (DataInputStream data = new DataInputStream(new GZIPInputStream(Files.newInputStream(artifact), 8192))) {
            if (data.readInt() != MAGIC) {
                return;
            }
            data.readInt(); // format: CrfModel.read checks it
            labels = data.readInt();
            if (labels < 1 || labels > MAX_LABELS) {
                throw OnnxInspector.invalid(
                        "artifact",
                        "is a CRF tagger with " + labels + " labels (1 to " + MAX_LABELS + " are accepted)");
            }
            for (int i = 0; i < labels; i++) {
                data.readUTF();
            }
            bits = data.readInt();
            denseDims = data.readInt();
        } catch (IOException e) {
            return; // not gzip, or cut short: CrfModel.read says which
        }
        if (bits < 1 || bits > MAX_BITS || denseDims < 0 || denseDims > MAX_DENSE_DIMS) {
            throw OnnxInspector.invalid(
                    "artifact",
                    "is a CRF tagger of 2^" + bits + " feature buckets and " + denseDims + " dense dimensions (up to 2^"
                            + MAX_BITS + " and " + MAX_DENSE_DIMS + " are accepted)");
        }
        if ((1L << bits) * labels > MAX_WEIGHTS) {
            throw OnnxInspector.invalid(
                    "artifact",
                    "is a CRF tagger of 2^" + bits + " feature buckets × " + labels
                            + " labels: more weights than the registry reads (2^25)");
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
