#pragma once
/// How the customer looks: the portrait's person, chosen by the scenario (or its archetype).
#include <string>
#include <string_view>
#include <vector>

namespace defuse {

/// The customer's appearance. Every field is optional ("" = not given: the front end picks);
/// a scenario's `customer: look:` overrides the archetype's field by field.
struct CustomerLook {
    std::string gender;      ///< woman | man
    std::string age;         ///< young | middle | older
    std::string hair;        ///< short | long | bun | ponytail | bald
    std::string hairColour;  ///< black | brown | grey | white | blond (default from age)
    std::string clothes;     ///< shirt | polo | blouse | jacket | suit | hoodie | uniform
    bool glasses = false;

    bool operator==(const CustomerLook& o) const {
        return gender == o.gender && age == o.age && hair == o.hair && hairColour == o.hairColour &&
               clothes == o.clothes && glasses == o.glasses;
    }
};

/// The values a `look:` key allows ("gender", "age", "hair", "hair_colour", "clothes");
/// empty for other keys.
const std::vector<std::string>& lookValues(std::string_view key);

}  // namespace defuse
