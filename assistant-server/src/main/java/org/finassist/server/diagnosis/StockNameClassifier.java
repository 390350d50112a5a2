package org.finassist.server.diagnosis;

import org.finassist.content.master.LiveMaster;
import org.finassist.content.master.Resolution;
import org.finassist.core.classify.Classification;
import org.finassist.core.classify.ScenarioClassifier;
import org.finassist.core.router.Scenario;

import java.util.regex.Pattern;

/**
 * Sends "宁德时代现在怎么样", "茅台能买吗", "gzmt怎么样" to stock diagnosis: the keyword rules know codes and
 * words like 诊股, not names. A keyword rule's answer stands (招商银行开户 stays account opening); a general or Q&A
 * guess is overridden when the text names a stock of the master (or a short name a few stocks share, which the
 * diagnosis grounding then asks back about). Small talk the examples recognise stays small talk unless it asks about
 * a stock ("你是真人还是机器人": 机器人 is listed).
 */
final class StockNameClassifier implements ScenarioClassifier {

    /**
     * A short name, initials or a name shared by several stocks is a weak signal: "科创" is part of 科创板, "上能" of
     * 晚上能转, "比特" of 比特币. Such a match routes to diagnosis only when the sentence also asks about a stock and
     * names no board or product. A code, a full name and a former name are specific enough alone. A question about
     * stocks in general ("哪只股票明天能涨停", "新股上市头几天有没有涨跌幅限制") names none, whatever words it contains.
     */
    private static final Pattern STOCK_INTENT = Pattern.compile(
            "诊|股价|走势|怎么样|咋样|如何|能买|能不能买|可以买|值得|前景|涨|跌|估值|分析|行情|业绩|财报|持有|加仓|减仓|"
                    + "割肉|被套|套牢|抄底|看好|看空|目标价|市盈率|分红|这只|这支|个股");
    private static final Pattern OTHER_TOPIC = Pattern.compile(
            "科创板|创业板|北交所|主板|新三板|板块|基金|ETF|etf|债|比特币|数字货币|期货|期权|理财|账户|开户|销户|转账|"
                    + "银证|银行卡|机票|手续费|佣金|密码|权限|新股|打新|涨跌幅|产品|等级|测评|哪只|哪支|哪个股票|哪些股票|推荐|"
                    // money, rules and everyday topics: "卖股票的钱当天能买吗" (天能), "明天北京天气咋样" (北京)
                    + "的钱|资金|税|费|几点|交易时间|休市|开盘|收盘|规则|天气|下雨|气温|汇率|贷款|房贷|外卖|快递");

    /** Asks for commentary on a stock, which the commentary route answers from its articles. */
    private static final Pattern ASKS_COMMENTARY = Pattern.compile("复盘|盯盘|点评|评论|解读|新闻|公告|消息|资讯|文章|大盘|市场|板块");

    /** Asks which stock, or for one: no stock is named, whatever short name the words happen to contain. */
    private static final Pattern NO_STOCK_NAMED = Pattern.compile("推荐|哪只|哪支|哪个股票|哪些股票|什么股票|买什么股");

    /** A class of stocks, not one: "st股票能当担保品吗" asks the rules for ST stocks. */
    private static final Pattern A_CLASS_OF_STOCKS = Pattern.compile("(?i)(\\*?S?ST|退市|风险警示)的?(股票|股|类)");

    /** Points at a stock the customer holds or saw without naming it: the diagnosis route asks which. */
    private static final Pattern POINTS_AT_A_STOCK = Pattern.compile("这只|这支|这个票|这票|这个股|持仓|手里的|我买的|我的股");

    private final ScenarioClassifier delegate;
    private final LiveMaster master;

    StockNameClassifier(ScenarioClassifier delegate, LiveMaster master) {
        this.delegate = delegate;
        this.master = master;
    }

