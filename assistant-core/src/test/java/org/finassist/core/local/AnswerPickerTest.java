package org.finassist.core.local;

import org.finassist.core.chat.Passage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The offline answer picker on colloquial questions: it answers from the passage that names what is asked about and
 * holds the kind of figure asked for, and declines when no passage does, whatever words the passages share.
 */
class AnswerPickerTest {

    private static Passage faq(String id, String canonical, String phrasing, String answer) {
        return new Passage(id, "demo-faq", canonical, "问：" + phrasing + "\n答：" + answer, 0.3);
    }

    private static final Passage CUT_FEES = faq("f1", "可以降低佣金吗？", "怎么降佣金",
            "佣金标准与资产规模和交易量有关，可联系您的客户经理或在线客服申请评估。请注意不要相信非官方渠道的“低佣”承诺。");
    private static final Passage COMMISSION = faq("f2", "股票交易佣金是多少？", "佣金多少",
            "本演示券商股票交易佣金为成交金额的万分之二点五，单笔最低5元，买卖双向收取。");
    private static final Passage MIN_LOT = faq("f3", "买股票最少买多少？", "一手是多少股",
            "沪深主板和创业板买入数量须为100股（1手）或其整数倍；科创板单笔申报不少于200股，超过部分可按1股递增。");
    private static final Passage ETF = faq("f4", "ETF是什么？", "什么是ETF",
            "ETF（交易型开放式指数基金）是在交易所上市交易、通常跟踪某一指数的基金，最小交易单位为100份，交易免收印花税。");
    private static final Passage BSE_ACCESS = faq("f5", "北交所权限开通条件是什么？", "北京证券交易所开通",
            "申请开通前20个交易日日均资产不低于人民币50万元，且参与证券交易24个月以上，风险测评匹配并签署风险揭示书。");
    private static final Passage HK_ACCESS = faq("f6", "港股通怎么开通？", "港股通开通条件",
            "需证券账户及资金账户日均资产不低于人民币50万元（前20个交易日），风险测评为稳健型及以上，并通过港股通知识测试。");
    private static final Passage TRANSFER_HOURS = faq("f7", "银证转账的时间是什么？", "什么时候可以转账",
            "银证转账一般在交易日9:00-16:00办理；银行转证券在部分银行支持更长时间。非交易日和夜间一般不能转账。");
    private static final Passage TRANSFER_FEE = faq("f8", "银证转账有手续费吗？", "银证转账有手续费吗？",
            "本演示券商和绑定银行均不收取银证转账手续费。");
    private static final Passage REDEMPTION = faq("f9", "基金赎回多久到账？", "赎回到账时间",
            "货币基金一般T+1日到账，债券基金和股票基金一般T+2至T+4日到账，QDII基金一般T+7至T+10日到账。");

    private static String picked(String question, Passage... passages) {
        return AnswerPicker.pick(question, List.of(passages)).map(p -> p.passage().id()).orElse("decline");
    }

    @Test
    void theFirstCuratedAnswerAnswersColloquialWordingThatSharesItsCharacters() {
        assertThat(picked("佣金太高了 能不能降点", CUT_FEES, COMMISSION)).isEqualTo("f1");
    }

    @Test
    void aPassageAboutAnotherBoardOrProductDoesNotAnswer() {
        assertThat(picked("北交所一手最少买多少股", MIN_LOT, BSE_ACCESS)).isEqualTo("decline");
        assertThat(picked("etf最少买多少", MIN_LOT, ETF)).isEqualTo("f4");
        assertThat(picked("分红一般什么时候到账", REDEMPTION, TRANSFER_HOURS)).isEqualTo("decline");
    }

