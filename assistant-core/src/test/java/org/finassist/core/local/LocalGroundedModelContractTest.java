package org.finassist.core.local;

import org.finassist.core.provider.ProviderClient;
import org.finassist.core.provider.ProviderClientContract;
import org.finassist.prompts.PromptRenderer;

/** The provider-client contract on the offline local grounded model (every route's last fallback). */
class LocalGroundedModelContractTest extends ProviderClientContract {

    @Override
    protected ProviderClient client() {
        return new LocalGroundedModel(PromptRenderer.classpath());
    }
}
