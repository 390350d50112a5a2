package org.finassist.server.commentary;

import java.time.LocalDate;

/**
 * Where approved articles go: the brokerage's CMS (a webhook) or files another system picks up (an export
 * directory). Called once per approved article; a failure leaves the article approved and unpublished, and the
 * next publish pass tries again.
 */
interface PublishHook {

    /** An approved article as it is published. */
    record Approved(String id, String type, String subject, LocalDate date, String title, String reviewer,
                    String markdown, String json) {
    }

    /** Hands {@code article} over; throws {@link PublishException} when the receiver did not take it. */
    void publish(Approved article);

    /** What the hook is, for logs and the review page ({@code webhook https://…}, {@code export /srv/…}). */
    String describe();

    /** The receiver did not take an article; the message is for operators. */
    final class PublishException extends RuntimeException {
        PublishException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Marks approved articles published without sending them anywhere (no hook configured). */
    PublishHook NONE = new PublishHook() {
        @Override
        public void publish(Approved article) {
        }

        @Override
        public String describe() {
            return "none (approved articles are only marked published)";
        }
    };
}
