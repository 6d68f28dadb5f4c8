package io.openhire.bench.finetune;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.openhire.tagging.SpanScores;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Scores saved weights on tech, house and Green dev with argmax and with BIO-constrained Viterbi decoding. */
public final class Evaluate {
    public static void main(String[] args) throws Exception {
        Resources.offline();
        Path params = Path.of(args.length > 0 ? args[0] : "bench/skill-transformer/out/full/best.params");
        Data.WordPieces pieces = new Data.WordPieces(Resources.tokenizer(false));
        Path ss = FineTune.DATA.resolve("skillspan");
        List<Data.Corpus> dev = List.of(
                Data.corpus("tech dev", List.of(ss.resolve("skillspan_tech_dev.conll")), pieces),
                Data.corpus("house dev", List.of(ss.resolve("skillspan_house_dev.conll")), pieces),
                Data.corpus("green dev", List.of(FineTune.DATA.resolve("green/dev.conll")), pieces));
        try (NDManager manager = NDManager.newBaseManager(); InputStream in = Files.newInputStream(params)) {
            Map<String, NDArray> weights = MiniLm.read(manager, in);
            Tagger tagger = new Tagger(MiniLm.of(weights));
            System.out.println("weights " + params);
            for (Data.Corpus c : dev) {
                Map<Data.Chunk, float[][]> lp = tagger.logProbs(manager, c.chunks(), 64);
                for (boolean viterbi : new boolean[] {false, true}) {
                    SpanScores s = SpanScores.of(c.gold(), Data.spans(c, Tagger.decode(lp, viterbi)));
                    System.out.println(s.line(c.name() + (viterbi ? " viterbi" : " argmax")));
                }
            }
        }
    }
}
