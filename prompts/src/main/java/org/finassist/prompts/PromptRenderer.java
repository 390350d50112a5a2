package org.finassist.prompts;

import java.util.Map;

/**
 * Renders a named FreeMarker template from the classpath under {@code org/finassist/prompts/}.
 *
 * <p>Template names are relative paths such as {@code "local/qa.ftl"}. Rendering is strict: a missing variable,
 * a missing template or a syntax error throws {@link PromptRenderException} naming the template.
 */
public interface PromptRenderer {

    /** Renders {@code templateName} with {@code model} and returns the text. */
    String render(String templateName, Map<String, ?> model);

    /** The strict renderer over the templates this module ships (and any on the classpath beside them). */
    static PromptRenderer classpath() {
        return FreemarkerPromptRenderer.DEFAULT;
    }
}
