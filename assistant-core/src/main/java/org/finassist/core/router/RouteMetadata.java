package org.finassist.core.router;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.ChatResponseMetadata;
import org.finassist.core.chat.RouteTrail;
import org.finassist.core.chat.Usage;
import org.finassist.core.local.LocalGroundedModel;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * What the router learned answering one request, carried on the langchain4j response as typed metadata (the way
 * provider modules subclass {@link ChatResponseMetadata}): the provider and model that answered, usage with
 * reasoning and cache-hit tokens, cost in CNY and the route trail.
 */
public final class RouteMetadata extends ChatResponseMetadata {

    private final String provider;
    private final String model;
    private final Usage usage;
    private final BigDecimal costCny;
    private final RouteTrail trail;

    private RouteMetadata(Builder b) {
        super(b);
        this.provider = b.provider;
        this.model = b.model;
        this.usage = b.usage == null ? Usage.ZERO : b.usage;
        this.costCny = b.costCny == null ? BigDecimal.ZERO : b.costCny;
        this.trail = b.trail;
    }

    /** The router's metadata of a response, when a router produced it. */
    public static Optional<RouteMetadata> of(ChatResponse response) {
        return response != null && response.metadata() instanceof RouteMetadata m ? Optional.of(m) : Optional.empty();
    }

    /** True when the offline grounded model answered (every provider failed or none was configured). */
    public static boolean answeredLocally(ChatResponse response) {
        return of(response).map(RouteMetadata::isLocal).orElse(false);
    }

    public String provider() {
        return provider;
    }

    public String model() {
        return model;
    }

    public Usage usage() {
        return usage;
    }

    public BigDecimal costCny() {
        return costCny;
    }

    public RouteTrail trail() {
        return trail;
    }

    public boolean isLocal() {
        return LocalGroundedModel.ID.equals(provider);
    }

    @Override
    public Builder toBuilder() {
        Builder b = (Builder) super.toBuilder(new Builder());
        return b.provider(provider).model(model).usage(usage).costCny(costCny).trail(trail);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RouteMetadata m && super.equals(o) && Objects.equals(provider, m.provider)
                && Objects.equals(model, m.model) && Objects.equals(usage, m.usage)
                && Objects.equals(costCny, m.costCny) && Objects.equals(trail, m.trail);
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), provider, model, usage, costCny, trail);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link RouteMetadata}; unset usage and cost are zero. */
    public static final class Builder extends ChatResponseMetadata.Builder<Builder> {
        private String provider;
        private String model;
        private Usage usage;
        private BigDecimal costCny;
        private RouteTrail trail;

        public Builder provider(String provider) {
            this.provider = provider;
            return this;
        }

        public Builder model(String model) {
            this.model = model;
            return this;
        }

        public Builder usage(Usage usage) {
            this.usage = usage;
            return this;
        }

        public Builder costCny(BigDecimal costCny) {
            this.costCny = costCny;
            return this;
        }

        public Builder trail(RouteTrail trail) {
            this.trail = trail;
            return this;
        }

        @Override
        public RouteMetadata build() {
            return new RouteMetadata(this);
        }
    }
}
