package io.openhire.bench.finetune;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;

/** Times the pieces of a training step and a single-sentence forward pass. */
public final class Bench {
    public static void main(String[] args) throws Exception {
        Resources.offline();
        try (NDManager manager = NDManager.newBaseManager()) {
            MiniLm encoder = MiniLm.fromOnnx(manager, OnnxWeights.read(Resources.onnxBytes()), null);
            Tagger tagger = Tagger.withNewHead(encoder, manager, 1);
            List<AdamW.Param> params = new ArrayList<>();
            boolean freeze = args.length > 0 && args[0].equals("freeze");
            encoder.params.forEach((k, v) -> {
                if (!(freeze && k.equals("embeddings.word_embeddings.weight"))) {
                    params.add(new AdamW.Param(k, v, k.startsWith("head"), true));
                }
            });
            AdamW adam = new AdamW(manager, params, 0.01f, 1f);
            List<Data.Chunk> chunks = new ArrayList<>();
            java.util.Random r = new java.util.Random(1);
            for (int i = 0; i < 16; i++) {
                long[] ids = new long[26];
                int[] starts = new int[20];
                int[] labels = new int[20];
                for (int j = 0; j < ids.length; j++) {
                    ids[j] = 1000 + r.nextInt(20000);
                }
                for (int w = 0; w < 20; w++) {
                    starts[w] = w + 1;
                }
                chunks.add(new Data.Chunk(i, 0, ids, starts, labels));
            }
            for (int rep = 0; rep < 8; rep++) {
                long t0 = System.nanoTime();
                long t1;
                try (NDManager scope = manager.newSubManager()) {
                    Tagger.Batch batch = Tagger.Batch.of(scope, chunks);
                    try (GradientCollector c = Engine.getInstance().newGradientCollector()) {
                        NDArray l = tagger.loss(batch, 0.1f);
                        l.getFloat();
                        long tf = System.nanoTime();
                        c.backward(l);
                        t1 = System.nanoTime();
                        System.out.printf("forward %.0f ms backward %.0f ms ", (tf - t0) / 1e6, (t1 - tf) / 1e6);
                    }
                    adam.step(scope, 1e-5f, 1e-4f);
                }
                long t2 = System.nanoTime();
                System.out.printf("adam %.0f ms%n", (t2 - t1) / 1e6);
            }
            for (int rep = 0; rep < 5; rep++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < 20; i++) {
                    tagger.predict(manager, List.of(chunks.get(i % 16)), 1);
                }
                System.out.printf("single forward (26 pieces) %.1f ms%n", (System.nanoTime() - t0) / 1e6 / 20);
            }
        }
    }
}
