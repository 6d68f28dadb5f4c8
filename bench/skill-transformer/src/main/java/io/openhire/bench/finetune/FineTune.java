package io.openhire.bench.finetune;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import io.openhire.tagging.SpanScores;
import io.openhire.tagging.TaggedSentence;
import io.openhire.tagging.TokenSpan;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Fine-tunes MiniLM (weights read from the ONNX file) for BIO skill-span tagging on SkillSpan train
 * (tech + house), scoring strict/lenient span F1 on tech dev, house dev and Green dev after each epoch.
 *
 * <pre>
 * --epochs 4 --batch 16 --lr 5e-5 --head-lr 1e-3 --warmup 0.1 --dropout 0.1 --wd 0.01 --seed 42
 * --train-layers 6          top N encoder layers trained (6 = all, embeddings included)
 * --freeze-word-embeddings  keep embeddings.word_embeddings.weight fixed
 * --green-cv                5-fold CV on Green dev instead (train: SkillSpan train + 4/5 Green)
 * --folds 1,2,3,4,5         which CV folds to run
 * --max-steps N             stop an epoch after N steps (smoke test)
 * --out DIR                 log and weights
 * </pre>
 */
public final class FineTune {

    static final Path DATA = Path.of(System.getProperty("openhire.shared-data", "../shared/data")).resolve("skill-extraction");

