#pragma once
// The desktop speaks through the engine's one message catalogue (defuse/message.hpp; its own
// rows are in defuse/messages/desktop.def). This adds what only a desktop needs: the language
// from the system locale, the rows to put in the font atlas, and the text context widgets
// draw words with.
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "defuse/message.hpp"
#include "defuse/mood.hpp"
#include "defuse/scenario.hpp"
#include "defuse/text.hpp"

namespace defuse::desktop {

class Fonts;

/// The language from the system locale: LC_ALL, then LC_MESSAGES, then LANG.
Lang systemLang();

/// The desktop's own catalogue rows (desktop.def), in order.
const std::vector<Msg>& desktopRows();
/// The engine's result words the desktop shows (results.def: names of components, tags,
/// competencies, steps, endings, moods; score lines; reasons), in order.
const std::vector<Msg>& resultRows();

/// What a widget needs to draw words: the language and the fonts, not the whole app.
struct TextCtx {
    Lang lang;
    Fonts& fonts;

    /// "en" or "zh", the language a scenario's Text is read in.
    std::string_view code() const { return langCode(lang); }
    /// A scenario's text in this language.
    const std::string& of(const Text& t) const { return t.get(code()); }
    /// A catalogue row without arguments (a label), as ImGui takes it.
    const char* t(Msg id) const;
    /// A catalogue row with text arguments.
    std::string tr(Msg id, std::initializer_list<std::string_view> args) const {
        return defuse::tr(lang, id, args);
    }
    /// Any message in this language.
    std::string operator()(const Message& m) const { return render(m, lang); }
    /// A catalogue word as a label: its first letter upper case ("anger" -> "Anger").
    std::string label(Msg id) const { return render(Message::capitalized(Message(id)), lang); }
    /// Makes sure the font atlas will hold the characters of `s`.
    void want(std::string_view s) const;
};

/// The catalogue word for a mood dimension ("anger") and a mood band ("calm").
Msg dimMsg(Dim d);
Msg bandMsg(MoodBand b);
/// Who the customer is: the name the scenario gives them (Scenario::displayName), and the
/// kind of customer when that is not already the name ("Mr Peng · Furious customer").
std::string customerWho(const TextCtx& tx, const Scenario& sc);

}  // namespace defuse::desktop
