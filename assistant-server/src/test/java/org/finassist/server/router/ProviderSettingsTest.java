package org.finassist.server.router;

import org.finassist.core.provider.Flavor;
import org.finassist.core.provider.ProviderConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Binds the shipped application.yml under command-line and environment overrides, as Spring does at start-up. */
class ProviderSettingsTest {

    @Test
    void oneFieldFromTheCommandLineKeepsTheRestOfTheProvider() throws IOException {
        List<ProviderConfig> providers = bind(Map.of(
                "finassist.router.providers.deepseek.base-url", "https://proxy.example/v1"), Map.of());
        ProviderConfig deepseek = byId(providers, "deepseek");
        assertThat(deepseek.baseUrl()).isEqualTo(URI.create("https://proxy.example/v1"));
        assertThat(deepseek.flavor()).isEqualTo(Flavor.DEEPSEEK);
        assertThat(deepseek.maxConcurrency()).isEqualTo(32);
        assertThat(deepseek.models()).extracting(m -> m.alias()).containsExactly("deepseek-chat", "deepseek-reasoner");
        assertThat(byId(providers, "stepfun").baseUrl()).isEqualTo(URI.create("https://api.stepfun.com/v1"));
    }

    @Test
    void oneFieldFromTheEnvironment() throws IOException {
        List<ProviderConfig> providers = bind(Map.of(), Map.of(
                "FINASSIST_ROUTER_PROVIDERS_STEPFUN_MAXCONCURRENCY", "8"));
        assertThat(byId(providers, "stepfun").maxConcurrency()).isEqualTo(8);
        assertThat(byId(providers, "stepfun").models()).hasSize(2);
    }

    @Test
    void aNewProviderFromTheCommandLine() throws IOException {
        List<ProviderConfig> providers = bind(Map.of(
                "finassist.router.providers.qwen.flavor", "openai",
                "finassist.router.providers.qwen.base-url", "https://dashscope.example/v1",
                "finassist.router.providers.qwen.models.qwen-plus.upstream", "qwen-plus-latest"), Map.of());
        ProviderConfig qwen = byId(providers, "qwen");
        assertThat(qwen.models()).singleElement().satisfies(m -> {
            assertThat(m.alias()).isEqualTo("qwen-plus");
            assertThat(m.upstreamName()).isEqualTo("qwen-plus-latest");
        });
        assertThat(providers).hasSize(3);
    }

    @Test
    void aMissingOrWrongFieldNamesTheProviderAndTheField() {
        assertThatThrownBy(() -> bind(Map.of("finassist.router.providers.qwen.base-url", "https://x.example/v1",
                "finassist.router.providers.qwen.models.m.upstream", "m"), Map.of()))
                .hasMessageContaining("finassist.router.providers.qwen.flavor");
        assertThatThrownBy(() -> bind(Map.of("finassist.router.providers.qwen.flavor", "openia",
                "finassist.router.providers.qwen.base-url", "https://x.example/v1",
                "finassist.router.providers.qwen.models.m.upstream", "m"), Map.of()))
                .hasMessageContaining("finassist.router.providers.qwen.flavor").hasMessageContaining("openia");
        assertThatThrownBy(() -> bind(Map.of("finassist.router.providers.qwen.flavor", "openai",
                "finassist.router.providers.qwen.models.m.upstream", "m"), Map.of()))
                .hasMessageContaining("finassist.router.providers.qwen.base-url");
        assertThatThrownBy(() -> bind(Map.of("finassist.router.providers.qwen.flavor", "openai",
                "finassist.router.providers.qwen.base-url", "ftp:/x"), Map.of()))
                .hasMessageContaining("finassist.router.providers.qwen.");
    }

    private static ProviderConfig byId(List<ProviderConfig> providers, String id) {
        return providers.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    private static List<ProviderConfig> bind(Map<String, Object> commandLine, Map<String, Object> env)
            throws IOException {
        MutablePropertySources sources = new MutablePropertySources();
        sources.addLast(new MapPropertySource("commandLineArgs", commandLine));
        sources.addLast(new SystemEnvironmentPropertySource("systemEnvironment", env));
        for (PropertySource<?> yml : new YamlPropertySourceLoader()
                .load("application.yml", new ClassPathResource("application.yml"))) {
            sources.addLast(yml);
        }
        Binder binder = new Binder(ConfigurationPropertySources.from(sources),
                new org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver(sources));
        RouterProperties props = binder.bind("finassist.router", RouterProperties.class).get();
        return props.toConfig().providers();
    }
}
