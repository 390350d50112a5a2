package org.finassist.prompts;

import freemarker.cache.ClassTemplateLoader;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateExceptionHandler;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;

/** Strict FreeMarker configuration in the jdbi style: nothing resolvable, computer number format, fail loudly. */
final class FreemarkerPromptRenderer implements PromptRenderer {

    static final FreemarkerPromptRenderer DEFAULT = new FreemarkerPromptRenderer();

    private final Configuration configuration;

    private FreemarkerPromptRenderer() {
        configuration = new Configuration(Configuration.VERSION_2_3_34);
        configuration.setTemplateLoader(new ClassTemplateLoader(PromptRenderer.class, "/org/finassist/prompts/"));
        configuration.setDefaultEncoding("UTF-8");
        configuration.setLocale(Locale.SIMPLIFIED_CHINESE);
        // plain ${x} must never add grouping separators to a figure a customer reads
        configuration.setNumberFormat("computer");
        configuration.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        configuration.setAPIBuiltinEnabled(false);
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
        configuration.setWrapUncheckedExceptions(true);
        configuration.setFallbackOnNullLoopVariable(false);
    }

    @Override
    public String render(String templateName, Map<String, ?> model) {
        try {
            Template template = configuration.getTemplate(templateName);
            StringWriter out = new StringWriter();
            template.process(model, out);
            return out.toString();
        } catch (IOException | freemarker.template.TemplateException | RuntimeException e) {
            throw new PromptRenderException(templateName, e);
        }
    }
}