    record Options(int epochs, int batch, float lr, float headLr, float warmup, float dropout, float wd, long seed,
                   int trainLayers, boolean freezeWordEmbeddings, boolean greenCv, int maxSteps, Path out,
                   boolean save, String folds) {
        static Options parse(String[] args) {
            Map<String, String> a = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i++) {
                String k = args[i];
                if (k.equals("--freeze-word-embeddings") || k.equals("--green-cv") || k.equals("--no-save")) {
                    a.put(k, "true");
                } else {
                    a.put(k, args[++i]);
                }
            }
            return new Options(
                    Integer.parseInt(a.getOrDefault("--epochs", "4")),
                    Integer.parseInt(a.getOrDefault("--batch", "16")),
                    Float.parseFloat(a.getOrDefault("--lr", "5e-5")),
                    Float.parseFloat(a.getOrDefault("--head-lr", "1e-3")),
                    Float.parseFloat(a.getOrDefault("--warmup", "0.1")),
                    Float.parseFloat(a.getOrDefault("--dropout", "0.1")),
                    Float.parseFloat(a.getOrDefault("--wd", "0.01")),
                    Long.parseLong(a.getOrDefault("--seed", "42")),
                    Integer.parseInt(a.getOrDefault("--train-layers", "6")),
                    a.containsKey("--freeze-word-embeddings"),
                    a.containsKey("--green-cv"),
                    Integer.parseInt(a.getOrDefault("--max-steps", "0")),
                    Path.of(a.getOrDefault("--out", "bench/skill-transformer/out/run")),
                    !a.containsKey("--no-save"),
                    a.getOrDefault("--folds", "1,2,3,4,5"));
        }
    }

    private final Options o;
    private final PrintStream log;
    private final byte[] onnxBytes;

    FineTune(Options o, PrintStream log, byte[] onnxBytes) {
        this.o = o;
        this.log = log;
        this.onnxBytes = onnxBytes;
    }

    public static void main(String[] args) throws Exception {
        Resources.offline();
        Options o = Options.parse(args);
        Files.createDirectories(o.out());
        try (OutputStream file = Files.newOutputStream(o.out().resolve("log.txt"))) {
            PrintStream log = new PrintStream(new Tee(System.out, file), true);
            log.println("options " + o);
            Engine.getInstance().setRandomSeed((int) o.seed());
            Data.WordPieces pieces = new Data.WordPieces(Resources.tokenizer(false));
            Path ss = DATA.resolve("skillspan");
            Data.Corpus train = Data.corpus("skillspan train (tech+house)",
                    List.of(ss.resolve("skillspan_tech_train.conll"), ss.resolve("skillspan_house_train.conll")), pieces);
            Data.Corpus tech = Data.corpus("tech dev", List.of(ss.resolve("skillspan_tech_dev.conll")), pieces);
            Data.Corpus house = Data.corpus("house dev", List.of(ss.resolve("skillspan_house_dev.conll")), pieces);
            Data.Corpus green = Data.corpus("green dev", List.of(DATA.resolve("green/dev.conll")), pieces);
            for (Data.Corpus c : List.of(train, tech, house, green)) {
                log.printf("%-30s %5d sentences %6d words %6d chunks %7d pieces (max %d per chunk)%n",
                        c.name(), c.sentences().size(), c.words(), c.chunks().size(), c.pieces(), MAX(c));
            }
            FineTune run = new FineTune(o, log, Resources.onnxBytes());
            if (o.greenCv()) {
                run.greenCv(train, green, pieces);
            } else {
                run.train(train, List.of(tech, house, green), true);
            }
        }
    }

    private static int MAX(Data.Corpus c) {
        return c.chunks().stream().mapToInt(x -> x.ids().length).max().orElse(0);
    }

    /**
     * Trains a fresh model; scores {@code dev} after each epoch; returns, per epoch, the argmax then the
     * Viterbi predictions of dev[0]. Keeps the weights of the epoch with the best Viterbi tech+house F1.
     */
    List<List<List<TokenSpan>>> train(Data.Corpus train, List<Data.Corpus> dev, boolean measure) throws Exception {
        List<List<List<TokenSpan>>> perEpochFirstDev = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            MiniLm encoder = MiniLm.fromOnnx(manager, OnnxWeights.read(onnxBytes), null);
            Tagger tagger = Tagger.withNewHead(encoder, manager, o.seed());
            List<AdamW.Param> trainable = trainable(encoder);
            long count = 0;
            for (AdamW.Param p : trainable) {
                count += p.value().size();
            }
            log.printf("trainable: %d arrays, %d floats (of %d)%n", trainable.size(), count,
                    encoder.params.values().stream().mapToLong(NDArray::size).sum());
            AdamW adam = new AdamW(manager, trainable, o.wd(), 1.0f);

            Random random = new Random(o.seed());
            int stepsPerEpoch = (train.chunks().size() + o.batch() - 1) / o.batch();
            if (o.maxSteps() > 0) {
                stepsPerEpoch = Math.min(stepsPerEpoch, o.maxSteps());
            }
            int total = stepsPerEpoch * o.epochs();
            int warmup = Math.max(1, Math.round(total * o.warmup()));
            int step = 0;
            double bestF1 = -1;
            for (int epoch = 1; epoch <= o.epochs(); epoch++) {
                List<List<Data.Chunk>> batches = batches(train.chunks(), random);
                long started = System.nanoTime();
                double lossSum = 0;
                int skipped = 0;
                long pieces = 0;
                int done = 0;
                for (List<Data.Chunk> chunks : batches) {
                    if (o.maxSteps() > 0 && done >= o.maxSteps()) {
                        break;
                    }
                    float factor = step < warmup ? (step + 1f) / warmup : Math.max(0f, (total - step) / (float) (total - warmup));
                    float loss;
                    try (NDManager scope = manager.newSubManager()) {
                        Tagger.Batch batch = Tagger.Batch.of(scope, chunks);
                        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                            NDArray l = tagger.loss(batch, o.dropout());
                            collector.backward(l);
                            loss = l.getFloat();
                        }
                        if (Float.isFinite(loss)) {
                            double norm = adam.step(scope, o.lr() * factor, o.headLr() * factor);
                            if (!Double.isFinite(norm)) {
                                skipped++;
                                log.printf("  epoch %d step %d: gradient norm %s, update skipped%n", epoch, done + 1, norm);
                            }
                        } else {
                            adam.zeroGradients();
                            skipped++;
                            log.printf("  epoch %d step %d: loss %s, update skipped%n", epoch, done + 1, loss);
                        }
                        pieces += batch.pieces();
                    }
                    lossSum += Float.isFinite(loss) ? loss : 0;
                    step++;
                    done++;
                    if (done % 50 == 0) {
                        double s = (System.nanoTime() - started) / 1e9;
                        log.printf("  epoch %d step %d/%d loss %.4f (mean %.4f) %.0f pieces/s rss %d MB%n",
                                epoch, done, batches.size(), loss, lossSum / done, pieces / s, rssMb());
                    }
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                log.printf("epoch %d: %d steps (%d skipped) in %.1f s (%.0f training pieces/s), mean loss %.4f, peak rss %d MB%n",
                        epoch, done, skipped, seconds, pieces / seconds, lossSum / done, peakRssMb());
                double f1Sum = 0;
                for (int d = 0; d < dev.size(); d++) {
                    Data.Corpus c = dev.get(d);
                    long t0 = System.nanoTime();
                    Map<Data.Chunk, float[][]> logProbs = tagger.logProbs(manager, c.chunks(), 64);
                    double s = (System.nanoTime() - t0) / 1e9;
                    List<List<TokenSpan>> predicted = Data.spans(c, Tagger.decode(logProbs, false));
                    List<List<TokenSpan>> viterbi = Data.spans(c, Tagger.decode(logProbs, true));
                    SpanScores scores = SpanScores.of(c.gold(), predicted);
                    log.println("  " + scores.line(c.name() + " epoch " + epoch + " argmax")
                            + String.format("  (%.1f s, %.0f pieces/s batched)", s, c.pieces() / s));
                    SpanScores vScores = SpanScores.of(c.gold(), viterbi);
                    log.println("  " + vScores.line(c.name() + " epoch " + epoch + " viterbi"));
                    if (d == 0) {
                        perEpochFirstDev.add(predicted);
                        perEpochFirstDev.add(viterbi);
                    }
                    if (d < 2) {
                        f1Sum += vScores.f1();
                    }
                }
                if (measure && o.save() && f1Sum > bestF1) {
                    bestF1 = f1Sum;
                    Path file = o.out().resolve("best.params");
                    try (OutputStream out = Files.newOutputStream(file)) {
                        Map<String, NDArray> save = new LinkedHashMap<>(encoder.params);
                        MiniLm.write(save, out);
                    }
                    log.printf("  saved %s (epoch %d, tech+house viterbi strict F1 sum %.3f, %d MB)%n",
                            file, epoch, f1Sum, Files.size(file) >> 20);
                }
            }
            if (measure) {
                latency(tagger, manager, dev.get(0));
            }
        }
        return perEpochFirstDev;
    }

    /** Single-sentence latency on the first 300 sentences of a corpus (after 20 warm-up calls). */
    private void latency(Tagger tagger, NDManager manager, Data.Corpus corpus) {
        List<Data.Chunk> chunks = corpus.chunks().subList(0, Math.min(300, corpus.chunks().size()));
        for (int i = 0; i < 20; i++) {
            tagger.predict(manager, List.of(chunks.get(i)), 1);
        }
        long pieces = 0;
        long started = System.nanoTime();
        for (Data.Chunk c : chunks) {
            tagger.predict(manager, List.of(c), 1);
            pieces += c.ids().length;
        }
        double s = (System.nanoTime() - started) / 1e9;
        log.printf("single-sentence inference: %d chunks, mean %.2f ms per sentence, mean %.1f pieces, %.0f pieces/s%n",
                chunks.size(), 1000 * s / chunks.size(), pieces / (double) chunks.size(), pieces / s);
        log.printf("peak rss %d MB%n", peakRssMb());
    }

    /** 5-fold CV on Green dev: sentence i is in fold i % 5; each fold scored by a model that never saw it. */
    void greenCv(Data.Corpus train, Data.Corpus green, Data.WordPieces pieces) throws Exception {
        int folds = 5;
        List<List<List<TokenSpan>>> pooledPredicted = new ArrayList<>();
        List<List<TokenSpan>> pooledGold = new ArrayList<>();
        for (int fold = 0; fold < folds; fold++) {
            if (!java.util.Arrays.asList(o.folds().split(",")).contains(String.valueOf(fold + 1))) {
                continue;
            }
            Data.Corpus held = green.fold(fold, folds, true, pieces);
            Data.Corpus rest = green.fold(fold, folds, false, pieces);
            List<TaggedSentence> sentences = new ArrayList<>(train.sentences());
            sentences.addAll(rest.sentences());
            List<List<TokenSpan>> gold = new ArrayList<>(train.gold());
            gold.addAll(rest.gold());
            Data.Corpus foldTrain = new Data.Corpus(
                    "skillspan train + " + rest.name(), sentences, pieces.chunks(sentences), gold);
            log.printf("fold %d: train %d sentences, held out %d%n", fold + 1, sentences.size(), held.sentences().size());
            List<List<List<TokenSpan>>> perEpoch = train(foldTrain, List.of(held), false);
            pooledGold.addAll(held.gold());
            for (int e = 0; e < perEpoch.size(); e++) {
                if (pooledPredicted.size() <= e) {
                    pooledPredicted.add(new ArrayList<>());
                }
                pooledPredicted.get(e).addAll(perEpoch.get(e));
            }
            for (int e = 0; e < pooledPredicted.size(); e++) {
                log.println(SpanScores.of(pooledGold, pooledPredicted.get(e))
                        .line("green CV folds " + o.folds() + " up to " + (fold + 1) + " epoch " + (e / 2 + 1) + (e % 2 == 0 ? " argmax" : " viterbi")));
            }
        }
    }

    private List<AdamW.Param> trainable(MiniLm encoder) {
        List<AdamW.Param> out = new ArrayList<>();
        int firstLayer = MiniLm.LAYERS - o.trainLayers();
        for (Map.Entry<String, NDArray> e : encoder.params.entrySet()) {
            String name = e.getKey();
            boolean head = name.startsWith("head.");
            boolean train;
            if (head) {
                train = true;
            } else if (name.startsWith("embeddings.")) {
                train = o.trainLayers() >= MiniLm.LAYERS
                        && !(o.freezeWordEmbeddings() && name.equals("embeddings.word_embeddings.weight"));
            } else {
                int layer = Integer.parseInt(name.split("\\.")[2]);
                train = layer >= firstLayer;
            }
            if (train) {
                boolean decay = name.endsWith(".weight") && !name.contains("LayerNorm") && !name.contains("embeddings");
                out.add(new AdamW.Param(name, e.getValue(), head, decay));
            }
        }
        return out;
    }

    /** Shuffled, then sorted by length within pools of 50 batches (less padding), batch order shuffled. */
    private List<List<Data.Chunk>> batches(List<Data.Chunk> chunks, Random random) {
        List<Data.Chunk> shuffled = new ArrayList<>(chunks);
        Collections.shuffle(shuffled, random);
        List<List<Data.Chunk>> batches = new ArrayList<>();
        int pool = o.batch() * 50;
        for (int from = 0; from < shuffled.size(); from += pool) {
            List<Data.Chunk> part = new ArrayList<>(shuffled.subList(from, Math.min(shuffled.size(), from + pool)));
            part.sort(java.util.Comparator.comparingInt(c -> c.ids().length));
            for (int b = 0; b < part.size(); b += o.batch()) {
                batches.add(part.subList(b, Math.min(part.size(), b + o.batch())));
            }
        }
        Collections.shuffle(batches, random);
        return batches;
    }

    static long rssMb() {
        return statusKb("VmRSS:") >> 10;
    }

    static long peakRssMb() {
        return statusKb("VmHWM:") >> 10;
    }

    private static long statusKb(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (Exception e) {
            // not Linux
        }
        return -1;
    }

    /** Writes to the console and the log file. */
    static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int x) throws java.io.IOException {
            a.write(x);
            b.write(x);
        }

        @Override
        public void write(byte[] buf, int off, int len) throws java.io.IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }

        @Override
        public void flush() throws java.io.IOException {
            a.flush();
            b.flush();
        }
    }
}
