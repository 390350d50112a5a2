package org.finassist.rag.retrieve;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FaqMatchTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "怎么把银行卡的钱转到证券账户|怎么把钱从证券账户转到银行卡？",
            "怎么把证券账户的钱转到银行卡|怎么把钱转入证券账户？",
            "怎么入金|证转银怎么操作",
            "怎么取消创业板权限|怎么开通创业板权限？",
            "科创板权限怎么开通|怎么开通创业板权限？",
            "怎么开通权限|怎么开通科创板权限？",
            "钱转不出来怎么办|怎么把钱从证券账户转到银行卡？",
            "融券利率多少|融资利息",
            "卖股票要交什么税|买基金有没有印花税",
            "资金密码忘了|交易密码忘了"})
    void oppositeOrDifferentQuestionsDisagree(String question, String phrasing) {
        assertThat(FaqMatch.agrees(question, phrasing)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "怎么把银行卡的钱转到证券账户|怎么把钱转入证券账户？",
            "股票账户的钱怎么取出来|怎么取钱",
            "创业板权限怎么开|创业板开通条件",
            "ST股票涨跌幅多少|股票的涨跌幅限制是多少？",
            "我17岁能开户吗|未成年人可以开户吗？",
            "转账一直失败|银证转账失败怎么办？",
            "今天买的明天能卖吗|T+1是什么意思？",
            "北京证券交易所怎么开通|北交所权限开通条件是什么？"})
    void sameQuestionsAgree(String question, String phrasing) {
        assertThat(FaqMatch.agrees(question, phrasing)).isTrue();
    }
}
