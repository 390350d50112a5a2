/**
 * Requests for advice a brokerage's assistant must not give: a forecast of a price, an index or the market
 * ("茅台明天能涨到2000吗", "下周大盘会不会暴跌") and a stock pick ("推荐三只必涨的票"). {@link
 * org.finassist.core.advice.AdviceRequestDetector} reads the customer's message before any retrieval or model, so the
 * customer gets a plain, compliant refusal instead of loosely related data; questions about rules ("ST明天涨跌幅限制多少")
 * and past data ("茅台今年涨了多少") are not such requests. Rules are data in {@code advice-rules.txt}.
 */
package org.finassist.core.advice;
