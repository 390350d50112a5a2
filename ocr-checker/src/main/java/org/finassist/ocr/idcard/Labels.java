package org.finassist.ocr.idcard;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Puts back the card's printed labels where OCR misreads them, e.g. 住址 read as 佳址 or 往址, 公民身份号码 with one
 * character wrong, 签发机关 as 签发机失. Only at the start of a row, where the card prints its labels, so that an
 * address or an authority's name is never rewritten.
 */
final class Labels {

    private record Fix(Pattern wrong, String label) {
    }

    private static final List<Fix> FIXES = List.of(
            new Fix(Pattern.compile("^(.?)[住佳往仕任伫注][址扯趾祉]"), "住址"),
            new Fix(Pattern.compile("^(.?)[姓娃]名"), "姓名"),
            new Fix(Pattern.compile("^(.?)[性姓]别"), "性别"),
            new Fix(Pattern.compile("^(.?)出[生主]"), "出生"),
            new Fix(Pattern.compile("^(.?)公[民氏][身射][份分伤价]?[号弓][码吗玛妈]?"), "公民身份号码"),
            new Fix(Pattern.compile("^(.?)[签鉴][发友]机[关失美类]"), "签发机关"),
            new Fix(Pattern.compile("^(.?)有[效郊][期朝][限陨隈眼]"), "有效期限"));

    private Labels() {
    }

    static String normalize(String row) {
        for (Fix f : FIXES) {
            var m = f.wrong().matcher(row);
            if (m.find()) {
                return row.substring(0, m.end(1)) + f.label() + row.substring(m.end());
            }
        }
        return row;
    }
}
