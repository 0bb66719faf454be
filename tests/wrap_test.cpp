// [wrap] The terminal's text layout (ui/terminal/render.hpp) and the engine's one width table
// (defuse/text.hpp): Chinese takes two columns, lines break between CJK characters and at
// spaces but never inside an English word, and closing punctuation never starts a line.
#include <catch2/catch.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "defuse/line_break.hpp"
#include "defuse/text.hpp"
#include "terminal/render.hpp"

using defuse::codepointWidth;
using defuse::displayWidth;
using defuse::term::wrap;

namespace {

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::stringstream ss(text);
    std::string line;
    while (std::getline(ss, line)) out.push_back(line);
    return out;
}

bool startsWithClosingPunct(const std::string& s) {
    for (const char* p :
         {"，", "。", "、", "；", "：", "！", "？", "）", "」", "』", "”", "’", "》", "〉", "】"})
        if (s.rfind(p, 0) == 0) return true;
    return false;
}

std::string without(std::string s, const std::string& chars) {
    std::string out;
    for (char c : s)
        if (chars.find(c) == std::string::npos) out += c;
    return out;
}

}  // namespace

TEST_CASE("Chinese characters and fullwidth punctuation take two columns", "[wrap]") {
    CHECK(displayWidth("") == 0);
    CHECK(displayWidth("abc") == 3);
    CHECK(displayWidth("你好") == 4);
    CHECK(displayWidth("ab你好") == 6);
    CHECK(displayWidth("，。）（") == 8);
    CHECK(displayWidth("刹车片") == 6);
    CHECK(displayWidth("한국어") == 6);        // Hangul
    CHECK(displayWidth("カタカナ") == 8);      // Japanese kana
    CHECK(displayWidth("ＡＢ") == 4);          // fullwidth Latin
    CHECK(displayWidth("ｶﾀ") == 2);            // halfwidth kana stay narrow
    CHECK(displayWidth("café – “ok”") == 11);  // accents, dashes and curly quotes are narrow
    CHECK(displayWidth("𠀀") == 2);            // beyond the BMP (U+20000)
    // The terminal front end measures with the same function.
    CHECK(defuse::term::displayWidth("中文 text") == 9);
}

TEST_CASE("a byte that is not UTF-8 counts one column and is not an error", "[wrap]") {
    CHECK(displayWidth("a\xFF"
                       "b") == 3);
    CHECK(displayWidth("\xE4\xBD") == 2);  // a Chinese character cut after two of its three bytes
    CHECK(displayWidth("\xE4\xBD\xA0") == 2);
}

TEST_CASE("code point widths at the edges of the wide blocks", "[wrap]") {
    CHECK(codepointWidth(U'a') == 1);
    CHECK(codepointWidth(U'\u10FF') == 1);
    CHECK(codepointWidth(U'\u1100') == 2);  // first Hangul Jamo
    CHECK(codepointWidth(U'\u2E7F') == 1);
    CHECK(codepointWidth(U'\u2E80') == 2);  // first CJK radical
    CHECK(codepointWidth(U'\u3000') == 2);  // ideographic space
    CHECK(codepointWidth(U'\u4E00') == 2);
    CHECK(codepointWidth(U'\u9FFF') == 2);
    CHECK(codepointWidth(U'\uAC00') == 2);
    CHECK(codepointWidth(U'\uD7A3') == 2);
    CHECK(codepointWidth(U'\uFF01') == 2);  // ！
    CHECK(codepointWidth(U'\uFF60') == 2);
    CHECK(codepointWidth(U'\uFF61') == 1);  // halfwidth forms start here
    CHECK(codepointWidth(U'\uFFE5') == 2);  // ￥
    CHECK(codepointWidth(U'\U00020000') == 2);
    CHECK(codepointWidth(U'\U0003FFFD') == 2);
}

TEST_CASE("English wraps at spaces and never splits a word", "[wrap]") {
    CHECK(wrap("the quick brown fox", 10, "") == "the quick\nbrown fox");
    CHECK(wrap("an extraordinarily long word", 10, "") == "an\nextraordinarily\nlong word");
    CHECK(wrap("I don’t know", 8, "") == "I don’t\nknow");  // the apostrophe is part of the word
}

TEST_CASE("a line may fill the width exactly", "[wrap]") {
    CHECK(wrap("abcde fghij", 11, "") == "abcde fghij");
    CHECK(wrap("abcde fghij", 10, "") == "abcde\nfghij");
    CHECK(wrap("abc def", 9, "  ") == "  abc def");
    CHECK(wrap("abc def", 8, "  ") == "  abc\n  def");
    CHECK(wrap("一二三四五六", 8, "") == "一二三四\n五六");
    CHECK(wrap("一二三四五六", 7, "") == "一二三\n四五六");
    CHECK(wrap("一二三，四五", 8, "") == "一二三，\n四五");  // the comma fills the line exactly
}

TEST_CASE("every line starts with the indent, which counts towards the width", "[wrap]") {
    CHECK(wrap("一二三四五六七八", 10, "  ") == "  一二三四\n  五六七八");
    CHECK(wrap("一二 three", 11, "    · ") == "    · 一二\n    · three");
}

TEST_CASE("closing punctuation never starts a line", "[wrap]") {
    // The character before it goes down with it rather than the comma hanging past the edge.
    CHECK(wrap("一二三四，五六", 8, "") == "一二三\n四，五六");
    CHECK(wrap("一二三四。）五", 8, "") == "一二三\n四。）五");
    CHECK(wrap("我们马上处理。”", 12, "") == "我们马上处\n理。”");
    CHECK(wrap("please wait，谢谢", 11, "") == "please\nwait，谢谢");
}

