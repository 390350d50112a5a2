package org.finassist.prompts;

/** A template could not be found or rendered; the message names the template. */
public final class PromptRenderException extends RuntimeException {

    PromptRenderException(String templateName, Throwable cause) {
        super("Cannot render template '" + templateName + "': " + cause.getMessage(), cause);
    }
}
