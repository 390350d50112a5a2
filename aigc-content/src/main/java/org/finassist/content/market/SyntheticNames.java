package org.finassist.content.market;

import java.util.Set;
import java.util.SplittableRandom;

/** Made-up company names (no digits, so they never look like figures in a narrative). */
final class SyntheticNames {

    private static final String FIRST = "华中东金新瑞宏天海恒安科信通远联达泰嘉德光明润星";
    private static final String SECOND = "源丰盛鑫辰创景峰宇晟川泽弘隆昌和锦越晨铭祥佳睿拓";
    private static final String[] SUFFIX = {"股份", "科技", "电子", "医药", "能源", "材料", "智能", "环境", "传媒",
        "食品", "化工", "装备", "软件", "物流", "农业", "电气"};

    private SyntheticNames() {
    }

    static String next(SplittableRandom rnd, Set<String> taken, boolean st) {
        String name;
        int attempts = 0;
        do {
            name = "" + FIRST.charAt(rnd.nextInt(FIRST.length())) + SECOND.charAt(rnd.nextInt(SECOND.length()))
                    + SUFFIX[rnd.nextInt(SUFFIX.length)];
            if (++attempts > 20) {
                name = name + FIRST.charAt(rnd.nextInt(FIRST.length()));
            }
        } while (!taken.add(name));
        return st ? (rnd.nextBoolean() ? "*ST" : "ST") + name : name;
    }
}
