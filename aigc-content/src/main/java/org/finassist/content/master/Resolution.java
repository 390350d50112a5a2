package org.finassist.content.master;

import java.util.List;
import java.util.stream.Collectors;

/** What a customer's words resolve to: one security, a choice to ask back about, an unknown name, or nothing. */
public sealed interface Resolution {

    /** How a security was recognised. */
    enum Match { CODE, NAME, FORMER_NAME, NICKNAME, SHORT_NAME, PINYIN }

    /** Exactly one security. */
    record Found(ListedSecurity security, Match how) implements Resolution {
    }

    /**
     * Several securities fit; ask which.
     *
     * @param candidates the first few, in symbol order
     * @param total      how many fit in all
     */
    record Ambiguous(String query, List<ListedSecurity> candidates, int total) implements Resolution {

        public Ambiguous {
            candidates = List.copyOf(candidates);
        }

        /** The clarifying question, in Chinese. */
        public String question() {
            String list = candidates.stream().map(ListedSecurity::label).collect(Collectors.joining("、"));
            return total > candidates.size()
                    ? "“" + query + "”对应多只股票（共" + total + "只），例如" + list + "。请告诉我具体的股票名称或6位代码。"
                    : "您说的“" + query + "”可能是：" + list + "。请问是哪一只？回复名称或6位代码即可。";
        }
    }

    /** Words that look like a stock name or code but match none. */
    record Unknown(String query) implements Resolution {

        /** The answer, in Chinese. */
        public String message() {
            return "没有找到“" + query + "”对应的A股股票。请检查名称或代码是否正确，可以输入6位代码（如600519）、"
                    + "股票全称（如贵州茅台）、常用简称（如茅台）或拼音首字母（如gzmt）。";
        }
    }

    /** Nothing in the text looks like a stock. */
    record Absent() implements Resolution {
    }
}
