// The JSON Schemas in schema/ (for editors and the ajv test) name the same vocabulary as the
// engine: tags, look values, rubric components, ending kinds. The engine is the one source;
// this test fails when the two drift apart.
#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>

#include "defuse/look.hpp"
#include "defuse/scoring_model.hpp"
#include "defuse/tags.hpp"

using namespace defuse;
using nlohmann::json;

namespace {

json schema(const std::string& name) {
    std::ifstream in(std::string(DEFUSE_SCHEMA_DIR) + "/" + name);
    REQUIRE(in);
    return json::parse(in);
}

std::vector<std::string> strings(const json& j) { return j.get<std::vector<std::string>>(); }

}  // namespace

TEST_CASE("the schema's tag vocabulary is the engine's, each tag described", "[schema]") {
    const json tag = schema("common.schema.json")["definitions"]["tag"];
    std::vector<std::string> ids;
    for (const auto& t : allTags()) ids.emplace_back(t.id);
    CHECK(strings(tag["enum"]) == ids);
    const auto descriptions = strings(tag["enumDescriptions"]);
    REQUIRE(descriptions.size() == ids.size());
    for (const auto& d : descriptions) CHECK_FALSE(d.empty());
}

TEST_CASE("the schema's look values are the engine's", "[schema][look]") {
    const json look = schema("common.schema.json")["definitions"]["look"]["properties"];
    for (const char* key : {"gender", "age", "hair", "hair_colour", "clothes"}) {
        INFO(key);
        CHECK(strings(look[key]["enum"]) == lookValues(key));
    }
    CHECK(look["glasses"]["type"] == "boolean");
}

TEST_CASE("the schema's rubric components and ending kinds are the engine's", "[schema]") {
    const json sc = schema("scenario.schema.json");
    std::vector<std::string> components, weights;
    for (int i = 0; i < kComponentCount; ++i)
        components.emplace_back(componentId(static_cast<Component>(i)));
    for (const auto& item :
         sc["properties"]["rubric"]["properties"]["weights"]["properties"].items())
        weights.push_back(item.key());
    std::sort(components.begin(), components.end());
    CHECK(weights == components);  // json objects iterate sorted
    std::vector<std::string> kinds;
    for (int k = 0; k < kEndingKindCount; ++k)
        kinds.emplace_back(endingKindId(static_cast<EndingKind>(k)));
    CHECK(strings(
              sc["properties"]["endings"]["additionalProperties"]["properties"]["kind"]["enum"]) ==
          kinds);
}