    @Override
    public Classification classify(String text) {
        // 盘中行情 does not name 中行: NameResolver does not read a nickname's 行 as the start of 行情 or 行业
        Classification c = delegate.classify(text);
        if ((c.scenario() == Scenario.STOCK_DIAGNOSIS || c.scenario() == Scenario.COMMENTARY) && c.symbol() == null
                && master.resolver().outOfScope(text).isPresent()
                && !(master.resolver().findIn(text) instanceof Resolution.Found f && specific(f.how()))) {
            // "特斯拉股票怎么买", "比特币现在能不能抄底": nothing of the A-share master to diagnose; the knowledge base
            // answers what it covers (美股, 比特币 are not) and the rest is declined
            return new Classification(Scenario.QA, c.confidence(), "out-of-scope", null);
        }
        if (c.scenario() == Scenario.STOCK_DIAGNOSIS && !"rule".equals(c.method())
                && A_CLASS_OF_STOCKS.matcher(text).find() && !(master.resolver().findIn(text) instanceof Resolution.Found)) {
            // an example guess on "st股票能拿来当两融担保品吗" reads a stock question; it asks a rule
            return new Classification(Scenario.QA, c.confidence(), "stock-class", null);
        }
        if (c.scenario() == Scenario.STOCK_DIAGNOSIS && "example".equals(c.method()) && !POINTS_AT_A_STOCK.matcher(text).find()
                && master.resolver().findIn(text) instanceof Resolution.Absent) {
            // "跌破平仓线之前会通知我吗" looks like a stock question to the examples but names and points at none
            return new Classification(Scenario.QA, c.confidence(), "no-stock-named", null);
        }
        if (c.scenario() == Scenario.STOCK_DIAGNOSIS && !"rule".equals(c.method()) && NO_STOCK_NAMED.matcher(text).find()
                && !(master.resolver().findIn(text) instanceof Resolution.Found f && specific(f.how()))) {
            // "哪只股票明天能涨停", "给我推荐个能涨的股票": nothing to diagnose; the knowledge base says we do not recommend
            return new Classification(Scenario.QA, c.confidence(), "no-stock-named", null);
        }
        // an example match for commentary ("gzmt最近咋样" looks like "大盘最近咋样") is a guess too, unless the
        // customer asks for the commentary itself (复盘, 盯盘, 点评, news)
        boolean guessedCommentary = c.scenario() == Scenario.COMMENTARY && !ASKS_COMMENTARY.matcher(text).find();
        if (c.scenario() == Scenario.GENERAL && "example".equals(c.method()) && !asksAboutAStock(text)) {
            // small talk that contains a stock's name ("你是真人还是机器人": 机器人 is listed) is still small talk
            return c;
        }
        if ("rule".equals(c.method())
                || (c.scenario() != Scenario.QA && c.scenario() != Scenario.GENERAL && !guessedCommentary)) {
            return c;
        }
        return switch (master.resolver().findIn(text)) {
            // a full name next to a service word is a company named in passing ("东方财富佣金比你们便宜吧"), not a stock
            // to diagnose, unless the sentence asks about the stock too
            case Resolution.Found f when specific(f.how()) && !OTHER_TOPIC.matcher(text).find() || asksAboutAStock(text) ->
                    new Classification(Scenario.STOCK_DIAGNOSIS, 0.9, "stock-name", f.security().symbol().toString());
            case Resolution.Ambiguous a when asksAboutAStock(text) ->
                    new Classification(Scenario.STOCK_DIAGNOSIS, 0.7, "stock-name", null);
            default -> c;
        };
    }

    private static boolean specific(Resolution.Match how) {
        return how == Resolution.Match.CODE || how == Resolution.Match.NAME || how == Resolution.Match.FORMER_NAME
                || how == Resolution.Match.NICKNAME;
    }

    static boolean asksAboutAStock(String text) {
        return STOCK_INTENT.matcher(text).find() && !OTHER_TOPIC.matcher(text).find();
    }
}
