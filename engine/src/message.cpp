#include "defuse/message.hpp"

#include <cctype>
#include <cmath>
#include <cstdio>

namespace defuse {

namespace {

struct Row {
    std::string_view name;
    std::string_view en;
    std::string_view zh;
};

constexpr Row kRows[] = {
#define DEFUSE_MSG(id, en, zh) {#id, en, zh},
#include "defuse/messages/diagnostics.def"
#include "defuse/messages/results.def"
#include "defuse/messages/terminal.def"
// The assessor's rows (resume, sign, verify, notes, reports).
#include "defuse/messages/assessor.def"
// The desktop's own rows (ui/desktop), last: clang-format would sort them first.
#include "defuse/messages/desktop.def"
// The trainer's workbench (play --from, graph, analyze for tuning).
#include "defuse/messages/workbench.def"
// The results store and the class dashboard (store/, ui/desktop/dashboard.*).
#include "defuse/messages/store.def"
#undef DEFUSE_MSG
};
static_assert(std::size(kRows) ==
                  static_cast<std::size_t>(Msg::End) - static_cast<std::size_t>(kFirstRow),
              "one catalogue row per message id");

}  // namespace

std::string_view langCode(Lang lang) { return lang == Lang::Zh ? "zh" : "en"; }

Lang langFromCode(std::string_view code) {
    return code.rfind("zh", 0) == 0 || code.rfind("cmn", 0) == 0 ? Lang::Zh : Lang::En;
}

Message Message::of(const Text& t) {
    Message m;
    m.id = Msg::Localized;
    m.localized = t;
    return m;
}

Message Message::num(long long v) {
    if (v < 0) return Message("\xE2\x88\x92" + std::to_string(-v));
    return Message(std::to_string(v));
}

Message Message::num(double v) { return Message(formatNumber(v)); }

Message Message::signedNum(long long v) {
    return v > 0 ? Message("+" + std::to_string(v)) : num(v);
}

Message Message::join(Msg sep, std::vector<Message> items) {
    Message m;
    m.id = Msg::Join;
    m.args.reserve(items.size() + 1);
    m.args.emplace_back(sep);
    for (auto& i : items) m.args.push_back(std::move(i));
    return m;
}

Message Message::capitalized(Message inner) {
    Message m;
    m.id = Msg::Capitalized;
    m.args.push_back(std::move(inner));
    return m;
}

bool Message::operator==(const Message& o) const {
    return id == o.id && text == o.text && localized.any == o.localized.any &&
           localized.byLang == o.localized.byLang && args == o.args;
}

std::string formatNumber(double v) {
    if (!std::isfinite(v)) return "?";
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.1f", std::abs(v));
    std::string s = buf;
    if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
    bool negative = v < 0 && s != "0";
    return negative ? "\xE2\x88\x92" + s : s;
}

static std::size_t rowOf(Msg id) {
    return static_cast<std::size_t>(id) -
           static_cast<std::size_t>(kFirstRow);  // wraps for the forms
}

std::string_view templateOf(Msg id, Lang lang) {
    auto i = rowOf(id);
    if (i >= std::size(kRows)) return {};
    return lang == Lang::Zh ? kRows[i].zh : kRows[i].en;
}

std::string_view msgName(Msg id) {
    auto i = rowOf(id);
    if (i < std::size(kRows)) return kRows[i].name;
    switch (id) {
        case Msg::Localized:
            return "Localized";
        case Msg::Capitalized:
            return "Capitalized";
        case Msg::Join:
            return "Join";
        default:
            return "Verbatim";
    }
}

std::size_t catalogueSize() { return std::size(kRows); }

Msg catalogueId(std::size_t index) {
    return static_cast<Msg>(static_cast<std::size_t>(kFirstRow) + index);
}

namespace {

// Replaces %1..%9 with the rendered arguments; "%%" is a literal percent sign.
std::string fill(std::string_view tpl, const std::vector<std::string>& args) {
    std::string out;
    out.reserve(tpl.size() + 16);
    for (std::size_t i = 0; i < tpl.size(); ++i) {
        char c = tpl[i];
        if (c == '%' && i + 1 < tpl.size()) {
            char d = tpl[i + 1];
            if (d == '%') {
                out += '%';
                ++i;
                continue;
            }
            if (d >= '1' && d <= '9') {
                auto k = static_cast<std::size_t>(d - '1');
                if (k < args.size()) out += args[k];
                ++i;
                continue;
            }
        }
        out += c;
    }
    return out;
}

}  // namespace

std::string render(const Message& m, Lang lang) {
    if (m.id == Msg::Verbatim) return m.text;
    if (m.id == Msg::Localized) return m.localized.get(langCode(lang));
    if (m.id == Msg::Capitalized) {
        std::string s = m.args.empty() ? std::string() : render(m.args.front(), lang);
        if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
        return s;
    }
    if (m.id == Msg::Join) {
        std::string out;
        if (m.args.empty()) return out;
        std::string sep = render(m.args.front(), lang);
        for (std::size_t i = 1; i < m.args.size(); ++i) {
            if (i > 1) out += sep;
            out += render(m.args[i], lang);
        }
        return out;
    }
    std::vector<std::string> args;
    args.reserve(m.args.size());
    for (const auto& a : m.args) args.push_back(render(a, lang));
    return fill(templateOf(m.id, lang), args);
}

std::string tr(Lang lang, Msg id, std::initializer_list<std::string_view> args) {
    std::vector<std::string> a(args.begin(), args.end());
    return fill(templateOf(id, lang), a);
}

}  // namespace defuse
