// `defuse gui` and the no-argument entry point.
#include "desktop/commands.hpp"

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "author_view.hpp"
#include "common/choices.hpp"
#include "gui_options.hpp"
#include "harness/author_drive.hpp"
#include "harness/bench.hpp"
#include "harness/dashboard_drive.hpp"
#include "harness/drive.hpp"
#include "harness/drop_drive.hpp"
#include "harness/resume_drive.hpp"
#include "harness/review_drive.hpp"

namespace defuse::desktop {

namespace {

// The drive's steps: shown answer numbers, 0 for "take it back".
bool driveSteps(const std::string& text, std::vector<int>& out, std::string& error) {
    std::vector<ui::Choice> choices;
    if (!ui::parseChoices(text, choices, error)) return false;
    out.clear();
    for (const ui::Choice& c : choices) {
        if (c.seconds > 0) {
            error = "the drive answers at once; seconds (@) are for `defuse play`";
            return false;
        }
        out.push_back(c.rewind ? 0 : c.number);
    }
    return true;
}

// The drive's answers by id: "own_it,listen_all,r".
std::vector<std::string> answerIds(const std::string& text) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : text + ",") {
        if (c == ',' || c == ' ') {
            if (!cur.empty()) out.push_back(cur);
            cur.clear();
        } else {
            cur += c;
        }
    }
    return out;
}

}  // namespace