    @Test
    void aPassageWithoutTheKindOfFigureAskedForDoesNotAnswer() {
        assertThat(picked("港股通几点交易", HK_ACCESS, TRANSFER_HOURS)).isEqualTo("decline");
        assertThat(picked("银证转账一天最多能转多少钱", TRANSFER_HOURS, TRANSFER_FEE)).isEqualTo("decline");
        assertThat(picked("银证转账几点可以转", TRANSFER_FEE, TRANSFER_HOURS)).isEqualTo("f7");
    }

    @Test
    void somethingNoPassageNamesIsDeclined() {
        assertThat(picked("比特币怎么买 手续费多少", COMMISSION, TRANSFER_FEE)).isEqualTo("decline");
    }

    @Test
    void aHowToIsNotAnsweredByTheEntryForWhenItFails() {
        Passage upload = faq("f10", "开户时身份证照片上传失败怎么办？", "开户时身份证照片上传失败怎么办？",
                "请确认使用身份证原件拍摄，四角完整、无反光、无遮挡，字迹清晰；仍失败可尝试在光线更好的地方重拍。");
        Passage steps = new Passage("d1", "线上开户指南", "线上开户指南 > 开户流程 > 身份信息",
                "第一步，输入手机号码并验证短信验证码。第二步，拍摄身份证人像面和国徽面，系统自动识别姓名、证件号码和有效期。", 0.2);

        assertThat(picked("开户的时候要拍身份证哪几面", upload, steps)).isEqualTo("d1");
        assertThat(picked("身份证照片一直上传失败", upload, steps)).isEqualTo("f10");
    }

    @Test
    void askingWhetherSomethingIsPossibleIsNotATrouble() {
        assertThat(picked("佣金能不能便宜点", CUT_FEES, COMMISSION)).isNotEqualTo("decline");
    }

    @Test
    void sellingIsNotPayingInAndArrivingIsNotTax() {
        Passage pay = faq("f11", "新股中签后怎么缴款？", "中签了要做什么",
                "中签后请在T+2日16:00前确保资金账户有足够余额，系统会自动扣款；资金不足视为放弃认购。");
        Passage tax = faq("f12", "股票分红要交税吗？", "分红扣税吗",
                "持股超过1年的暂免征收；持股1个月以内（含）的实际税负20%；持股1个月以上至1年（含）的实际税负10%。");

        assertThat(picked("新股中签了怎么卖", pay)).isEqualTo("decline");
        assertThat(picked("分红一般什么时候到账", tax, REDEMPTION)).isEqualTo("decline");
        assertThat(picked("持股半年分红扣多少税", tax)).isEqualTo("f12");
    }

    @Test
    void anEntryForMoneyGoingTheOtherWayNeverAnswers() {
        Passage out = faq("f13", "怎么把钱从证券账户转到银行卡？", "资金怎么转出",
                "在App“交易-银证转账-证券转银行”中输入金额和资金密码即可。");
        Passage in = faq("f14", "怎么把钱转入证券账户？", "怎么入金",
                "在App“交易-银证转账-银行转证券”中输入转入金额和银行卡密码（部分银行需要）。");

        assertThat(picked("银行卡里的钱怎么转到股票账户里", out)).isEqualTo("decline");
        assertThat(picked("银行卡里的钱怎么转到股票账户里", out, in)).isEqualTo("f14");
        assertThat(picked("股票账户的钱怎么取出来", in, out)).isEqualTo("f13");
    }

