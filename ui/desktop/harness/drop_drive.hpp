#pragma once
// `defuse gui --drop PATH [--drop PATH...]`: hands each path to the window as a drop on it
// would (the same dropPaths the GLFW drop callback leads to), one at a time, and says and
// screenshots what each did: a replay opens in the viewer, a folder joins the library.
#include <filesystem>
#include <string>
#include <vector>

#include "harness/steps.hpp"

namespace defuse::desktop {

class DropDriver final : public StepDriver {
public:
    DropDriver(std::vector<std::string> paths, std::filesystem::path screenshots);

private:
    void step(Shell& sh) override;
    void report(Shell& sh, const std::string& path);

    std::vector<std::string> m_paths;
    std::size_t m_next = 0;
    std::size_t m_scenarios = 0;  ///< library entries before the drop
    bool m_dropped = false;       ///< m_next was dropped, not yet shot
    bool m_started = false;
};

}  // namespace defuse::desktop
