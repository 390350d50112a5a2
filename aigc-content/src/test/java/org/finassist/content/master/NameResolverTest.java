package org.finassist.content.master;

import org.finassist.content.market.Board;
import org.finassist.content.market.Symbol;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Name resolution over the shipped master, for stocks of every board it holds (it has no BSE stock). */
class NameResolverTest {

    private static final NameResolver RESOLVER = new NameResolver(SecuritiesMaster.bundled());

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        // SH main board
        "600519, 600519.SH", "sh600519, 600519.SH", "600519.SS, 600519.SH", "贵州茅台, 600519.SH", "茅台, 600519.SH",
        "gzmt, 600519.SH", "GZMT, 600519.SH",
        // SZ main board
        "000858, 000858.SZ", "五粮液, 000858.SZ", "gldq, 000651.SZ", "格力, 000651.SZ", "万科Ａ, 000002.SZ",
        "万科, 000002.SZ", "比亚迪, 002594.SZ",
        // ChiNext 300 / 301
        "300750, 300750.SZ", "宁德时代, 300750.SZ", "宁德, 300750.SZ", "ndsd, 300750.SZ", "怡合达, 301029.SZ",
        "301029.SZ, 301029.SZ",
        // STAR 688
        "688981, 688981.SH", "中芯国际, 688981.SH", "中芯, 688981.SH", "zxgj, 688981.SH",
        // a former name, a polyphonic reading
        "吉电股份, 000875.SZ", "cqyh, 601963.SH", "pfyh, 600000.SH"})
    void resolvesCodesNamesShortNamesAndInitials(String query, String symbol) {
        assertThat(RESOLVER.resolve(query)).isInstanceOfSatisfying(Resolution.Found.class,
                f -> assertThat(f.security().symbol()).isEqualTo(Symbol.parse(symbol)));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "帮我诊断一下贵州茅台|600519.SH", "宁德时代现在怎么样|300750.SZ", "600519能买吗|600519.SH",
        "300750 诊股|300750.SZ", "茅台能买吗？|600519.SH", "gzmt怎么样|600519.SH", "帮我看看 宁德 最近的走势|300750.SZ",
        "中芯国际技术面如何|688981.SH", "诊断下五粮液吧|000858.SZ", "今天茅台涨了吗|600519.SH",
        "怡合达这只股票怎么样|301029.SZ", "sz000858 能不能买|000858.SZ"})
    void findsTheStockInASentence(String text, String symbol) {
        assertThat(RESOLVER.findIn(text)).isInstanceOfSatisfying(Resolution.Found.class,
                f -> assertThat(f.security().symbol()).isEqualTo(Symbol.parse(symbol)));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {"宁王最近走势咋样|300750.SZ", "招行的估值高不高|600036.SH", "茅子还能拿吗|600519.SH",
        "工行分红多少|601398.SH", "中石油|601857.SH", "东财今天涨了没|300059.SZ"})
    void curatedNicknamesAreFound(String text, String symbol) {
        assertThat(RESOLVER.findIn(text)).isInstanceOfSatisfying(Resolution.Found.class, f -> {
            assertThat(f.security().symbol()).isEqualTo(Symbol.parse(symbol));
            assertThat(f.how()).isEqualTo(Resolution.Match.NICKNAME);
        });
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"盘中行情怎么看", "成交行情在哪看", "哪个行业涨得好"})
    void aNicknameInsideAWordIsNotAStock(String text) {
        assertThat(RESOLVER.findIn(text)).isNotInstanceOf(Resolution.Found.class);
    }

    @Test
    void aNicknameNamingTwoStocksIsRejected() {
        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                () -> Nicknames.parse("600036.SH\t招行\n601398.SH\t招行\n")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("招行");
    }

    @Test
    void ambiguousNamesAskBack() {
        Resolution r = RESOLVER.resolve("平安");
        assertThat(r).isInstanceOf(Resolution.Ambiguous.class);
        Resolution.Ambiguous a = (Resolution.Ambiguous) r;
        assertThat(a.candidates()).extracting(s -> s.symbol().toString()).contains("000001.SZ", "601318.SH");
        assertThat(a.question()).contains("平安银行（000001.SZ）", "中国平安（601318.SH）", "哪一只");
        assertThat(RESOLVER.findIn("平安怎么样")).isInstanceOf(Resolution.Ambiguous.class);
        // initials two stocks share (五粮液, 万里扬) ask back too, quoting what was typed
        assertThat(RESOLVER.resolve("WLY")).isInstanceOfSatisfying(Resolution.Ambiguous.class,
                w -> assertThat(w.question()).contains("“WLY”", "五粮液（000858.SZ）", "万里扬（002434.SZ）"));
        // a category word shared by dozens of stocks: ask for a name, list a few
        Resolution banks = RESOLVER.resolve("银行");
        assertThat(banks).isInstanceOfSatisfying(Resolution.Ambiguous.class, b -> {
            assertThat(b.total()).isGreaterThan(NameResolver.GENERIC);
            assertThat(b.question()).contains("共" + b.total() + "只", "具体的股票名称");
        });
    }

    @Test
    void aNameWithOneWrongCharacterIsOfferedAsAQuestion() {
        assertThat(RESOLVER.resolve("贵州矛台")).isInstanceOfSatisfying(Resolution.Ambiguous.class, a -> {
            assertThat(a.candidates()).extracting(s -> s.symbol().toString()).containsExactly("600519.SH");
            assertThat(a.question()).contains("贵州茅台（600519.SH）");
        });
        assertThat(RESOLVER.findIn("宁德时带现在怎么样")).isInstanceOfSatisfying(Resolution.Ambiguous.class,
                a -> assertThat(a.candidates()).extracting(s -> s.name()).containsExactly("宁德时代"));
        assertThat(RESOLVER.findIn("中国能买吗")).as("a category word alone is asked about")
                .isInstanceOf(Resolution.Ambiguous.class);
    }

    @Test
    void unknownNamesGetAClearAnswer() {
        assertThat(RESOLVER.resolve("雷霆万钧")).isInstanceOfSatisfying(Resolution.Unknown.class,
                u -> assertThat(u.message()).contains("没有找到“雷霆万钧”", "6位代码"));
        // the invented name is one character off a real one: asked about, never taken as found
        assertThat(RESOLVER.resolve("中丰软件")).isInstanceOfSatisfying(Resolution.Ambiguous.class,
                a -> assertThat(a.question()).contains("中望软件（688083.SH）"));
        assertThat(RESOLVER.findIn("帮我诊断一下天丰科技")).isInstanceOfSatisfying(Resolution.Unknown.class,
                u -> assertThat(u.query()).isEqualTo("天丰科技"));
        assertThat(RESOLVER.findIn("雷霆万钧科技的情况怎么样")).isInstanceOfSatisfying(Resolution.Unknown.class,
                u -> assertThat(u.message()).contains("没有找到“雷霆万钧科技”"));
        assertThat(RESOLVER.resolve("699999")).isInstanceOf(Resolution.Unknown.class);
        assertThat(RESOLVER.findIn("大盘今天怎么样")).isInstanceOf(Resolution.Absent.class);
    }

    @Test
    void shippedMasterSpansTheBoards() {
        assertThat(RESOLVER.master().countByBoard().keySet()).contains(Board.MAIN, Board.CHINEXT, Board.STAR);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"融资融券担保比例跌到多少会通知我", "跌破平仓线之前会通知我吗",
        "比特币现在能不能抄底", "以太坊和比特币哪个好", "特斯拉股票怎么买 你们能买美股吗", "美股的特斯拉 你们app能买吗",
        "天气预报说明天下雨 会不会影响股市", "苹果公司的股票在哪买", "英伟达能买吗",
        // a number and its measure word glued to what follows (一天|能 → 天能)
        "北交所的票一天能涨多少 听说很猛", "今天买的股票第二天能卖吗", "st股票一天能涨多少", "创业板的股票一天能涨多少"})
    void aShortNameInsideAnEverydayWordOrAForeignNameIsNoStock(String text) {
        assertThat(RESOLVER.findIn(text)).as(text).isInstanceOfAny(Resolution.Absent.class, Resolution.Unknown.class);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"半导体板块今天为啥大涨", "今天大盘怎么样 那新能源板块呢",
        "黄金板块今天涨了没", "银行板块今天表现怎么样", "锂电池概念股今天涨了吗", "芯片概念股今天为啥跌", "光伏板块今天怎么样",
        "稀土板块怎么突然拉升了"})
    void aSectorIsNoStock(String text) {
        assertThat(RESOLVER.findIn(text)).as(text).isInstanceOf(Resolution.Absent.class);
    }

    /** Real wealth-app messages (Fin-Eva 金融意图理解 style): an industry word that ends several names names none. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"其实我很难把握买卖时机 从指数走势来看价值投资好像行不通",
        "为什么我觉得基建和钢铁 煤炭 一直是向下趋势", "今天加仓的有军工新能源车等制造类及医药(疗)", "可以投资这个指数基金吗"})
    void anIndustryWordInASentenceIsNoStock(String text) {
        assertThat(RESOLVER.findIn(text)).as(text).isNotInstanceOfAny(Resolution.Found.class, Resolution.Ambiguous.class);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {"会通股份怎么样|688219.SH", "吉比特能买吗|603444.SH", "阿特斯最近咋样|688472.SH",
        "宝新能源怎么样|000690.SZ", "斯达半导最近咋样|603290.SH", "北方稀土能买吗|600111.SH", "讯飞今天涨了吗|002230.SZ",
        "格力能买吗|000651.SZ", "万科怎么样|000002.SZ", "我买的茅台今天跌了好多怎么办啊|600519.SH", "茅台还能拿吗|600519.SH",
        "招行现在能买吗|600036.SH", "宁德还能拿吗|300750.SZ",
        "天能最近咋样|688819.SH", "我买的天能一天能涨多少|688819.SH", "天能股份一天能涨多少|688819.SH"})
    void theLookAlikesStillNameTheirStock(String text, String symbol) {
        assertThat(RESOLVER.findIn(text)).isInstanceOfSatisfying(Resolution.Found.class,
                f -> assertThat(f.security().symbol()).isEqualTo(Symbol.parse(symbol)));
    }

    @Test
    void namesOutsideTheAShareMarketAreReported() {
        assertThat(RESOLVER.outOfScope("特斯拉股票怎么买")).contains("特斯拉");
        assertThat(RESOLVER.outOfScope("比特币现在能不能抄底")).contains("比特币");
        assertThat(RESOLVER.outOfScope("吉比特能买吗")).isEmpty();
        assertThat(RESOLVER.outOfScope("阿特斯最近咋样")).isEmpty();
    }

    @Test
    void noNotNameIsTheNameOfAListedStock() {
        // a listed company's own name always wins: the list must never hide one
        for (String w : NotNames.shipped().all()) {
            Resolution r = RESOLVER.resolve(w);
            assertThat(r instanceof Resolution.Found f && f.how() != Resolution.Match.SHORT_NAME).as(w + " → " + r)
                    .isFalse();
        }
        for (String w : NotNames.shipped().outOfScope()) {
            assertThat(RESOLVER.resolve(w)).as(w).isNotInstanceOf(Resolution.Found.class);
        }
    }

    @Test
    void aSpanThatCutsAWordIsNotAWordOfItsOwn() {
        assertThat(WordBoundaries.cuts("会通知我", 0, 2)).isTrue();
        assertThat(WordBoundaries.cuts("明天下雨", 1, 3)).isTrue();
        assertThat(WordBoundaries.cuts("茅台能买吗", 0, 2)).isFalse();
        assertThat(WordBoundaries.cuts("比特币能买吗", 0, 2)).isFalse(); // unknown words fall apart: the list covers them
        assertThat(WordBoundaries.cuts("一天能涨多少", 1, 3)).isTrue(); // 一|天 is a number and its measure word
        assertThat(WordBoundaries.cuts("买了天能", 2, 4)).isFalse();
    }
}
