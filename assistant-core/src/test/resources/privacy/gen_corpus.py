#!/usr/bin/env python3
"""Writes masking-corpus.tsv: one line per way a customer writes a piece of personal data (kind, format, text,
secret). The secret is what must not survive masking (compared on digits and letters, full-width and spoken numerals
normalised); lines of kind 'keep' must come back unchanged. Numbers are synthetic: valid formats and check digits,
no real person's. Run: python3 gen_corpus.py > masking-corpus.tsv"""
import random

random.seed(16)
FW = str.maketrans("0123456789-./@()ABCDEFGHIJKLMNOPQRSTUVWXYZ", "０１２３４５６７８９－．／＠（）ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ")
SPOKEN = dict(zip("0123456789", "零一二三四五六七八九"))
SPOKEN_ALT = dict(zip("0123456789", "洞幺两三四五六拐八勾"))


def id18(region="440306", birth="19851212", seq="671"):
    body = region + birth + seq
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return body + "10X98765432"[sum(int(c) * x for c, x in zip(body, w)) % 11]


def luhn_card(prefix, length):
    body = prefix + "".join(random.choice("0123456789") for _ in range(length - len(prefix) - 1))
    for d in "0123456789":
        n = body + d
        s = sum(int(c) if i % 2 == 0 else (int(c) * 2 - 9 if int(c) * 2 > 9 else int(c) * 2)
                for i, c in enumerate(reversed(n)))
        if s % 10 == 0:
            return n


def groups(s, sizes, sep):
    out, i = [], 0
    for n in sizes:
        out.append(s[i:i + n]); i += n
    if i < len(s):
        out.append(s[i:])
    return sep.join(out)


rows = []
def add(kind, fmt, text, secret):
    rows.append((kind, fmt, text, secret))

ids = [id18("110105", "19491231", "002"), id18("440306", "19851212", "671"), id18("310101", "20010705", "123"),
       id18("510104", "19780309", "558")]
id_templates = ["我的身份证是{}", "身份证号：{}", "证件号码 {} 请核对", "{}", "帮我查下{}这个证件", "开户用的身份证{}，谢谢"]
for i, n in enumerate(ids):
    for j, t in enumerate(id_templates[:4] if i else id_templates):
        add("id18", f"plain-{i}-{j}", t.format(n), n)
    add("id18", f"space-{i}", "身份证 " + groups(n, [6, 8], " "), n)
    add("id18", f"slash-{i}", "身份证 " + groups(n, [6, 8], "/"), n)
    add("id18", f"dash-{i}", "身份证" + groups(n, [6, 4, 4], "-"), n)
    add("id18", f"dot-{i}", "身份证" + groups(n, [6, 8], "."), n)
    add("id18", f"fullwidth-{i}", "身份证" + n.translate(FW), n)
    add("id18", f"lowerx-{i}", "身份证号" + n[:-1] + ("x" if n.endswith("X") else n[-1]), n[:-1])
add("id18", "spoken", "身份证号是" + "".join(SPOKEN[c] for c in ids[1]), ids[1])
add("id18", "fullwidth-spaced", "身份证 " + groups(ids[2], [6, 8], "　").translate(FW), ids[2])
ids15 = ["110105491231002", "440306851212671", "310101790705123"]
for i, n in enumerate(ids15):
    add("id15", f"plain-{i}", "老身份证号" + n, n)
    add("id15", f"space-{i}", "旧证 " + groups(n, [6, 6], " "), n)
    add("id15", f"fullwidth-{i}", "一代证" + n.translate(FW), n)

mobiles = ["13987654321", "18612345678", "15000001234", "17788889999", "19912340000"]
for i, n in enumerate(mobiles):
    add("mobile", f"plain-{i}", f"手机{n}", n)
    add("mobile", f"344-space-{i}", "我的电话 " + groups(n, [3, 4], " "), n)
    add("mobile", f"344-dash-{i}", "联系方式：" + groups(n, [3, 4], "-"), n)
    add("mobile", f"344-dot-{i}", "打" + groups(n, [3, 4], "."), n)
    add("mobile", f"fullwidth-{i}", "手机号" + n.translate(FW), n)
    add("mobile", f"spoken-{i}", "手机号是" + "".join(SPOKEN[c] for c in n), n)
add("mobile", "spoken-alt", "电话" + "".join(SPOKEN_ALT.get(c, SPOKEN[c]) if c in "0127" else SPOKEN[c] for c in "13987654321"), "13987654321")
add("mobile", "mixed-spoken", "手机139八七六五4321", "13987654321")
add("mobile", "plus86", "+86 139 8765 4321", "13987654321")
add("mobile", "8613", "8613987654321 是我微信", "13987654321")
add("mobile", "two-space", "1 3 9 8 7 6 5 4 3 2 1", "13987654321")

cards = [luhn_card("622202", 19), luhn_card("621700", 19), luhn_card("622848", 19), luhn_card("436742", 16),
         luhn_card("518710", 16), luhn_card("625807", 16), luhn_card("601382", 19)]
for i, n in enumerate(cards):
    add("card", f"plain-{i}", f"银行卡{n}", n)
    add("card", f"4-space-{i}", "卡号 " + groups(n, [4] * 4, " "), n)
    add("card", f"4-dash-{i}", "储蓄卡" + groups(n, [4] * 4, "-"), n)
    add("card", f"fullwidth-{i}", "卡号：" + n.translate(FW), n)