    private static final Passage MARGIN_CONDITIONS = faq("m1", "融资融券开户条件是什么？", "两融开户条件",
            "需开户满6个月，申请前20个交易日日均证券类资产不低于50万元，风险测评为稳健型及以上。");
    private static final Passage MARGIN_RISKS = new Passage("m2", "融资融券业务指南（演示）", "融资融券业务指南 > 主要风险",
            "融资融券的主要风险包括：杠杆放大亏损的风险、强制平仓风险、利率变动风险。", 0.3);
    private static final Passage MARGIN_RATE = faq("m3", "融资利率是多少？", "融资利率是多少？",
            "本演示券商融资年利率为6.5%，融券年费率为8.5%，按实际使用天数计息。");
    private static final Passage WHICH_BANK = faq("b1", "开户需要绑定哪家银行卡？", "开户需要绑定哪家银行卡？",
            "需绑定本人同名的一类借记卡，用于第三方存管（银证转账）。支持工商银行、农业银行等主要银行。");
    private static final Passage CHANGE_BANK = faq("b2", "如何更换三方存管银行卡？", "换绑银行卡",
            "在App“业务办理-变更存管银行”中在线申请，需账户资金为零且无在途交易。");
    private static final Passage NO_TIPS = faq("r1", "你们能推荐股票吗？", "推荐一只股票",
            "我们不提供个股买卖建议或收益承诺。投资决策请您独立判断。");
    private static final Passage REPO = faq("r2", "什么是国债逆回购？", "逆回购是什么",
            "国债逆回购是以国债作质押的短期借款，风险很低。沪市1000元起、深市1000元起。");

    @Test
    void aPassageAboutAnotherAspectOfTheSameThingDoesNotAnswer() {
        // risk is not the opening conditions, the rate is not the risks, changing the card is not which bank
        assertThat(picked("融资融券有什么风险", MARGIN_CONDITIONS, MARGIN_RISKS)).isEqualTo("m2");
        assertThat(picked("融资融券有什么风险", MARGIN_CONDITIONS)).isEqualTo("decline");
        assertThat(picked("融资融券的利率", MARGIN_RISKS, MARGIN_RATE)).isEqualTo("m3");
        assertThat(picked("想换一张银行卡绑定怎么弄", CHANGE_BANK, WHICH_BANK)).isEqualTo("b2");
        assertThat(picked("开户需要绑定哪家银行卡", CHANGE_BANK, WHICH_BANK)).isEqualTo("b1");
    }

    @Test
    void asking_youMeiYou_isAQuestionFormNotATrouble() {
        assertThat(picked("有没有稳赚不赔的股票推荐", NO_TIPS)).isEqualTo("r1");
    }

    @Test
    void howMuchMoneyToStartIsAnAmountNotANumberOfShares() {
        assertThat(picked("逆回购多少钱起买", REPO)).isEqualTo("r2");
        assertThat(picked("逆回购最少买几股", REPO)).isEqualTo("decline");
    }

    private static final Passage STAMP_DUTY = faq("t1", "印花税怎么收？", "卖股票要交税吗",
            "印花税仅在卖出股票时收取，税率为成交金额的千分之零点五（0.05%），买入不收。");

    @Test
    void aNumberOfSharesAskedIsAnsweredByAQuantityRuleNotByATax() {
        assertThat(picked("卖股票可以卖50股吗", STAMP_DUTY)).isEqualTo("decline");
        Passage lots = faq("t2", "买股票最少买多少？", "最少买几股", "买入数量须为100股（1手）或其整数倍；"
                + "卖出时，余额不足100股的部分应当一次性申报卖出。");
        assertThat(picked("卖股票可以卖50股吗", STAMP_DUTY, lots)).isEqualTo("t2");
    }

    private static final Passage FEES_AS_ASKED = faq("f10", "股票交易佣金是多少？", "手续费是多少",
            "本演示券商股票交易佣金为成交金额的万分之二点五，单笔最低5元，买卖双向收取。");
    private static final Passage GEM_ACCESS = faq("f11", "怎么开通创业板权限？", "创业板开通条件",
            "需满足：申请开通前20个交易日证券账户及资金账户内的资产日均不低于人民币10万元，且参与证券交易24个月以上；完成风险测评并签署《创业板投资风险揭示书》。");
    private static final Passage TAKES_EFFECT = faq("f12", "开通权限后多久可以交易？", "开通权限后多久可以交易？",
            "创业板权限在签署协议后T+2日生效（已有经验的按规则可T+1），科创板、北交所权限一般在开通后下一交易日生效。");
    private static final Passage FUND_ORDERS = new Passage("d1", "基金理财与风险揭示（演示）", "基金理财与风险揭示 > 基金申购与赎回",
            "场外基金按未知价法申购，以申购当日（T日）15:00收盘后计算的基金净值为成交价格，15:00以后提交的申请按下一交易日净值计算。", 0.5);

