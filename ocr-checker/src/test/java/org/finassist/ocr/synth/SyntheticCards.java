package org.finassist.ocr.synth;

import java.awt.Font;
import java.time.LocalDate;
import org.finassist.ocr.idcard.CardSide;

/** Deterministic generator of synthetic ID-card photos for tests and the benchmark. */
public final class SyntheticCards {

    private final Identities identities;
    private final CardRenderer renderer;
    private final PhotoSimulator simulator;

    public SyntheticCards(Font font, long seed, LocalDate today) {
        this.identities = new Identities(seed, today);
        this.renderer = new CardRenderer(font);
        this.simulator = new PhotoSimulator(seed * 31 + 7);
    }

    public Identities identities() {
        return identities;
    }

    public SyntheticCard photo(Identity id, CardSide side, Degradation d) {
        var card = side == CardSide.BACK ? renderer.back(id) : renderer.front(id);
        return new SyntheticCard(id, side, d, simulator.photo(card, d));
    }

    public SyntheticCard next(CardSide side, Degradation d) {
        return photo(identities.next(), side, d);
    }
}
