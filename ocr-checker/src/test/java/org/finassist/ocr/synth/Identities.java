package org.finassist.ocr.synth;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Random;
import org.finassist.ocr.idcard.Gender;
import org.finassist.ocr.idcard.IdNumber;
import org.finassist.ocr.idcard.ValidityPeriod;

/** Random but internally consistent identities: number, birth date, gender and validity period agree. */
public final class Identities {

    private static final String[] SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤".split("");
    private static final String[] GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红玉梅文晓东海宇浩然欣怡子轩梓涵一诺雨泽思远佳琪俊杰嘉怡晨阳子豪诗雨博文瑞凯鑫宏亮晶莉健斌婷雪琳颖悦彤萱辰逸宁安乐康".split("");
    private static final String[] ETHNIC = {"汉", "汉", "汉", "汉", "汉", "汉", "回", "满", "壮", "苗", "彝", "土家", "蒙古", "朝鲜"};
    private static final String[][] REGIONS = {
            {"110101", "北京市东城区", "北京市公安局东城分局"},
            {"110108", "北京市海淀区", "北京市公安局海淀分局"},
            {"310104", "上海市徐汇区", "上海市公安局徐汇分局"},
            {"310115", "上海市浦东新区", "上海市公安局浦东分局"},
            {"440305", "广东省深圳市南山区", "深圳市公安局南山分局"},
            {"440106", "广东省广州市天河区", "广州市公安局天河区分局"},
            {"330106", "浙江省杭州市西湖区", "杭州市公安局西湖区分局"},
            {"510107", "四川省成都市武侯区", "成都市公安局武侯区分局"},
            {"420111", "湖北省武汉市洪山区", "武汉市公安局洪山区分局"},
            {"320102", "江苏省南京市玄武区", "南京市公安局玄武分局"},
            {"370202", "山东省青岛市市南区", "青岛市公安局市南分局"},
            {"610113", "陕西省西安市雁塔区", "西安市公安局雁塔分局"}};
    private static final String[] ROADS = {"长安街", "人民路", "解放路", "中山路", "建设大道", "和平里", "科技园路",
            "滨江大道", "文化路", "新华街", "光明巷", "朝阳北路", "学院路", "翠湖南路"};

    private final Random random;
    private final LocalDate today;

    public Identities(long seed, LocalDate today) {
        this.random = new Random(seed);
        this.today = today;
    }

    /** An adult (18–75) whose card is valid today. */
    public Identity next() {
        LocalDate birth = today.minusYears(18 + random.nextInt(58)).minusDays(random.nextInt(365));
        return withBirth(birth);
    }

    public Identity withBirth(LocalDate birth) {
        String[] region = REGIONS[random.nextInt(REGIONS.length)];
        Gender gender = random.nextBoolean() ? Gender.MALE : Gender.FEMALE;
        String first17 = region[0] + birth.toString().replace("-", "") + sequence(gender);
        String id = first17 + IdNumber.checkCharFor(first17);
        return new Identity(name(), gender, ETHNIC[random.nextInt(ETHNIC.length)], birth,
                region[1] + address(), id, region[2], validity(birth));
    }

    private String sequence(Gender gender) {
        int s = random.nextInt(100) * 10 + random.nextInt(5) * 2 + (gender == Gender.MALE ? 1 : 0);
        return String.format("%03d", s);
    }

    private String name() {
        int given = random.nextInt(3) == 0 ? 1 : 2;
        StringBuilder sb = new StringBuilder(SURNAMES[random.nextInt(SURNAMES.length)]);
        for (int i = 0; i < given; i++) {
            sb.append(GIVEN[random.nextInt(GIVEN.length)]);
        }
        return sb.toString();
    }

    private String address() {
        String a = ROADS[random.nextInt(ROADS.length)] + (1 + random.nextInt(299)) + "号";
        return switch (random.nextInt(3)) {
            case 0 -> a;
            case 1 -> a + (1 + random.nextInt(30)) + "栋" + (101 + random.nextInt(20)) + "室";
            default -> a + "院" + (1 + random.nextInt(12)) + "号楼" + (1 + random.nextInt(6)) + "单元"
                    + (101 + random.nextInt(1500)) + "号";
        };
    }

    /** An issue date the card is still valid under today, with the length the law sets for that age. */
    private ValidityPeriod validity(LocalDate birth) {
        for (int attempt = 0; attempt < 50; attempt++) {
            LocalDate start = today.minusDays(30 + random.nextInt(365 * 9));
            if (start.isBefore(birth.plusYears(16))) {
                start = birth.plusYears(16).plusDays(random.nextInt(200));
            }
            if (start.isAfter(today)) {
                continue;
            }
            int age = java.time.Period.between(birth, start).getYears();
            int years = age <= 25 ? 10 : age <= 45 ? 20 : 0;
            Optional<LocalDate> end = years == 0 ? Optional.empty() : Optional.of(start.plusYears(years));
            if (end.isEmpty() || end.get().isAfter(today)) {
                return new ValidityPeriod(start, end);
            }
        }
        return new ValidityPeriod(today.minusYears(1), Optional.of(today.minusYears(1).plusYears(20)));
    }
}
