package org.finassist.core.classify;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The readings in {@code spelling-terms.tsv} are what pinyin4j says: regenerated here from the file's first two
 * columns and compared; {@code -Dspelling.write=true} rewrites the file.
 */
class SpellingTableTest {

    private static final Path FILE = Path.of("src/main/resources/org/finassist/core/classify/spelling-terms.tsv");
    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

    static {
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
    }

    @Test
    void readingsAreTheLibrarys() throws IOException {
        List<String> lines = Files.readAllLines(FILE, StandardCharsets.UTF_8);
        Map<String, Set<Integer>> byReading = byReading();
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                out.add(line);
                continue;
            }
            String[] cols = line.split("\t", -1);
            String term = cols[0];
            List<String> syllables = new ArrayList<>();
            List<String> sets = new ArrayList<>();
            for (char c : term.toCharArray()) {
                String reading = readings(c).iterator().next();
                syllables.add(reading);
                StringBuilder set = new StringBuilder();
                byReading.get(reading).stream().filter(cp -> cp != c).forEach(set::appendCodePoint);
                sets.add(set.toString());
            }
            out.add(term + "\t" + cols[1] + "\t" + String.join(" ", syllables) + "\t" + String.join("|", sets));
        }
        if (Boolean.getBoolean("spelling.write")) {
            Files.write(FILE, out, StandardCharsets.UTF_8);
        }
        assertThat(lines).isEqualTo(out);
    }

    /** Every CJK unified ideograph of the basic block under each of its readings. */
    private static Map<String, Set<Integer>> byReading() {
        Map<String, Set<Integer>> map = new TreeMap<>();
        for (char c = '\u4e00'; c <= '\u9fa5'; c++) {
            for (String r : readings(c)) {
                map.computeIfAbsent(r, k -> new TreeSet<>()).add((int) c);
            }
        }
        return map;
    }

    private static Set<String> readings(char c) {
        try {
            String[] all = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
            return all == null ? Set.of() : new LinkedHashSet<>(List.of(all));
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException(e);
        }
    }
}
