package org.finassist.rag.store.lucene;

import java.util.Iterator;
import java.util.List;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** Feeds tokens already segmented in Java to Lucene, so both stores index exactly the same tokens. */
final class ListTokenStream extends TokenStream {

    private final List<String> tokens;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private Iterator<String> it;

    ListTokenStream(List<String> tokens) {
        this.tokens = tokens;
    }

    @Override
    public void reset() {
        it = tokens.iterator();
    }

    @Override
    public boolean incrementToken() {
        if (!it.hasNext()) return false;
        clearAttributes();
        term.setEmpty().append(it.next());
        return true;
    }
}
