#pragma once
// `defuse gui --resume-dialog resume|abandon|later [--answers IDS]`: starts the app as a
// trainee would, waits for the offer of an unfinished assessment in the attempts folder,
// screenshots it, and takes the first run's button (the same call the dialog makes). Resumed,
// the conversation goes on with the answers given (by id) to the debrief; each step is
// screenshotted and what happened printed.
#include <filesystem>
#include <string>
#include <vector>

#include "harness/steps.hpp"

namespace defuse::desktop {

struct ResumeDriveOptions {
    std::string action;                 ///< resume, abandon or later
    std::vector<std::string> answers;   ///< answer ids to give after resuming
    std::filesystem::path screenshots;  ///< "" = none
};

class ResumeDriver final : public StepDriver {
public:
    explicit ResumeDriver(ResumeDriveOptions options);

private:
    enum class Phase { Offer, Act, Conversation, Debrief };
    void step(Shell& sh) override;
    void answer(Shell& sh);
    void report(Shell& sh);

    ResumeDriveOptions m_options;
    Phase m_phase = Phase::Offer;
    std::size_t m_next = 0;
    bool m_shot = false;
};

}  // namespace defuse::desktop
