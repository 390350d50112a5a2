/**
 * Model providers: configuration ({@link org.finassist.core.provider.ProviderConfig}), the
 * {@link org.finassist.core.provider.ProviderClient} seam, and the classification of every upstream failure into a
 * {@link org.finassist.core.provider.FailureKind} that says whether the router may fail over. The OpenAI-compatible
 * HTTP client for the DeepSeek, StepFun and OpenAI flavors lives in {@code internal}.
 */
package org.finassist.core.provider;
