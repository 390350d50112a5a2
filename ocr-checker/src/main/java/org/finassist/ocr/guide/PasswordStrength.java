package org.finassist.ocr.guide;

import java.util.Optional;

/** Brokerage trade passwords are six digits; these are the guesses a thief tries first. */
final class PasswordStrength {

    private PasswordStrength() {
    }

    static Optional<String> problem(String pw, OpeningContext ctx) {
        if (!pw.matches("\\d{6}")) {
            return Optional.of("交易密码须为6位数字。");
        }
        if (pw.chars().distinct().count() <= 2) {
            return Optional.of("密码重复数字过多，过于简单。");
        }
        if (isRun(pw, 1) || isRun(pw, -1)) {
            return Optional.of("密码为连续数字，过于简单。");
        }
        boolean fromBirth = ctx.idNumber().filter(id -> id.length() == 18)
                .map(id -> id.substring(8, 14).equals(pw) || id.substring(6, 12).equals(pw)
                        || id.substring(12, 18).equals(pw))
                .orElse(false);
        if (fromBirth) {
            return Optional.of("密码不能使用生日或身份证号中的数字。");
        }
        boolean fromMobile = ctx.mobile().map(m -> m.endsWith(pw)).orElse(false);
        return fromMobile ? Optional.of("密码不能使用手机号后六位。") : Optional.empty();
    }

    private static boolean isRun(String pw, int step) {
        for (int i = 1; i < pw.length(); i++) {
            if (pw.charAt(i) - pw.charAt(i - 1) != step) {
                return false;
            }
        }
        return true;
    }
}
