// [catalogue] The message catalogue is complete in both languages, and every diagnostic the
// bad-input corpus gives reads as Chinese in Chinese.
#include <set>

#include "defuse/message.hpp"
#include "defuse/replay.hpp"
#include "test_support.hpp"

using namespace defuse;

namespace {

// The %1..%9 a template uses ("%%" is a literal percent sign).
std::set<int> placeholders(std::string_view tpl) {
    std::set<int> out;
    for (std::size_t i = 0; i + 1 < tpl.size(); ++i) {
        if (tpl[i] != '%') continue;
        if (tpl[i + 1] == '%') {
            ++i;
        } else if (tpl[i + 1] >= '1' && tpl[i + 1] <= '9') {
            out.insert(tpl[i + 1] - '0');
            ++i;
        }
    }
    return out;
}

// True when the text has a Chinese character (a CJK ideograph; punctuation such as 「」 and
// full-width colons does not count).
bool hasCjk(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        auto c = static_cast<unsigned char>(s[i]);
        std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        if (len == 3 && i + 2 < s.size()) {
            char32_t cp = ((c & 0x0Fu) << 12) |
                          ((static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 6) |
                          (static_cast<unsigned char>(s[i + 2]) & 0x3Fu);
            if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF)) return true;
        }
        i += len;
    }
    return false;
}

bool hasLeftoverPlaceholder(const std::string& s) {
    for (std::size_t i = 0; i + 1 < s.size(); ++i)
        if (s[i] == '%' && s[i + 1] >= '1' && s[i + 1] <= '9') return true;
    return false;
}

// Messages whose verbatim arguments are another program's English (yaml-cpp, the system).
bool quotesForeignText(Msg id) {
    return id == Msg::YamlSyntax || id == Msg::YamlSyntaxHint || id == Msg::CannotOpenFile ||
           id == Msg::CannotReadFolder || id == Msg::CouldNotReadYamlBecause;
}

// A verbatim piece of a diagnostic that is an English phrase of the loaders (a "what" built
// by concatenation) rather than a name, a value or a path.
void findEnglishFragments(const Message& m, std::vector<std::string>& found) {
    if (m.id == Msg::Verbatim) {
        for (const char* f : {"the ", " of ", "must ", "node '", "answer ", "turn ", "ending '",
                              "order rule", "unknown ", "missing "})
            if (m.text.find(f) != std::string::npos) found.push_back(m.text);
        return;
    }
    if (quotesForeignText(m.id)) return;
    for (const Message& a : m.args) findEnglishFragments(a, found);
}

struct Loaded {
    fs::path file;
    std::vector<Diagnostic> diagnostics;
};

// Every input of tests/data/bad, loaded the way `defuse check` and `defuse score` load them.
std::vector<Loaded> loadCorpus() {
    std::vector<Loaded> out;
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(fixture("bad")))
        if (e.is_regular_file() && e.path().extension() != ".expected") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files) {
        Loaded l{f, {}};
        if (f.parent_path().filename() == "replay") {
            auto r = loadReplay(f);
            l.diagnostics = r.diagnostics;
            if (r.ok()) {
                auto s = rescore(*r.value, {fixture("scenarios")});
                l.diagnostics.insert(l.diagnostics.end(), s.diagnostics.begin(),
                                     s.diagnostics.end());
            }
        } else {
            for (auto& c : checkPaths({f}))
                l.diagnostics.insert(l.diagnostics.end(), c.diagnostics.begin(),
                                     c.diagnostics.end());
        }
        out.push_back(std::move(l));
    }
    return out;
}

// The rows of diagnostics.def, which comes first in the catalogue.
constexpr std::size_t kDiagnosticRows = 0
#define DEFUSE_MSG(id, en, zh) +1
#include "defuse/messages/diagnostics.def"
#undef DEFUSE_MSG
    ;

bool hasLetter(std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 1 < s.size()) {
            ++i;  // %N is a placeholder, %% a percent sign
            continue;
        }
        if ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')) return true;
    }
    return false;
}

bool onlySpaces(std::string_view s) { return s.find_first_not_of(' ') == std::string_view::npos; }

}  // namespace

