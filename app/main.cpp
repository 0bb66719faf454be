// The one `defuse` executable: registers each front end's commands and hands off.
#include <CLI/CLI.hpp>
#include <csignal>
#include <iostream>

#include "defuse/version.hpp"
#include "internal_error.hpp"
#include "terminal/commands.hpp"
#ifdef DEFUSE_HAVE_GUI
#include "desktop/commands.hpp"
#endif

namespace {

int run(int argc, char** argv) {
    CLI::App app{"defuse: a complaint-handling role-play simulator for service advisors"};
    app.set_version_flag("--version", std::string("defuse ") + defuse::kVersion);
    app.require_subcommand(0, 1);
    int exitCode = 0;
    defuse::term::addCommands(app, exitCode);
#ifdef DEFUSE_HAVE_GUI
    defuse::desktop::addCommands(app, exitCode);
#endif
    CLI11_PARSE(app, argc, argv);  // usage errors: CLI11's message and status, as always
    if (!app.get_subcommands().empty()) return exitCode;
#ifdef DEFUSE_HAVE_GUI
    if (defuse::desktop::displayAvailable()) return defuse::desktop::openDefault();
#endif
    return defuse::term::openLibrary();
}

}  // namespace

int main(int argc, char** argv) {
    // Past a file-size limit (ulimit -f) a write fails with EFBIG and is reported like a full
    // disk; by default the signal would kill the player with no word and a temporary file left.
    std::signal(SIGXFSZ, SIG_IGN);
    // The commands run inside CLI11's parse, so anything they throw passes through here.
    return defuse::exitOnInternalError([&] { return run(argc, argv); }, std::cerr);
}
