package org.finassist.ocr.guide;

import java.util.List;
import java.util.Optional;

/** A check on one field's value; the value is never null or blank here (required-ness is checked before). */
public sealed interface FieldRule permits FieldRule.Regex, FieldRule.OneOf, FieldRule.BankCard, FieldRule.Address,
        FieldRule.SameAsIdName, FieldRule.Accepted, FieldRule.TradePassword, FieldRule.IdNumberRule {

    Optional<Problem> check(String field, String value, OpeningContext ctx);

    /** The whole value matches a regular expression. */
    record Regex(String pattern, String message, String fix) implements FieldRule {
        @Override
        public Optional<Problem> check(String field, String value, OpeningContext ctx) {
            return value.matches(pattern) ? Optional.empty()
                    : Optional.of(new Problem(field, "FORMAT", message, fix));
        }
    }

    /** One of a fixed list of options. */
    record OneOf(List<String> options) implements FieldRule {
        @Override
        public Optional<Problem> check(String field, String value, OpeningContext ctx) {
            return options.contains(value) ? Optional.empty() : Optional.of(new Problem(field, "NOT_AN_OPTION",
                    "所选内容无效。", "请从以下选项中选择：" + String.join("、", options) + "。"));
        }
    }

    /** A 16–19 digit debit card number with a valid Luhn check digit. */
    record BankCard() implements FieldRule {
        @Override
        public Optional<Problem> check(String field, String value, OpeningContext ctx) {
            String digits = value.replace(" ", "");
            if (!digits.matches("\\d{16,19}")) {
                return Optional.of(new Problem(field, "FORMAT", "银行卡号应为16至19位数字。", "请核对银行卡正面的卡号后重新输入。"));
            }
            return Luhn.valid(digits) ? Optional.empty() : Optional.of(new Problem(field, "CHECKSUM",
                    "银行卡号校验不通过，可能输错了某一位。", "请逐位核对银行卡号，或拍摄银行卡自动识别。"));
        }
    }

    /** Province/municipality, city or district, and a street detail with a number. */
    record Address() implements FieldRule {
        @Override
        public Optional<Problem> check(String field, String value, OpeningContext ctx) {
            return AddressCompleteness.missing(value).map(part -> new Problem(field, "INCOMPLETE",
                    "地址不完整，缺少" + part + "。", "请按“省/直辖市 + 市/区/县 + 街道/路 + 门牌号”填写完整地址。"));
        }
    }

    /** Equal to the name on the accepted ID card. */
    record SameAsIdName() implements FieldRule {
        @Override
        public Optional<Problem> check(String field, String value, OpeningContext ctx) {
            return ctx.idName().filter(n -> !n.equals(value.strip())).map(n -> new Problem(field, "NAME_MISMATCH",
                    "姓名与身份证上的姓名不一致。", "请按身份证上的姓名填写，包括生僻字和间隔号“·”。"));
        }
    }

    /** A box the customer must tick ({@code true}). */
    record Accepted(String message, String fix) implements FieldRule {
        @Override
        public Optional<Problem> check(String field, String value, OpeningContext ctx) {
            return "true".equals(value) ? Optional.empty()
                    : Optional.of(new Problem(field, "NOT_ACCEPTED", message, fix));
        }
    }

    /** Six digits, not trivial, not taken from the birth date or the mobile number. */
    record TradePassword() implements FieldRule {
        @Override
        public Optional<Problem> check(String field, String value, OpeningContext ctx) {
            return PasswordStrength.problem(value, ctx).map(msg -> new Problem(field, "WEAK_PASSWORD", msg,
                    "请设置6位数字密码，避免连续或重复数字，不要使用生日或手机号中的数字。"));
        }
    }

    /** A GB 11643-1999 identity number with a valid check digit. */
    record IdNumberRule() implements FieldRule {
        @Override
        public Optional<Problem> check(String field, String value, OpeningContext ctx) {
            boolean ok = org.finassist.ocr.idcard.IdNumber.parse(value)
                    .filter(org.finassist.ocr.idcard.IdNumber::checksumValid).isPresent();
            return ok ? Optional.empty() : Optional.of(new Problem(field, "ID_CHECKSUM",
                    "身份证号码不正确（应为18位，校验位不符）。", "请核对身份证上的号码，末位X请输入大写X。"));
        }
    }
}
