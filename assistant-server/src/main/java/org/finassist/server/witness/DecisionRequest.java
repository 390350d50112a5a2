package org.finassist.server.witness;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A supervisor's decision from the console (docs/supervisor.md). {@code action}: approve, reject, takeover,
 * restart or close; {@code text}: the note, rejection reason, the words to speak, or the reason for closing;
 * {@code supervisor}: who decides, only when no supervisor key is presented.
 */
@Schema(description = "A supervisor's decision on one witness session")
record DecisionRequest(
        @Schema(description = "approve | reject | takeover | restart | close", example = "reject",
                requiredMode = Schema.RequiredMode.REQUIRED) String action,
        @Schema(description = "approve: note; reject: reason (default 'rejected by supervisor'); takeover: words "
                + "to speak (required); close: reason (required); restart: ignored", example = "not voluntary")
        String text,
        @Schema(description = "who decides; ignored when a supervisor API key is presented (its name is used)",
                example = "alice") String supervisor) {
}
