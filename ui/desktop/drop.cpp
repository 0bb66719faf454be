// Files and folders dropped on the window.
#include "drop.hpp"

#include <filesystem>

#include "defuse/files.hpp"
#include "review.hpp"
#include "shell.hpp"

namespace defuse::desktop {

void dropPaths(Shell& sh, const std::vector<std::string>& paths) {
    for (const std::string& p : paths) {  // a replay, or a folder (or a file in it)
        std::error_code ec;
        const std::filesystem::path path(p);
        if (!std::filesystem::exists(path, ec)) {
            sh.ui.showToast(tr(sh.ui.lang(), Msg::UiDropNotFound, {p}), true, 8.0);
            continue;
        }
        const bool folder = std::filesystem::is_directory(path, ec);
        if (!folder && looksLikeReplay(path)) {
            sh.openReplay(path);
            continue;
        }
        if (!folder && !isYamlFile(path)) {
            sh.ui.showToast(tr(sh.ui.lang(), Msg::UiDropUnknown, {p}), true, 8.0);
            continue;
        }
        const bool added = sh.openFolder(folder ? path : path.parent_path());
        // The library shows what joined it; a conversation in progress is never left for it.
        if (added && sh.nav.screen() != Screen::Conversation) sh.nav.toLibrary();
    }
    if (!paths.empty()) sh.loadHistory();
}

}  // namespace defuse::desktop
