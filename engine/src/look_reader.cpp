// Reads a `look:` mapping (under a scenario's `customer:` or in an archetype file).
#include <algorithm>
#include <tuple>

#include "defuse/look.hpp"
#include "loader_internal.hpp"

namespace defuse {

const std::vector<std::string>& lookValues(std::string_view key) {
    static const std::vector<std::string> kGender{"woman", "man"};
    static const std::vector<std::string> kAge{"young", "middle", "older"};
    static const std::vector<std::string> kHair{"short", "long", "bun", "ponytail", "bald"};
    static const std::vector<std::string> kColour{"black", "brown", "grey", "white", "blond"};
    static const std::vector<std::string> kClothes{"shirt", "polo",   "blouse", "jacket",
                                                   "suit",  "hoodie", "uniform"};
    static const std::vector<std::string> kNone;
    if (key == "gender") return kGender;
    if (key == "age") return kAge;
    if (key == "hair") return kHair;
    if (key == "hair_colour") return kColour;
    if (key == "clothes") return kClothes;
    return kNone;
}

namespace detail {

void readLook(const YNode& n, Reporter& rep, CustomerLook& look) {
    MapReader m(n, rep, Msg::WhatLook,
                {"gender", "age", "hair", "hair_colour", "clothes", "glasses"});
    if (!m.valid()) return;
    for (auto [key, field, kind] :
         {std::tuple{"gender", &look.gender, Msg::NameLookGender},
          std::tuple{"age", &look.age, Msg::NameLookAge},
          std::tuple{"hair", &look.hair, Msg::NameLookHair},
          std::tuple{"hair_colour", &look.hairColour, Msg::NameLookHairColour},
          std::tuple{"clothes", &look.clothes, Msg::NameLookClothes}}) {
        const YNode* v = m.get(key);
        if (!v) continue;
        auto s = readString(*v, rep, keyWhat(key));
        if (!s) continue;
        const auto& allowed = lookValues(key);
        if (std::find(allowed.begin(), allowed.end(), *s) != allowed.end()) {
            *field = *s;
            continue;
        }
        std::string list;
        for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
        rep.error(*v, Message(Msg::UseLookValue, {unknownName(kind, *s, allowed), list}));
    }
    if (const YNode* v = m.get("glasses"))
        if (auto b = readBool(*v, rep, keyWhat("glasses"))) look.glasses = *b;
}

}  // namespace detail
}  // namespace defuse