TEST_CASE("every catalogue entry has English and Chinese with the same placeholders",
          "[catalogue]") {
    REQUIRE(catalogueSize() > 100);
    for (std::size_t i = 0; i < catalogueSize(); ++i) {
        auto id = catalogueId(i);
        std::string_view en = templateOf(id, Lang::En), zh = templateOf(id, Lang::Zh);
        INFO(msgName(id) << ": \"" << en << "\" / \"" << zh << "\"");
        CHECK_FALSE(en.empty());
        CHECK(placeholders(en) == placeholders(zh));
        // A separator that is a space in English may be nothing in Chinese.
        if (!onlySpaces(en)) CHECK_FALSE(zh.empty());
        // Chinese words are in Chinese. Formats without words ("%1（%2 / %3）", "，") need none,
        // and the warning shown when there is no Chinese font has to be readable without one.
        if (hasLetter(zh) && msgName(id) != "UiNoCjkFont") CHECK(hasCjk(zh));
    }
}

TEST_CASE("every diagnostic entry is a Chinese sentence", "[catalogue][diagnostics]") {
    REQUIRE(kDiagnosticRows > 100);
    REQUIRE(catalogueId(0) == Msg::TooManyProblems);  // diagnostics.def comes first
    for (std::size_t i = 0; i < kDiagnosticRows; ++i) {
        auto id = catalogueId(i);
        std::string_view en = templateOf(id, Lang::En), zh = templateOf(id, Lang::Zh);
        INFO(msgName(id) << ": \"" << en << "\" / \"" << zh << "\"");
        CHECK_FALSE(en.empty());
        CHECK_FALSE(zh.empty());
        CHECK(placeholders(en) == placeholders(zh));
        CHECK(hasCjk(zh));
        // Chinese punctuation in Chinese text: no ASCII ';' or '?' (a YAML ':' or ',' may be
        // quoted), and no English quotes around names.
        CHECK(zh.find(';') == std::string_view::npos);
        bool asciiQuestion = zh.find('?') != std::string_view::npos;
        CHECK((!asciiQuestion || zh.find("「?」") != std::string_view::npos));
        CHECK(zh.find(" '") == std::string_view::npos);
    }
}

TEST_CASE("the severity word and its punctuation follow the language", "[catalogue][diagnostics]") {
    Diagnostic d{"a.yaml", 3, 5, Severity::Error,
                 Message(Msg::MissingKey, {Msg::WhatScenario, "title"})};
    CHECK(d.format() == "a.yaml:3:5: error: the scenario is missing the required key 'title'");
    CHECK(d.format(Lang::Zh) == "a.yaml:3:5: 错误：场景缺少必需的键「title」");
    CHECK(d.text(Lang::Zh) == "场景缺少必需的键「title」");
    d.severity = Severity::Warning;
    d.line = 0;
    CHECK(d.format(Lang::Zh) == "a.yaml: 警告：场景缺少必需的键「title」");
    CHECK(d.place() == "a.yaml");
}

TEST_CASE("the bad-input corpus reads the same in Chinese, and as Chinese",
          "[catalogue][diagnostics]") {
    auto corpus = loadCorpus();
    // The folder holds 90-odd inputs; far fewer means it moved or vanished.
    REQUIRE(corpus.size() >= 80);
    std::size_t total = 0;
    for (const Loaded& l : corpus) {
        INFO(l.file.string());
        std::vector<std::string> en, zh;
        for (const Diagnostic& d : l.diagnostics) {
            en.push_back(d.format(Lang::En));
            zh.push_back(d.format(Lang::Zh));
        }
        REQUIRE(en.size() == zh.size());
        total += en.size();
        for (std::size_t i = 0; i < l.diagnostics.size(); ++i) {
            const Diagnostic& d = l.diagnostics[i];
            INFO(en[i] << "\n" << zh[i]);
            // The same place and severity: only the words differ.
            bool error = d.severity == Severity::Error;
            CHECK(en[i] == d.place() + (error ? ": error: " : ": warning: ") + d.text(Lang::En));
            CHECK(zh[i] == d.place() + (error ? ": 错误：" : ": 警告：") + d.text(Lang::Zh));
            CHECK(zh[i] != en[i]);
            CHECK_FALSE(hasLeftoverPlaceholder(d.text(Lang::En)));
            CHECK_FALSE(hasLeftoverPlaceholder(d.text(Lang::Zh)));
            CHECK(hasCjk(d.text(Lang::Zh)));
            CHECK(d.text(Lang::Zh).find("error:") == std::string::npos);
            std::vector<std::string> fragments;
            findEnglishFragments(d.message, fragments);
            CHECK(fragments.empty());
        }
    }
    CHECK(total >= 80);  // nearly every input gives at least one diagnostic
}
