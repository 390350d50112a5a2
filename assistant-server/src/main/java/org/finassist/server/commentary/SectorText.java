package org.finassist.server.commentary;

import org.finassist.content.anomaly.IndexQuote;
import org.finassist.content.sector.SectorMove;
import org.finassist.content.sector.SectorRanking;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The customer's sentence about the day's sectors: the strongest and weakest industries when they are known, else
 * the board indices (上证指数, 创业板指, 科创50, 北证50…) strongest first, saying that industries are not in the data.
 */
final class SectorText {

    private static final int SHOWN = 3;

    private SectorText() {
    }

    static String describe(Optional<SectorRanking.Ranking> industries, List<IndexQuote> indices, String universeName) {
        if (industries.isPresent()) {
            List<SectorMove> m = industries.get().moves();
            String top = join(m.subList(0, Math.min(SHOWN, m.size())));
            String bottom = m.size() > SHOWN
                    ? "；跌幅居前：" + join(m.subList(Math.max(SHOWN, m.size() - SHOWN), m.size()).reversed()) : "";
            return "行业板块（" + universeName + "成分股平均涨跌幅）涨幅居前：" + top + bottom + "。";
        }
        String boards = indices.stream()
                .sorted(Comparator.comparing((IndexQuote q) -> q.get("change1d").value()).reversed())
                .map(SectorText::boardMove).collect(Collectors.joining("、"));
        return "板块表现：当前行情数据没有行业分类，按板块指数看（由强到弱）：" + boards + "。";
    }

    /** "创业板指涨0.49%": the sign in words, so the index's own digits (北证50) never run into the figure. */
    private static String boardMove(IndexQuote q) {
        double v = q.get("change1d").value().doubleValue();
        return String.format("%s%s%.2f%%", q.index().name(), v > 0 ? "涨" : v < 0 ? "跌" : "平", Math.abs(v));
    }

    private static String join(List<SectorMove> moves) {
        return moves.stream().map(m -> String.format("%s平均%+.2f%%（上涨%d家、下跌%d家）", m.sector(), m.meanChangePct(),
                m.up(), m.down())).collect(Collectors.joining("；"));
    }
}
