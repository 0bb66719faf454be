#include "defuse/voice/customer_voice.hpp"

#include <system_error>

namespace defuse::voice {

CustomerVoice::CustomerVoice(const VoiceData& data, const Scenario& scenario,
                             std::vector<DataError>& errors)
    : m_profile(data.voices.lookup(scenario.id, scenario.customer.id)),
      m_lexicon(data.lexicon),
      m_prosody(data.prosody) {
    if (scenario.file.empty()) return;
    std::filesystem::path own = scenarioLexiconFile(scenario.file);
    std::error_code ec;
    if (std::filesystem::exists(own, ec)) m_lexicon.addFile(own, errors);
}

Utterance CustomerVoice::plan(std::string_view line, std::string_view lang,
                              const Mood& mood) const {
    return planLine(line, lang, mood, m_profile, m_prosody, m_lexicon);
}

std::optional<std::string> lineAt(const Scenario& scenario, const std::string& id,
                                  std::string_view lang, const Mood& mood) {
    if (const Node* node = scenario.node(id)) {
        RunFacts facts;
        facts.mood = mood;
        facts.visited.insert(id);
        for (const LineVariant& v : node->variants)
            if (v.when.evaluate(facts)) return v.say.get(lang);
        return node->say.get(lang);
    }
    if (const Ending* ending = scenario.ending(id)) return ending->say.get(lang);
    return std::nullopt;
}

bool speaksByDefault(const Scenario& scenario) { return scenario.channel == "phone"; }

}  // namespace defuse::voice