TEST_CASE("line breaks in the text are kept, and no line ends with a space", "[wrap]") {
    CHECK(wrap("one\ntwo", 20, "  ") == "  one\n  two");
    CHECK(wrap("one \ntwo ", 20, "") == "one\ntwo");
    CHECK(wrap("abc def ghi", 8, "") == "abc def\nghi");
    CHECK(wrap("", 20, "  ").empty());
}

TEST_CASE("mixed Chinese and English text at every width", "[wrap]") {
    const std::string text =
        "客户说：“我的车刚修好三天，刹车又响了！”我们先道歉（真诚地），然后安排 free inspection "
        "today，并且 explain the warranty clearly。之后再回电话确认、记录、跟进。";
    for (int width = 14; width <= 70; ++width) {
        INFO("width " << width);
        const std::string out = wrap(text, width, "  ");
        const auto ls = lines(out);
        REQUIRE_FALSE(ls.empty());
        for (const auto& l : ls) {
            INFO("line [" << l << "]");
            CHECK(displayWidth(l) <= width);
            CHECK(l.rfind("  ", 0) == 0);
            CHECK_FALSE(startsWithClosingPunct(l.substr(2)));
            CHECK(l.back() != ' ');
        }
        // Nothing is lost or reordered: only spaces and line breaks differ.
        CHECK(without(out, " \n") == without(text, " "));
        // Each English word is whole on one line.
        for (const char* word : {"free", "inspection", "today", "explain", "warranty", "clearly"}) {
            INFO(word);
            CHECK(out.find(word) != std::string::npos);
        }
    }
}

namespace {

bool endsWithOpeningPunct(const std::string& s) {
    for (const char* p : {"“", "‘", "（", "《", "「", "『", "【"})
        if (s.size() >= std::string(p).size() &&
            s.compare(s.size() - std::string(p).size(), std::string::npos, p) == 0)
            return true;
    return false;
}

}  // namespace

TEST_CASE("opening punctuation never ends a line: it goes down with what it opens", "[wrap]") {
    CHECK(wrap("一二三“四五”", 8, "") == "一二三\n“四五”");
    CHECK(wrap("一二三（四）", 8, "") == "一二三\n（四）");
    CHECK(wrap("一二三《四五》", 8, "") == "一二三\n《四五》");
}

TEST_CASE("4S店, numbers and Latin words in Chinese text are never split", "[wrap]") {
    // "4S" stays with the 店 it touches; 8.4 and 10:30 are one piece each.
    CHECK(wrap("请到我们4S店来", 10, "") == "请到我们\n4S店来");
    CHECK(wrap("一共是8.4万元", 8, "") == "一共是\n8.4万元");
    CHECK(wrap("我们10:30见", 7, "") == "我们\n10:30见");
    CHECK(wrap("我们10:30见", 6, "") == "我们\n10:30\n见");  // only when it cannot fit
    CHECK(wrap("您的BMW已经好了", 8, "") == "您的BMW\n已经好了");
}

TEST_CASE("the forbidden line starts and ends hold at every width, in the bundled style",
          "[wrap]") {
    // A line of the kind the library's Chinese scenarios are made of: quotes, brackets, 4S店,
    // numbers with a decimal point, a Latin word, and every closing mark.
    const std::string text =
        "（敲了敲手表）您早上说的五点。我就好奇啊，是北京时间五点，还是你们4S店自己有个时区？"
        "配件6:30到，装上要1.5个小时；“您放心”这种话我听过了！《保养手册》上写的是BMW原厂件、"
        "8.4万公里……行吧。";
    for (int width = 6; width <= 60; ++width) {
        INFO("width " << width);
        const std::string out = wrap(text, width, "");
        for (const auto& l : lines(out)) {
            INFO("line [" << l << "]");
            CHECK(displayWidth(l) <= width);
            CHECK_FALSE(startsWithClosingPunct(l));
            CHECK_FALSE(endsWithOpeningPunct(l));
            for (const char* whole : {"4S店", "6:30", "1.5", "8.4", "BMW"}) {
                // Either the whole piece is on this line or none of it starts here.
                const std::string w(whole);
                for (std::size_t k = 1; k < w.size(); ++k) {
                    const std::string head = w.substr(0, k);
                    bool endsWithHead = l.size() >= head.size() &&
                                        l.compare(l.size() - head.size(), head.size(), head) == 0;
                    bool nextHasTail = out.find(head + "\n" + w.substr(k)) != std::string::npos;
                    CHECK_FALSE((endsWithHead && nextHasTail));
                }
            }
        }
        CHECK(without(out, "\n") == text);  // nothing lost or reordered
    }
}

TEST_CASE("the line breaker takes any measure, as the desktop's fonts do", "[wrap]") {
    // Pixels: 10 per Chinese character, 6 per other character (a proportional font's stand-in).
    auto ls = defuse::breakLines("您好，王先生。车已经修好了！", 40, [&](std::string_view s) {
        double w = 0;
        for (unsigned char c : s)
            if ((c & 0xC0) != 0x80) w += c >= 0x80 ? 10 : 6;
        return w;
    });
    REQUIRE(ls.size() == 4);
    CHECK(ls[0] == "您好，王");
    CHECK(ls[1] == "先生。车");
    for (const auto& l : ls) CHECK_FALSE(startsWithClosingPunct(l));
}
