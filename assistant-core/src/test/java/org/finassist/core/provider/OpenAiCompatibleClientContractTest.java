package org.finassist.core.provider;

import org.finassist.core.fake.FakeUpstream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;

import java.util.List;
import java.util.Locale;

/**
 * The provider-client contract on the OpenAI-compatible client in each flavor, against a scripted upstream speaking
 * that flavor's dialect (built through the public factory {@link ProviderClients#create}, as the server does).
 */
class OpenAiCompatibleClientContractTest {

    abstract static class Dialect extends ProviderClientContract {

        private FakeUpstream upstream;

        abstract Flavor flavor();

        @Override
        protected ProviderClient client() {
            String dialect = flavor().name().toLowerCase(Locale.ROOT);
            upstream = FakeUpstream.start(dialect);
            return ProviderClients.create(new ProviderConfig(dialect, flavor(), upstream.baseUrl(), "sk-test",
                    List.of(new ModelSpec("chat", dialect + "-chat", 64_000, null)), 8, 0, null, null, null, null));
        }

        @AfterEach
        void stop() {
            if (upstream != null) {
                upstream.close();
            }
        }
    }

    @Nested
    class DeepSeek extends Dialect {
        @Override
        Flavor flavor() {
            return Flavor.DEEPSEEK;
        }
    }

    @Nested
    class StepFun extends Dialect {
        @Override
        Flavor flavor() {
            return Flavor.STEPFUN;
        }
    }

    @Nested
    class OpenAi extends Dialect {
        @Override
        Flavor flavor() {
            return Flavor.OPENAI;
        }
    }
}
