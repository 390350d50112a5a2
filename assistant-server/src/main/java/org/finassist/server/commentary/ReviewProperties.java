package org.finassist.server.commentary;

import org.finassist.content.commentary.ReviewPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.nio.file.Path;

/**
 * {@code finassist.content.review.*}: content-ops review and publication of written articles.
 *
 * @param autoApprove   approve articles that passed every check without a reviewer (default false: all reviewed)
 * @param samplingRate  with auto-approval, the share of clean articles still sent to the queue (default 0.05)
 * @param publish       {@code none} (default: approval only marks published), {@code webhook} or {@code export}
 * @param webhookUrl    where {@code webhook} POSTs approved articles
 * @param webhookSecret sent as a bearer token to the webhook (optional; from the environment)
 * @param exportDir     where {@code export} writes approved articles as Markdown and JSON
 */
@ConfigurationProperties("finassist.content.review")
public record ReviewProperties(Boolean autoApprove, Double samplingRate, String publish, URI webhookUrl,
                               String webhookSecret, Path exportDir) {

    public ReviewProperties {
        autoApprove = autoApprove != null && autoApprove;
        samplingRate = samplingRate == null ? 0.05 : samplingRate;
        publish = publish == null ? "none" : publish.strip().toLowerCase(java.util.Locale.ROOT);
    }

    ReviewPolicy policy() {
        return autoApprove ? new ReviewPolicy(true, samplingRate) : ReviewPolicy.REVIEW_ALL;
    }

    PublishHook hook() {
        return switch (publish) {
            case "none" -> PublishHook.NONE;
            case "webhook" -> new WebhookPublishHook(require(webhookUrl, "webhook-url"), webhookSecret);
            case "export" -> new ExportPublishHook(require(exportDir, "export-dir"));
            default -> throw new IllegalArgumentException("finassist.content.review.publish must be none, webhook or "
                    + "export: " + publish);
        };
    }

    private static <T> T require(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException("finassist.content.review." + name + " is required for publish: "
                    + "this hook");
        }
        return value;
    }

    @Override
    public String toString() {
        return "ReviewProperties[autoApprove=" + autoApprove + ", samplingRate=" + samplingRate + ", publish=" + publish
                + "]";
    }
}
