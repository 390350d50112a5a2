package org.finassist.ocr.guide;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.finassist.ocr.guide.FieldRule.Accepted;
import org.finassist.ocr.guide.FieldRule.Address;
import org.finassist.ocr.guide.FieldRule.BankCard;
import org.finassist.ocr.guide.FieldRule.IdNumberRule;
import org.finassist.ocr.guide.FieldRule.OneOf;
import org.finassist.ocr.guide.FieldRule.Regex;
import org.finassist.ocr.guide.FieldRule.SameAsIdName;
import org.finassist.ocr.guide.FieldRule.TradePassword;

/** The steps of a mobile account opening, in order. */
public record OpeningSteps(List<StepDefinition> steps) {

    private static final Regex MOBILE = new Regex("1[3-9]\\d{9}", "手机号码格式不正确。", "请输入11位中国大陆手机号码。");
    static final List<String> OCCUPATIONS = List.of("企业职员", "公务员/事业单位", "专业技术人员", "个体工商户",
            "自由职业", "学生", "离退休", "其他");
    static final List<String> TAX_RESIDENCY = List.of("仅为中国税收居民", "仅为非居民", "既是中国税收居民又是其他国家（地区）税收居民");
    static final List<String> ANSWERS = List.of("A", "B", "C", "D");
    static final List<String> PRODUCT_RISK = List.of("R1", "R2", "R3", "R4", "R5");
    /** Questions in the risk-tolerance questionnaire. */
    public static final int QUESTIONS = 10;

    public OpeningSteps {
        steps = List.copyOf(steps);
    }

    public Optional<StepDefinition> step(String id) {
        return steps.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public static OpeningSteps standard() {
        return new OpeningSteps(List.of(
                new StepDefinition("phone", "手机号验证", "请准备本人实名登记的手机。",
                        List.of(FieldSpec.personal("mobile", "手机号码", MOBILE),
                                FieldSpec.secret("smsCode", "短信验证码",
                                        new Regex("\\d{6}", "验证码应为6位数字。", "请输入短信中的6位验证码，5分钟内有效。"))),
                        List.of()),
                new StepDefinition("idCard", "上传身份证", "请准备本人有效期内的第二代居民身份证原件，平放在深色桌面上拍摄。",
                        List.of(FieldSpec.plain("frontAccepted", "人像面",
                                        new Accepted("身份证人像面尚未通过检查。", "请按提示重新拍摄人像面（有照片的一面）。")),
                                FieldSpec.plain("backAccepted", "国徽面",
                                        new Accepted("身份证国徽面尚未通过检查。", "请按提示重新拍摄国徽面（有签发机关的一面）。"))),
                        List.of()),
                new StepDefinition("personal", "个人信息", "请核对自动识别的信息，与身份证不一致时以身份证为准。",
                        List.of(FieldSpec.personal("name", "姓名", new SameAsIdName()),
                                FieldSpec.personal("idNumber", "身份证号码", new IdNumberRule()),
                                FieldSpec.personal("address", "联系地址", new Address()),
                                FieldSpec.optional("email", "电子邮箱", new Regex("[^@\\s]+@[^@\\s]+\\.[^@\\s]+",
                                        "电子邮箱格式不正确。", "请输入如 name@example.com 的邮箱地址，或留空。"))),
                        List.of(GuideRules::idNumberMatchesCard)),
                new StepDefinition("occupation", "职业与税收居民身份", "请如实填写职业及税收居民身份（CRS）。",
                        List.of(FieldSpec.plain("occupation", "职业", new OneOf(OCCUPATIONS)),
                                FieldSpec.optional("employer", "工作单位",
                                        new Regex(".{2,50}", "工作单位名称过短或过长。", "请填写2至50个字的单位全称。")),
                                FieldSpec.plain("taxResidency", "税收居民身份", new OneOf(TAX_RESIDENCY)),
                                FieldSpec.plain("beneficialOwnerIsSelf", "实际控制人及受益人为本人",
                                        new Accepted("须确认账户实际控制人和受益人为本人。", "如账户由他人控制，请到营业部临柜办理。"))),
                        List.of()),
                new StepDefinition("bankCard", "绑定银行卡", "请准备本人名下的借记卡（不支持信用卡）。",
                        List.of(FieldSpec.plain("bank", "开户银行",
                                        new Regex(".{2,20}银行.*", "请选择开户银行。", "请从列表中选择借记卡的开户银行。")),
                                FieldSpec.personal("cardNumber", "银行卡号", new BankCard()),
                                FieldSpec.personal("reservedMobile", "银行预留手机号", MOBILE)),
                        List.of()),
                new StepDefinition("riskQuestionnaire", "风险承受能力评估", "请根据自身情况如实作答，共" + QUESTIONS + "题。",
                        questions(), List.of()),
                new StepDefinition("suitability", "适当性匹配", "系统根据评估结果匹配可投资的产品风险等级。",
                        List.of(FieldSpec.plain("productRisk", "拟投资产品风险等级", new OneOf(PRODUCT_RISK)),
                                FieldSpec.optional("acceptMismatch", "确认风险不匹配", new OneOf(List.of("true", "false")))),
                        List.of(GuideRules::suitability)),
                new StepDefinition("agreements", "协议签署与风险揭示", "请阅读并确认以下协议。",
                        List.of(accept("accountAgreement", "证券账户开户协议"), accept("riskDisclosure", "风险揭示书"),
                                accept("privacyPolicy", "个人信息保护政策")),
                        List.of()),
                new StepDefinition("password", "设置密码", "交易密码和资金密码均为6位数字，请勿告诉他人。",
                        List.of(FieldSpec.secret("tradePassword", "交易密码", new TradePassword()),
                                FieldSpec.secret("fundPassword", "资金密码", new TradePassword())),
                        List.of()),
                new StepDefinition("videoWitness", "视频见证", "请在安静、光线充足处，本人面对镜头完成视频见证。",
                        List.of(FieldSpec.plain("witnessCompleted", "视频见证完成",
                                new Accepted("视频见证尚未完成。", "请点击“开始视频见证”，按提示回答问题。"))),
                        List.of()),
                new StepDefinition("submission", "提交申请", "请确认信息无误后提交，审核结果将以短信通知。",
                        List.of(accept("confirmSubmission", "确认所填信息真实、准确、完整")),
                        List.of())));
    }

    private static FieldSpec accept(String name, String label) {
        return FieldSpec.plain(name, label, new Accepted("请阅读并勾选“" + label + "”。", "阅读全文后勾选同意即可继续。"));
    }

    private static List<FieldSpec> questions() {
        List<FieldSpec> out = new ArrayList<>();
        for (int i = 1; i <= QUESTIONS; i++) {
            out.add(FieldSpec.plain("q" + i, "第" + i + "题", new OneOf(ANSWERS)));
        }
        return out;
    }
}
