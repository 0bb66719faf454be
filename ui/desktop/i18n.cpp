// The locale, and the catalogue rows the desktop shows.
#include "i18n.hpp"

#include <cstdlib>

#include "fonts.hpp"

namespace defuse::desktop {

Lang systemLang() {
    for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* v = std::getenv(var);
        if (v != nullptr && *v != '\0') return langFromCode(v);
    }
    return Lang::En;
}

const std::vector<Msg>& desktopRows() {
    static const std::vector<Msg> rows{
#define DEFUSE_MSG(id, en, zh) Msg::id,
#include "defuse/messages/desktop.def"
#undef DEFUSE_MSG
    };
    return rows;
}

const std::vector<Msg>& resultRows() {
    static const std::vector<Msg> rows{
#define DEFUSE_MSG(id, en, zh) Msg::id,
#include "defuse/messages/results.def"
#undef DEFUSE_MSG
    };
    return rows;
}

// Catalogue rows are string literals, so the view's data ends with a NUL.
const char* TextCtx::t(Msg id) const { return templateOf(id, lang).data(); }

void TextCtx::want(std::string_view s) const { fonts.want(s); }

Msg dimMsg(Dim d) {
    switch (d) {
        case Dim::Anger:
            return Msg::DimAnger;
        case Dim::Trust:
            return Msg::DimTrust;
        case Dim::Patience:
            return Msg::DimPatience;
    }
    return Msg::DimAnger;
}

Msg bandMsg(MoodBand b) {
    switch (b) {
        case MoodBand::Calm:
            return Msg::BandCalm;
        case MoodBand::Irritated:
            return Msg::BandIrritated;
        case MoodBand::Angry:
            return Msg::BandAngry;
        case MoodBand::Furious:
            return Msg::BandFurious;
    }
    return Msg::BandCalm;
}

std::string customerWho(const TextCtx& tx, const Scenario& sc) {
    std::string who = tx(sc.displayName());
    const std::string& type = tx.of(sc.customer.name);
    if (!type.empty() && type != who) who += " \u00B7 " + type;
    return who;
}

}  // namespace defuse::desktop