add("card", "spoken", "卡号是" + "".join(SPOKEN[c] for c in cards[0]), cards[0])
add("card", "no-luhn-account", "转到账户6222021234567890123", "6222021234567890123")

for i, (n, fmt) in enumerate([("A1234567", "hk"), ("AB9876543", "hk2"), ("Z6543210", "hk3")]):
    add("hkid", fmt, f"香港身份证 {n[:-1]}({n[-1]})", n[:-1])
    add("hkid", fmt + "-fw", f"香港身份证{n[:-1]}（{n[-1]}）", n[:-1])
    add("hkid", fmt + "-lower", f"hkid: {n[:-1].lower()}({n[-1]})", n[:-1].lower())
for i, n in enumerate(["1234567", "5215299", "7654321"]):
    add("macau", f"plain-{i}", f"澳门身份证{n}(8)", n)
    add("macau", f"space-{i}", f"澳门居民身份证 {n} (3)", n)
for i, n in enumerate(["A123456789", "F234567890", "K112233445"]):
    add("twid", f"plain-{i}", f"台湾身份证字号{n}", n)
    add("twid", f"fw-{i}", f"身分證 {n.translate(FW)}", n)
for i, n in enumerate(["E12345678", "EA1234567", "G87654321", "K01234567", "P1234567"]):
    add("passport", f"plain-{i}", f"护照号码{n}", n)
    add("passport", f"space-{i}", f"passport no. {n}", n)
for i, (kind, n) in enumerate([("hk-permit", "C12345678"), ("hk-permit-new", "CA1234567"), ("tw-permit", "L12345678"),
                               ("home-return", "H1234567801"), ("home-return-m", "M87654321"), ("tw-compat", "12345678")]):
    add("permit", kind, f"{'台胞证' if kind == 'tw-compat' else '通行证'}号码：{n}", n)
    add("permit", kind + "-fw", f"{'台胞证' if kind == 'tw-compat' else '证件'} {n.translate(FW)}", n if kind != "tw-compat" else n)

for i, (label, n) in enumerate([("资金账号", "10012345678"), ("资金账户", "3100987654"), ("证券账户", "A123456789"),
                                ("股东账户", "0123456789"), ("基金账户", "98765432101"), ("客户号", "880012345"),
                                ("股东代码", "B880012345"), ("资金帐号", "12345678"), ("账号", "6100 1234 5678")]):
    add("account", f"{label}", f"我的{label}是{n}", n.replace(" ", ""))
    add("account", f"{label}-colon", f"{label}：{n}", n.replace(" ", ""))
add("account", "sh-bare", "上海股东卡A123456789", "A123456789")
add("account", "long-bare", "流水号202409191530001234", "202409191530001234")

for i, e in enumerate(["zhang.san@example.com", "li_si+fund@qq.com", "wangwu2024@163.com", "a@b.cn",
                       "customer.service@broker-demo.com.cn"]):
    add("email", f"plain-{i}", f"邮箱{e}", e.split("@")[0][1:] if len(e.split("@")[0]) > 1 else e)
    add("email", f"fw-at-{i}", "邮件：" + e.replace("@", "＠"), e.split("@")[0][1:] if len(e.split("@")[0]) > 1 else e.replace("@", "＠"))
for i, (t, secret) in enumerate([("我的密码是abc12345", "abc12345"), ("交易密码：668899", "668899"),
                                  ("登录密码为 Qwer!234", "Qwer!234"), ("password: hunter22", "hunter22"),
                                  ("my pwd is S3cret99", "S3cret99"), ("口令 778899", "778899"),
                                  ("PIN 4321", "4321"), ("密码是一二三四五六", "一二三四五六"),
                                  ("资金密码：８８６６９９", "８８６６９９"), ("Password=Tr@de2024", "Tr@de2024")]):
    add("password", f"form-{i}", t, secret)
for i, (t, secret) in enumerate([("姓名：张三丰", "三丰"), ("开户人是李小龙", "小龙"), ("联系人:欧阳娜娜", "阳娜娜"),
                                  ("持卡人：王五", "五"), ("户名为赵钱孙", "钱孙")]):
    add("name", f"field-{i}", t, secret)
for i, (t, secret) in enumerate([("地址：广东省深圳市南山区科技园路1号", "科技园路1号"), ("家住北京市朝阳区建国路88号",
                                  "建国路88号"), ("通讯地址是上海市浦东新区世纪大道100号", "世纪大道100号")]):
    add("address", f"field-{i}", t, secret)

for i, t in enumerate(["诊股 600000，收盘价10.25元，成交额123456789元", "2024-09-19 的复盘", "000001 平安银行涨停",
                       "市盈率 12.5，市净率 1.3", "年化收益 3.25%，起购 1000 元", "交易时间 9:30-11:30, 13:00-15:00",
                       "沪深300指数收于3456.78点", "忘记密码怎么办？", "怎么修改姓名？", "我想改一下地址",
                       "一手是100股", "证券代码 SH600519", "2024年9月19日", "第一二三季度", "客服电话95555"]):
    add("keep", f"ordinary-{i}", t, "")

print("# kind\tformat\ttext\tsecret   (generated by gen_corpus.py; synthetic numbers, valid formats)")
for r in rows:
    print("\t".join(r))
