#pragma once
/// A scenario's customer as heard: their voice from the voice book, the bundled lexicon with
/// the scenario's own on top, and the mood mapping.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "defuse/scenario.hpp"
#include "defuse/voice/plan.hpp"

namespace defuse::voice {

class CustomerVoice {
public:
    /// The voice of `scenario`'s customer. Problems with the scenario's lexicon file (when it
    /// has one) are added to `errors`; the bundled data is used either way.
    CustomerVoice(const VoiceData& data, const Scenario& scenario, std::vector<DataError>& errors);
    /// `line` in `lang` ("en"/"zh") as this customer says it in `mood`.
    Utterance plan(std::string_view line, std::string_view lang, const Mood& mood) const;
    const VoiceProfile& profile() const { return m_profile; }
    const Lexicon& lexicon() const { return m_lexicon; }

private:
    VoiceProfile m_profile;
    Lexicon m_lexicon;
    ProsodyMap m_prosody;
};

/// What the customer says at node (or ending) `id` in `lang` with `mood`: the first line
/// variant whose condition holds, else the node's line. Nullopt when there is no such node.
std::optional<std::string> lineAt(const Scenario& scenario, const std::string& id,
                                  std::string_view lang, const Mood& mood);

/// Whether a scenario is spoken by default (phone calls are heard).
bool speaksByDefault(const Scenario& scenario);

}  // namespace defuse::voice
