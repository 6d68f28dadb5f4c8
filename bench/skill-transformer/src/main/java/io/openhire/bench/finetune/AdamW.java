package io.openhire.bench.finetune;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AdamW (decoupled weight decay, Loshchilov and Hutter) over NDArrays, with global gradient-norm clipping.
 * Call {@link #step} after the GradientCollector is closed (grad mode off): updates are in place.
 */
public final class AdamW {

    /** A trainable parameter, its learning-rate group and whether it decays. */
    public record Param(String name, NDArray value, boolean head, boolean decay) {}

    private final List<Param> params;
    private final Map<String, NDArray[]> moments = new LinkedHashMap<>();
    private final float beta1 = 0.9f;
    private final float beta2 = 0.999f;
    private final float eps = 1e-8f;
    private final float weightDecay;
    private final float clipNorm;
    private int t;

    public AdamW(NDManager stateManager, List<Param> params, float weightDecay, float clipNorm) {
        this.params = params;
        this.weightDecay = weightDecay;
        this.clipNorm = clipNorm;
        for (Param p : params) {
            p.value().setRequiresGradient(true);
            moments.put(p.name(), new NDArray[] {
                stateManager.zeros(p.value().getShape()), stateManager.zeros(p.value().getShape())
            });
        }
    }

    /**
     * One update with learning rates {@code lr} (encoder) and {@code headLr} (head); zeroes the gradients.
     *
     * @return the gradient norm before clipping
     */
    public double step(NDManager manager, float lr, float headLr) {
        t++;
        try (NDManager tmp = manager.newSubManager()) {
            NDArray[] grads = new NDArray[params.size()];
            double squares = 0;
            for (int i = 0; i < grads.length; i++) {
                grads[i] = params.get(i).value().getGradient();
                grads[i].attach(tmp);
                double n = grads[i].norm().getFloat();
                squares += n * n;
            }
            double norm = Math.sqrt(squares);
            if (!Double.isFinite(norm)) {
                // a non-finite gradient (seen once, Green CV fold 4 epoch 2): skip the update, keep the weights
                for (NDArray g : grads) {
                    g.muli(0f);
                }
                t--;
                return norm;
            }
            float scale = clipNorm > 0 && norm > clipNorm ? (float) (clipNorm / norm) : 1f;
            double correction1 = 1 - Math.pow(beta1, t);
            double correction2 = 1 - Math.pow(beta2, t);
            // few temporaries: the word-embedding matrix alone is 47 MB per array
            for (int i = 0; i < grads.length; i++) {
                Param p = params.get(i);
                NDArray[] mv = moments.get(p.name());
                NDArray g = grads[i];
                tmp.tempAttachAll(p.value(), mv[0], mv[1]);
                if (scale != 1f) {
                    g.muli(scale);
                }
                float rate = p.head() ? headLr : lr;
                try (NDArray g2 = g.mul(g)) {
                    mv[1].muli(beta2).addi(g2.muli(1 - beta2));
                }
                mv[0].muli(beta1).addi(g.muli(1 - beta1));
                if (p.decay() && weightDecay > 0) {
                    p.value().muli(1 - rate * weightDecay);
                }
                float stepSize = (float) (rate * Math.sqrt(correction2) / correction1);
                try (NDArray denom = mv[1].sqrt().addi((float) (eps * Math.sqrt(correction2)));
                        NDArray update = mv[0].div(denom)) {
                    p.value().subi(update.muli(stepSize));
                }
                g.muli(0f); // the parameter's .grad tensor: backward accumulates into it
            }
            return norm;
        }
    }

    /** Zeroes the gradients without updating (after a non-finite loss). */
    public void zeroGradients() {
        for (Param p : params) {
            try (NDArray g = p.value().getGradient()) {
                g.muli(0f);
            }
        }
    }
}
