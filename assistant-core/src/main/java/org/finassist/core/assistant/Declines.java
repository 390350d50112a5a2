package org.finassist.core.assistant;

import java.util.regex.Pattern;

/** Recognises an answer that declined the question (the local model's and the gate's wording, a model's usual ones). */
final class Declines {

    private static final Pattern DECLINE = Pattern.compile(
            "暂时无法回答|暂时无法为您|无法回答(这个|您的|该)|没有找到(相关|与您)|暂时无法确认|无法给出合规|暂时无法提供|超出了我的服务范围");

    private Declines() {
    }

    static boolean isDecline(String answer) {
        return answer != null && DECLINE.matcher(answer).find();
    }
}
