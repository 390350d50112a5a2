package org.finassist.content.guard;

/** Where the published narrative came from. */
public enum NarrativeSource {
    /** The model's first answer passed every check. */
    MODEL,
    /** The model's answer passed after one regeneration that named the rejected sentences. */
    MODEL_REGENERATED,
    /** No model was configured, or the route answered with the offline local model: the local template narrates. */
    LOCAL_TEMPLATE,
    /** The model failed (error or rejected twice): the local template narrates. */
    TEMPLATE_FALLBACK
}