    @Test
    void aHomophoneTypoMatchesTheWordItSoundsLike() {
        assertThat(picked("手序费多少", FEES_AS_ASKED)).isEqualTo("f10");
        assertThat(picked("开护要带啥", faq("f13", "开户需要什么条件？", "开户要准备什么材料",
                "持本人有效二代身份证和本人同名的一类银行借记卡即可在App上开户。"))).isEqualTo("f13");
        // a word that sounds different is no typo of it
        assertThat(picked("手机费多少", FEES_AS_ASKED)).isEqualTo("decline");
    }

    @Test
    void aQuestionAskingWhenIsNotAnsweredByAnEntryAboutAnotherAspect() {
        assertThat(picked("创业板签完协议几天能买", GEM_ACCESS, TAKES_EFFECT)).isEqualTo("f12");
        assertThat(picked("科创板权限刚开好 明天能买吗", GEM_ACCESS, TAKES_EFFECT)).isEqualTo("f12");
        // the noun 时间 names the topic of the question before, it does not ask when: the hours get no bonus over
        // the fee entry retrieval ranked first (they share as many words)
        assertThat(picked("银证转账的时间是什么 那手续费呢", TRANSFER_FEE, TRANSFER_HOURS)).isEqualTo("f8");
    }

    @Test
    void aQuestionAskingWhichDayIsNotAnsweredByAPassageWithoutADate() {
        Passage plan = faq("f14", "基金定投怎么设置？", "怎么定投",
                "在App“理财-基金定投”中选择基金、扣款金额和周期（每周、每两周或每月），确认后会按计划从资金账户扣款申购。");
        assertThat(picked("定投每月几号扣款", plan)).isEqualTo("decline");
        assertThat(picked("定投怎么设置", plan)).isEqualTo("f14");
    }

    @Test
    void aDocumentsTitleDoesNotNameTheAspectOfItsSections() {
        // "基金理财与风险揭示" is the document, the section is about orders
        assertThat(picked("基金下午3点以后买按哪天净值算", FUND_ORDERS)).isEqualTo("d1");
    }

    private static final Passage OPENING_TIME = faq("f20", "开户需要多长时间？", "开户审核要多久",
            "App开户资料填写约需10分钟；提交后一般在1个交易日内完成审核，审核通过后会以短信通知证券账户号码和资金账户号码。");
    private static final Passage AUCTION_CANCEL = faq("f21", "集合竞价可以撤单吗？", "9点20以后能撤单吗",
            "9:15-9:20可以申报也可以撤单；9:20-9:25只能申报不能撤单；9:25-9:30可以接受申报但暂不撮合。");
    private static final Passage CANCEL = faq("f22", "怎么撤单？", "怎么撤单？",
            "在App“交易-撤单”中选择未成交或部分成交的委托即可撤销；已成交部分不能撤销，集合竞价9:20-9:25和14:57-15:00不能撤单。");
    private static final Passage FUND_DEALING = new Passage("d1", "基金理财与风险揭示（演示）", "基金理财与风险揭示 > 基金申购与赎回",
            "场外基金按未知价法申购，以申购当日（T日）15:00收盘后计算的基金净值为成交价格，15:00以后提交的申请按下一交易日净值计算。"
                    + "基金赎回款的到账时间因基金类型而异：货币基金一般T+1日到账，债券基金和股票基金一般T+2至T+4日到账，"
                    + "QDII基金一般T+7日至T+10日到账。持有时间不足7天的非货币基金赎回时，将收取不低于1.5%的惩罚性赎回费。", 0.3);
    private static final Passage WITNESS_WHY = faq("f23", "开户为什么要视频见证？", "视频见证是什么",
            "视频见证是监管要求的身份核验环节，由见证人员（或数字人见证）确认是您本人自愿开户。请在光线充足、环境安静处进行，并准备好身份证原件。");
    private static final Passage WITNESS_STEP = new Passage("d2", "线上开户指南（演示）", "线上开户指南 > 开户流程 > 视频见证与三方存管",
            "第六步，进行视频见证。见证人员或数字人见证员会请您出示身份证并口头确认开户意愿，全程录音录像。第七步，设置交易密码和资金密码，绑定第三方存管银行卡。", 0.3);
    private static final Passage BANK_CARD = faq("f24", "开户需要绑定哪家银行卡？", "支持哪些银行卡",
            "需绑定本人同名的一类借记卡，用于第三方存管（银证转账）。支持工商银行、农业银行、中国银行、建设银行等主要银行。");

