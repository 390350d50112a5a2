package org.finassist.prompts;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PromptRendererTest {

    private final PromptRenderer renderer = PromptRenderer.classpath();

    @Test
    void rendersNumbersWithoutGroupingSeparators() {
        String text = renderer.render("test/hello.ftl", Map.of("name", "张三", "price", 10.5, "amount", 1234567));
        assertThat(text).contains("张三").contains("10.5").contains("1234567").doesNotContain("1,234,567");
    }

    @Test
    void missingVariableNamesTheTemplate() {
        assertThatThrownBy(() -> renderer.render("test/hello.ftl", Map.of("name", "x")))
                .isInstanceOf(PromptRenderException.class)
                .hasMessageContaining("test/hello.ftl");
    }

    @Test
    void missingTemplateIsAClearError() {
        assertThatThrownBy(() -> renderer.render("nope/none.ftl", Map.of()))
                .isInstanceOf(PromptRenderException.class)
                .hasMessageContaining("nope/none.ftl");
    }
}