void addCommands(CLI::App& app, int& exitCode) {
    // Measured from here (the start of main) so --bench reports the real start-up.
    const auto started = std::chrono::steady_clock::now();
    CLI::App* gui = app.add_subcommand("gui", "Open the desktop trainer (Dear ImGui window)");
    struct Raw {
        std::vector<std::string> dirs;
        std::string lang, drive, choices, answers, screenshots, review, whatIf;
        int turn = 1;
        std::uint64_t seed = 0;
        bool assessment = false, bench = false;
        int benchFrames = 300;
        int conversationShot = 0;
        int width = 1280, height = 800;
        std::vector<std::string> drops;
        std::string resumeDialog, note, runNote, mark, reason;
        int noteTurn = 0;
    };
    auto raw = std::make_shared<Raw>();
    gui->add_option("--scenarios", raw->dirs, "Extra scenario folder (repeatable)");
    gui->add_option("--lang", raw->lang, "Interface language: en or zh")
        ->check(CLI::IsMember({"en", "zh"}));
    auto* driveOpt = gui->add_option("--drive", raw->drive,
                                     "Drive the window through a scenario (id or file), then exit");
    gui->add_option("--choices", raw->choices,
                    "Shown answers to pick when driving: 1,2,3 (r = take the last one back)");
    gui->add_option("--answers", raw->answers,
                    "Answer ids to pick when driving: own_it,listen_all (r = take one back)");
    auto* seedOpt = gui->add_option("--seed", raw->seed, "Seed for the answer order");
    gui->add_option("--screenshots", raw->screenshots, "Save PNG screenshots here when driving");
    gui->add_option("--conversation-shot", raw->conversationShot,
                    "Take conversation.png before this choice (default: before the last)")
        ->check(CLI::Range(1, 1000));
    gui->add_flag("--assessment", raw->assessment, "Drive in assessment mode");
    auto* reviewOpt = gui->add_option(
        "--review", raw->review,
        "Open a replay in the viewer at --turn, ask --what-if, save screenshots, then exit");
    reviewOpt->excludes(driveOpt);
    gui->add_option("--turn", raw->turn, "The turn the viewer shows with --review (1-based)")
        ->check(CLI::Range(1, 1000));
    gui->add_option("--what-if", raw->whatIf,
                    "With --review: the answer (id) to pick instead at --turn");
    auto* benchOpt =
        gui->add_flag("--bench", raw->bench, "Measure start-up, frame times and idle wake-ups");
    benchOpt->excludes(driveOpt);
    benchOpt->excludes(reviewOpt);
    gui->add_option("--bench-frames", raw->benchFrames, "Frames to time in --bench")
        ->check(CLI::Range(10, 100000));
    auto* dropOpt = gui->add_option(
        "--drop", raw->drops,
        "Drop this file or folder on the window (repeatable): a replay opens in the viewer, a "
        "folder joins the library; screenshots, then exit");
    dropOpt->excludes(driveOpt)->excludes(reviewOpt)->excludes(benchOpt);
    auto* resumeOpt =
        gui->add_option("--resume-dialog", raw->resumeDialog,
                        "Start as a trainee would, take the offer of an unfinished assessment "
                        "(resume, abandon or later), go on with --answers, screenshots, then exit")
            ->check(CLI::IsMember({"resume", "abandon", "later"}));
    resumeOpt->excludes(driveOpt)->excludes(reviewOpt)->excludes(benchOpt)->excludes(dropOpt);
    auto* noteOpt = gui->add_option("--note", raw->note,
                                    "With --review: write this note on --note-turn in the viewer");
    gui->add_option("--note-turn", raw->noteTurn, "The turn --note is about (default: --turn)")
        ->check(CLI::Range(1, 1000));
    auto* runNoteOpt =
        gui->add_option("--run-note", raw->runNote, "With --review: the note on the whole run");
    auto* markOpt = gui->add_option("--mark", raw->mark,
                                    "With --review: the assessor's override mark (needs --reason)")
                        ->check(CLI::IsMember({"pass", "fail", "none"}));
    gui->add_option("--reason", raw->reason, "The reason for --mark");
    gui->add_option("--width", raw->width, "Window width")->check(CLI::Range(640, 8192));
    gui->add_option("--height", raw->height, "Window height")->check(CLI::Range(480, 8192));
    // The class dashboard (issue 12): its store, and a drive that screenshots it.
    auto boardStore = std::make_shared<std::string>();
    auto dashboard = std::make_shared<bool>(false);
    gui->add_option("--store", *boardStore,
                    "The class dashboard's store: a store file or postgresql://... (default: "
                    "the local store)");
    gui->add_flag("--dashboard", *dashboard,
                  "Open the class dashboard, filter it, open a run from it; screenshots, then exit")
        ->excludes(driveOpt)
        ->excludes(reviewOpt)
        ->excludes(benchOpt);
    addAuthorOptions(gui);  // the author view (issue 14)
    gui->callback(
        [raw, seedOpt, started, boardStore, dashboard, noteOpt, runNoteOpt, markOpt, &exitCode]() {
            GuiOptions o;
            o.started = started;
            for (const auto& d : raw->dirs) o.extraDirs.emplace_back(d);
            o.lang = raw->lang;
            if (seedOpt->count() > 0) o.seed = raw->seed;
            o.width = raw->width;
            o.height = raw->height;
            o.store = *boardStore;
            // The drive and the bench steer the window through frame hooks.
            std::unique_ptr<FrameHooks> hooks;
            if (!raw->drive.empty()) {
                DriveOptions d;
                d.scenario = raw->drive;
                std::string error;
                if (!raw->choices.empty() && !driveSteps(raw->choices, d.choices, error)) {
                    std::cerr << "defuse gui: " << error << "\n";
                    exitCode = 2;
                    return;
                }
                d.answers = answerIds(raw->answers);
                d.screenshots = raw->screenshots;
                d.conversationShot = raw->conversationShot;
                d.assessment = raw->assessment;
                d.liveEdits = authorArgs().edits;
                hooks = std::make_unique<Driver>(std::move(d));
            } else if (!raw->review.empty()) {
                ReviewDriveOptions r;
                r.replay = raw->review;
                r.turn = raw->turn;
                r.whatIf = raw->whatIf;
                r.screenshots = raw->screenshots;
                if (noteOpt->count() > 0) r.note = raw->note;
                if (runNoteOpt->count() > 0) r.runNote = raw->runNote;
                if (markOpt->count() > 0) r.mark = raw->mark;
                r.noteTurn = raw->noteTurn;
                r.reason = raw->reason;
                hooks = std::make_unique<ReviewDriver>(std::move(r));
            } else if (!raw->resumeDialog.empty()) {
                ResumeDriveOptions r;
                r.action = raw->resumeDialog;
                r.answers = answerIds(raw->answers);
                r.screenshots = raw->screenshots;
                hooks = std::make_unique<ResumeDriver>(std::move(r));
            } else if (!raw->drops.empty()) {
                hooks = std::make_unique<DropDriver>(raw->drops, raw->screenshots);
            } else if (!authorArgs().file.empty()) {  // the author view (issue 14)
                openAuthorView(authorArgs().file);
                if (!raw->screenshots.empty())
                    hooks = std::make_unique<AuthorDriver>(raw->screenshots, authorArgs().edits);
            } else if (*dashboard) {
                hooks = std::make_unique<DashboardDriver>(raw->screenshots);
            } else if (raw->bench) {
                hooks = std::make_unique<Bench>(raw->benchFrames);
            }
            o.scripted = hooks != nullptr;
            // A scripted run is offered no unfinished assessment, unless it drives that offer.
            o.offerResume = !o.scripted || !raw->resumeDialog.empty();
            if (!displayAvailable()) {
                std::cerr << "defuse gui: no display (DISPLAY and WAYLAND_DISPLAY are unset); "
                             "use `defuse play` in a terminal, or run under xvfb-run\n";
                exitCode = 2;
                return;
            }
            exitCode = runApp(o, hooks.get());
        });
}

bool displayAvailable() {
    const char* x = std::getenv("DISPLAY");
    const char* w = std::getenv("WAYLAND_DISPLAY");
    return (x != nullptr && *x != '\0') || (w != nullptr && *w != '\0');
}

int openDefault() {
    GuiOptions o;
    return runApp(o);
}

}  // namespace defuse::desktop