    @Test
    void anEntrySharingOnlyTheWordsThatAskHowLongDoesNotAnswer() {
        assertThat(picked("开完要多久才能买", OPENING_TIME)).isEqualTo("decline");
        assertThat(picked("要多久才能自动解开", OPENING_TIME)).isEqualTo("decline");
        // the topic named again keeps its entry
        assertThat(picked("开户要多久", OPENING_TIME)).isEqualTo("f20");
    }

    @Test
    void aTimeOfDayIsAnsweredByThePassageWhoseRangeHoldsIt() {
        assertThat(picked("14:58 我还能撤单不", AUCTION_CANCEL, CANCEL)).isEqualTo("f22");
        assertThat(picked("9:22挂的单能撤吗", AUCTION_CANCEL, CANCEL)).isEqualTo("f21");
    }

    @Test
    void whatItCostsIsNotAnsweredByWhenTheMoneyArrives() {
        var pick = AnswerPicker.pick("基金买了三天就想赎回 会多收费吗", List.of(REDEMPTION, FUND_DEALING));
        assertThat(pick).map(p -> p.passage().id()).contains("d1");
        assertThat(pick.orElseThrow().answer()).contains("1.5%");
        assertThat(picked("基金刚买两天就卖掉 要收多少赎回费", REDEMPTION, FUND_DEALING)).isEqualTo("d1");
        assertThat(picked("基金赎回几天到账", REDEMPTION, FUND_DEALING)).isEqualTo("f9");
    }

    @Test
    void anEntryExplainingWhyAnswersWhyNotWhatHappens() {
        // as the query rewriter reads it (Colloquial: 录下来 → 录音录像)
        assertThat(picked("见证那段视频会录音录像吗", WITNESS_WHY, WITNESS_STEP)).isEqualTo("d2");
        assertThat(picked("为什么要视频见证", WITNESS_WHY, WITNESS_STEP)).isEqualTo("f23");
    }

    @Test
    void aRuleOnlyADebitCardWillDoAnswersWhetherACreditCardWill() {
        assertThat(picked("开户绑卡用信用卡行不行", BANK_CARD)).isEqualTo("f24");
        assertThat(picked("信用卡逾期了怎么办", BANK_CARD)).isEqualTo("decline");
    }

    private static final Passage OPENING = faq("f20", "开户需要什么条件？", "开户要准备什么",
            "年满18周岁、具有完全民事行为能力的中国大陆居民，持本人有效二代身份证和本人同名的一类银行借记卡即可在App上开户。");

    @Test
    void lackingSomethingIsNotATroubleReport() {
        // "没有银行卡" lacks a card; it does not report that something failed, so the conditions answer it
        assertThat(picked("我想开户但是没有银行卡", OPENING)).isEqualTo("f20");
        assertThat(picked("钱转了没有到账", OPENING, TRANSFER_HOURS)).as("a failure still needs an entry on failures")
                .isEqualTo("decline");
    }

