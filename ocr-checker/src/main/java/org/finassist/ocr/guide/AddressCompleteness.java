package org.finassist.ocr.guide;

import java.util.Optional;
import java.util.regex.Pattern;

/** Whether an address names a province-level region, a city/district/county and a street with a number. */
final class AddressCompleteness {

    private static final Pattern PROVINCE = Pattern.compile("(省|自治区|北京|上海|天津|重庆|香港|澳门)");
    private static final Pattern CITY_OR_DISTRICT = Pattern.compile("(市|区|县|旗|州|盟)");
    private static final Pattern STREET = Pattern.compile("(路|街|道|巷|村|镇|乡|弄|胡同|里|大道|组)");
    private static final Pattern NUMBER = Pattern.compile("(\\d+|[一二三四五六七八九十百]+)(号|栋|幢|室|弄|组|单元|楼)");

    private AddressCompleteness() {
    }

    /** The first missing part, in Chinese, or empty when the address is complete. */
    static Optional<String> missing(String address) {
        String a = address.replaceAll("\\s", "");
        if (!PROVINCE.matcher(a).find()) {
            return Optional.of("省份或直辖市");
        }
        if (!CITY_OR_DISTRICT.matcher(a).find()) {
            return Optional.of("市、区或县");
        }
        if (!STREET.matcher(a).find()) {
            return Optional.of("街道或路名");
        }
        return NUMBER.matcher(a).find() ? Optional.empty() : Optional.of("门牌号");
    }
}
