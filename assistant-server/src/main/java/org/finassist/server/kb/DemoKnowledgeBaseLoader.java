package org.finassist.server.kb;

import org.finassist.rag.demo.DemoKnowledgeBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * On first start (no {@code demo} knowledge base yet) creates it and ingests the demo files in the background;
 * retrieval waits for that load ({@link DemoLoading}).
 */
class DemoKnowledgeBaseLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoKnowledgeBaseLoader.class);

    private final KnowledgeBases kbs;
    private final IngestJobs jobs;
    private final DemoLoading loading;

    /** {@code loading} says whether a load is due (demo enabled, no demo knowledge base when the context started). */
    DemoKnowledgeBaseLoader(KnowledgeBases kbs, IngestJobs jobs, DemoLoading loading) {
        this.kbs = kbs;
        this.jobs = jobs;
        this.loading = loading;
    }

    @Override
    public void run(ApplicationArguments args) {
        // another node of a cluster may have created it since the context started
        if (!loading.pending() || kbs.find(DemoKnowledgeBase.KB_ID).isPresent()) {
            loading.done();
            return;
        }
        try {
            kbs.create(DemoKnowledgeBase.KB_ID, DemoKnowledgeBase.NAME, "FinAssist 演示内容：开户、交易规则、费用、两融、基金理财", true);
            var job = jobs.submit(DemoKnowledgeBase.KB_ID, DemoKnowledgeBase.files(), loading::done);
            log.info("Loading the demo knowledge base in the background (job {}); questions wait for it", job.id());
        } catch (RuntimeException e) {
            loading.done();
            throw e;
        }
    }
}