    private static Passage similar(Passage p, double similarity) {
        return new Passage(p.id(), p.source(), p.headingPath(), p.text(), p.score(), similarity);
    }

    private static final Passage NOT_FILLED = faq("f30", "委托下单后为什么没有成交？", "为什么买不进去",
            "委托价格未达到市场成交价、涨跌停封板、数量不足或在非交易时间下单都可能导致未成交。可在“委托查询”中查看状态，未成交的委托可撤单后重新下单。");
    private static final Passage NEW_SHARE_PAYMENT = faq("f31", "新股中签后怎么缴款？", "中签了要做什么",
            "中签后请在T+2日16:00前确保资金账户有足够余额，系统会自动扣款；资金不足视为放弃认购，12个月内累计3次放弃将被限制申购6个月。");
    private static final Passage PHOTO_FAILS = faq("f32", "开户时身份证照片上传失败怎么办？", "身份证上传不了",
            "请确认使用身份证原件拍摄，四角完整、无反光、无遮挡，字迹清晰；不要使用复印件或翻拍照片。仍失败可尝试在光线更好的地方重拍，或联系在线客服。");

    @Test
    void theFirstEntryTheQuestionIsVerySimilarToAnswersOnOneSharedWord() {
        String rambling = "挂了个买单一上午都没成交 到底为啥 是不是系统坏了";
        assertThat(picked(rambling, similar(NOT_FILLED, 0.77))).isEqualTo("f30");
        assertThat(picked(rambling, similar(NOT_FILLED, 0.62))).as("only somewhat similar").isEqualTo("decline");
        assertThat(picked(rambling, NOT_FILLED)).as("similarity unknown: keywords only").isEqualTo("decline");
        assertThat(picked("中签了没交钱会咋样", similar(NEW_SHARE_PAYMENT, 0.71))).isEqualTo("f31");
        // the similarity does not lift an entry that shares no content word, nor one on another thing
        assertThat(picked("黄金期货怎么开户", similar(NEW_SHARE_PAYMENT, 0.9))).isEqualTo("decline");
        assertThat(picked("美股怎么买 想买特斯拉", similar(MIN_LOT, 0.85))).isEqualTo("decline");
    }

    @Test
    void aPhotoThatIsRejectedIsATroubleTheFailureEntryAnswers() {
        assertThat(picked("身份证拍了五六次都说不合格 识别不出来 怎么搞", similar(PHOTO_FAILS, 0.77))).isEqualTo("f32");
        assertThat(picked("身份证审核一直不通过", similar(PHOTO_FAILS, 0.72))).isEqualTo("f32");
    }

    @Test
    void aLongMessageSharingAWordWithTheFirstEntryAndLittleLikeItAsksSomethingElse() {
        String fundSpeed = "你好，我那个基金提了3万多个，能不能办个加速明天快点提出来";
        assertThat(picked(fundSpeed, similar(REDEMPTION, 0.57))).isEqualTo("decline");
        assertThat(picked("您之前提供的这几个基金表现都很一般，有没有必要转换到其他热点上呢", similar(REDEMPTION, 0.55)))
                .isEqualTo("decline");
        // the same entry, asked about what it holds, still answers however unlike the wording
        assertThat(picked("基金赎回几天到账", similar(REDEMPTION, 0.55), FUND_DEALING)).isEqualTo("f9");
    }

    @Test
    void aStopLossOrderIsHowSomethingIsSoldAutomatically() {
        Passage conditional = faq("f33", "如何设置条件单？", "止损单怎么设置",
                "在App“交易-条件单”中可设置股价条件单、定时单和止盈止损单，条件触发时自动报单。条件单不保证成交，请留意行情。");
        assertThat(picked("止损单在哪设置 跌到某个价自动卖那种", conditional)).isEqualTo("f33");
        assertThat(picked("新股中签了怎么卖", NEW_SHARE_PAYMENT)).as("selling is still not paying in").isEqualTo("decline");
    }
}
