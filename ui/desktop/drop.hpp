#pragma once
// What a file or folder dropped on the window does: a replay opens in the viewer, a folder
// (or a scenario file, for its folder) joins the library. The GLFW drop callback hands its
// paths to the loop, which calls this; `defuse gui --drop PATH` calls it the same way.
#include <string>
#include <vector>

namespace defuse::desktop {

struct Shell;

/// Opens or adds each dropped path, in order, then re-reads the earlier attempts (a dropped
/// folder may hold replays of its scenarios). Problems are toasts, never exceptions.
void dropPaths(Shell& sh, const std::vector<std::string>& paths);

}  // namespace defuse::desktop
