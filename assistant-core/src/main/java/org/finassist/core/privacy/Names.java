package org.finassist.core.privacy;

import java.util.regex.Pattern;

/**
 * Personal names where no colon marks them: after a form label and a space ("姓名 王小明"), and right before an ID
 * number ("赵敏 440306…"). Without the colon anything could follow a label ("名字 怎么改"), so the name must begin
 * with a common surname; surnames that are also everyday words (方便, 万元, 金额, 马上, 余额, 任何) are left out.
 */
final class Names {

    private static final String SURNAME = "(?:欧阳|司马|诸葛|上官|东方|慕容|令狐|皇甫|公孙|尉迟|[王李张刘陈杨黄赵吴周徐孙朱胡郭林罗郑梁谢"
            + "宋唐许韩冯邓曹彭曾肖董袁潘蒋蔡杜魏吕丁沈姚卢姜崔钟谭陆汪范廖贾邹孟熊秦邱尹薛闫侯顾郝龚邵钱覃武戴莫])";

    /** A form label, whitespace, a name: "姓名 张三丰", "持卡人 刘洋". */
    static final Pattern SPACED_LABEL = Pattern.compile(
            "(姓名|名字|户名|联系人|开户人|持卡人)\\s+(" + SURNAME + "[\\u4e00-\\u9fa5]{1,2})");

    /**
     * A name at the start of a clause (or after 我是/我叫/本人) followed by an ID number the masker has already masked
     * (region, eight or six stars), possibly with the ID label between them.
     */
    static final Pattern BEFORE_MASKED_ID = Pattern.compile(
            "(?:^|(?<=[\\s，,。；;：:、！!？?]|我是|我叫|本人))(" + SURNAME + "[\\u4e00-\\u9fa5]{1,2})[\\s，,、]*"
                    + "(?:的?(?:身份证|证件)(?:号码|号)?[\\s:：是为]*)?(?=[0-9]{6}\\*{6})");

    private Names() {
    }

    /** Keeps the surname's first character: 王小明 → 王**. */
    static String mask(String name) {
        return name.charAt(0) + "*".repeat(name.length() - 1);
    }
}
