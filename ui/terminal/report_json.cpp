#include "report_json.hpp"

namespace defuse::term {

using nlohmann::json;

json diagnosticsJson(const std::vector<Diagnostic>& diags, Lang lang) {
    json ds = json::array();
    for (const auto& d : diags)
        ds.push_back({{"file", d.file},
                      {"line", d.line},
                      {"column", d.column},
                      {"severity", d.severity == Severity::Error ? "error" : "warning"},
                      {"message", d.text(lang)},
                      {"text", d.format(lang)}});
    return ds;
}

json componentsJson(const ScoreReport& rep) {
    json comps = json::object();
    for (int c = 0; c < kComponentCount; ++c)
        comps[std::string(componentId(static_cast<Component>(c)))] = {
            {"points", rep.points[static_cast<std::size_t>(c)]},
            {"max", rep.max[static_cast<std::size_t>(c)]}};
    return comps;
}

json linesJson(const ScoreReport& rep, Lang lang) {
    json lines = json::array();
    for (const auto& l : rep.lines)
        lines.push_back({{"component", std::string(l.id())},
                         {"points", l.points},
                         {"max", l.max},
                         {"text", render(l.message(), lang)}});
    return lines;
}

json betterJson(const ScoreReport& rep, Lang lang) {
    json better = json::array();
    for (const auto& b : rep.better)
        better.push_back({{"turn", b.turn},
                          {"picked", b.picked},
                          {"better", b.better},
                          {"text", b.betterText.get(langCode(lang))},
                          {"why", render(b.why, lang)}});
    return better;
}

}  // namespace defuse::term
