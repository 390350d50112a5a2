package org.finassist.server.kb;

import java.util.Collection;
import java.util.List;

/** Which knowledge bases customers may search: those published to them (see {@code PUT /api/kb/{id}/published}). */
public interface CustomerKnowledgeBases {

    /** The ids of {@code requested} that are not published to customers (unknown ids included). */
    List<String> notPublished(Collection<String> requested);
}
