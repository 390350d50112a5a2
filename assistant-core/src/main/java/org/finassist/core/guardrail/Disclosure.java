package org.finassist.core.guardrail;

import java.util.Objects;

/**
 * The texts every published generated content carries: the AI-generated label (人工智能生成合成内容标识办法) and the
 * risk disclaimer. Both are free of digits so they never trip number grounding.
 */
public record Disclosure(String aigcLabel, String disclaimer) {

    public static final Disclosure DEFAULT = new Disclosure("【AI生成】",
            "以上内容由AI根据公开行情数据自动计算生成，仅供参考，不构成投资建议，据此操作风险自担。股市有风险，投资需谨慎。");

    public Disclosure {
        Objects.requireNonNull(aigcLabel, "aigcLabel");
        Objects.requireNonNull(disclaimer, "disclaimer");
    }
}
