#pragma once
/// Messages: what the engine has to say, as values (an id and its arguments), rendered in
/// English or Chinese by the one catalogue. Score lines, mood reasons, coaching, diagnostics
/// and the front ends' own strings all go through it.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "defuse/text.hpp"

namespace defuse {

/// A language the catalogue speaks.
enum class Lang { En, Zh };
inline constexpr Lang kAllLangs[] = {Lang::En, Lang::Zh};

/// "en" or "zh".
std::string_view langCode(Lang lang);
/// The language for a code: "zh", "zh_CN.UTF-8", "cmn"... give Chinese; anything else English.
Lang langFromCode(std::string_view code);

/// Every message id. Each `.def` file lists `DEFUSE_MSG(Id, "English", "中文")` rows; the
/// texts use %1..%9 for the arguments.
enum class Msg : std::uint16_t {
    // The four forms that are not catalogue rows come first, so their values never move when
    // rows are added (an object file built against an older catalogue can then at worst show
    // a wrong row, never turn a name or a number into a sentence).
    Verbatim,     ///< not a catalogue entry: text given as it is
    Localized,    ///< not a catalogue entry: a scenario's own text, in its languages
    Capitalized,  ///< not a catalogue entry: the first argument with its first letter upper case
    Join,         ///< not a catalogue entry: arguments 2.. joined by the first (a separator)
#define DEFUSE_MSG(id, en, zh) id,
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
    End  ///< one past the last catalogue row
};
/// The first catalogue row's id.
inline constexpr Msg kFirstRow = static_cast<Msg>(static_cast<int>(Msg::Join) + 1);

/// A message: a catalogue id with arguments, text given as it is (a name, a number, a
/// quoted value), or a scenario's bilingual text. Arguments are messages too.
struct Message {
    Msg id = Msg::Verbatim;
    std::string text;  ///< the text when `id` is Verbatim
    Text localized;    ///< the text when `id` is Localized
    std::vector<Message> args;

    Message() = default;
    Message(Msg msg, std::vector<Message> arguments = {}) : id(msg), args(std::move(arguments)) {}
    Message(std::string verbatim) : text(std::move(verbatim)) {}
    Message(const char* verbatim) : text(verbatim) {}
    Message(std::string_view verbatim) : text(verbatim) {}
    /// A scenario's text, shown in the language asked for.
    static Message of(const Text& t);
    /// A whole number.
    static Message num(long long v);
    /// A number with at most one decimal ("2.5", "3"); negatives with a real minus sign.
    static Message num(double v);
    /// A whole number with its sign: "+5", "−5", "0".
    static Message signedNum(long long v);
    /// `items` joined by the separator message `sep`.
    static Message join(Msg sep, std::vector<Message> items);
    /// `m` with its first letter upper case (English sentence starts).
    static Message capitalized(Message m);

    bool empty() const { return id == Msg::Verbatim && text.empty(); }
    bool operator==(const Message& o) const;
    bool operator!=(const Message& o) const { return !(*this == o); }
};

/// The catalogue text of an id in a language (with its %N placeholders).
std::string_view templateOf(Msg id, Lang lang);
/// The id's name in the source ("DuplicateKey"), for tests and tools.
std::string_view msgName(Msg id);
/// How many catalogue entries there are.
std::size_t catalogueSize();
/// The id of the catalogue row at `index` (0 .. catalogueSize()-1).
Msg catalogueId(std::size_t index);

/// The message in a language.
std::string render(const Message& m, Lang lang);
/// Shorthand: the catalogue text of `id` with text arguments.
std::string tr(Lang lang, Msg id, std::initializer_list<std::string_view> args = {});

/// A number as the catalogue writes it: at most one decimal, a real minus sign.
std::string formatNumber(double v);

}  // namespace defuse
