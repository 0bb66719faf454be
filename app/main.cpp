// The one `defuse` executable: registers each front end's commands and hands off.
#include <CLI/CLI.hpp>

#include "terminal/commands.hpp"
#ifdef DEFUSE_HAVE_GUI
#include "desktop/commands.hpp"
#endif

int main(int argc, char** argv) {
    CLI::App app{"defuse: a complaint-handling role-play simulator for service advisors"};
    app.set_version_flag("--version", std::string("defuse ") + DEFUSE_VERSION);
    app.require_subcommand(0, 1);
    int exitCode = 0;
    defuse::term::addCommands(app, exitCode);
#ifdef DEFUSE_HAVE_GUI
    defuse::desktop::addCommands(app, exitCode);
#endif
    CLI11_PARSE(app, argc, argv);
    if (!app.get_subcommands().empty()) return exitCode;
#ifdef DEFUSE_HAVE_GUI
    if (defuse::desktop::displayAvailable()) return defuse::desktop::openDefault();
#endif
    return defuse::term::openLibrary();
}
