#include "commands.hpp"

#include <cstdlib>
#include <iostream>

#include "analyze_command.hpp"
#include "analyze_tuning.hpp"
#include "bench_command.hpp"
#include "blind_command.hpp"
#include "check_json.hpp"
#include "curriculum_command.hpp"
#include "defuse/scoring_model.hpp"
#include "graph_command.hpp"
#include "new_command.hpp"
#include "note_command.hpp"
#include "play.hpp"
#include "report_command.hpp"
#include "resume_command.hpp"
#include "score_command.hpp"
#include "sign_command.hpp"
#include "store_command.hpp"
#include "voice_command.hpp"

namespace defuse::term {

namespace {

// The language of the system's messages: the first of LC_ALL, LC_MESSAGES and LANG that is set
// (the order POSIX gives them); Chinese when it starts with zh, else English.
Lang localeLang() {
    for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* v = std::getenv(var);
        if (v != nullptr && *v != '\0') return langFromCode(v);
    }
    return Lang::En;
}

}  // namespace

void addCommands(CLI::App& app, int& exitCode) {
    auto opt = std::make_shared<PlayOptions>();
    auto seed = std::make_shared<std::uint64_t>(0);
    CLI::App* p = app.add_subcommand("play", "Play a scenario in the terminal");
    p->add_option("scenario", opt->scenario, "Scenario file, or a bundled scenario's id")
        ->required();
    p->add_option("--choices", opt->choices,
                  "Answers by their shown number, e.g. 2,1,3, each optionally with the seconds "
                  "taken: 2@12 (plays without a keyboard)");
    p->add_option("--record", opt->record, "Write the replay to this file, turn by turn");
    p->add_option("--lang", opt->lang, "Language: en or zh")->check(CLI::IsMember({"en", "zh"}));
    CLI::Option* seedOpt =
        p->add_option("--seed", *seed, "Seed that fixes the answer order (default: random)");
    p->add_option("--mode", opt->mode, "practice (coaching, rewind) or assessment")
        ->check(CLI::IsMember({"practice", "assessment"}));
    p->add_option("--trainee", opt->trainee, "Trainee's name, recorded in the replay");
    p->add_flag("--force", opt->force, "Replace an existing --record file without asking");
    p->add_option("--color", opt->color, "auto, always or never")
        ->check(CLI::IsMember({"auto", "always", "never"}));
    p->add_flag("--voice", opt->voice,
                "Speak the customer's lines (espeak-ng), in their voice and mood");
    p->add_flag("--json", opt->json,
                "Play over JSON Lines: one object per line on stdout, one answer per line on "
                "stdin (for scripts and bots)");
    p->add_option("--from", opt->from, "Test from this node (the trainer's workbench)");
    p->add_option("--mood", opt->mood,
                  "With a test run: the mood to start with, e.g. anger=80,trust=20,patience=40");
    p->add_option("--after", opt->after,
                  "With a test run: answer ids already picked (conditions and order rules see "
                  "them), e.g. a.1,b.2");
    p->add_flag("--watch", opt->watch,
                "Show the state after each turn: cues counted, tags used, answers picked, nodes "
                "visited");
    p->callback([opt, seed, seedOpt, &exitCode] {
        if (seedOpt->count() > 0) opt->seed = *seed;
        exitCode = play(*opt);
        indexRecorded(opt->record, opt->lang);  // into the results store (store/)
    });

    auto paths = std::make_shared<std::vector<std::string>>();
    auto quiet = std::make_shared<bool>(false);
    CLI::App* c = app.add_subcommand(
        "check", "Check scenario and archetype files (folders: every .yaml below)");
    c->add_option("paths", *paths, "Files or folders")->required();
    c->add_flag("-q,--quiet", *quiet, "Print only the diagnostics, no summary");
    auto checkLang = std::make_shared<std::string>();
    c->add_option("--lang", *checkLang,
                  "Language of the diagnostics: en or zh (default: zh when LC_ALL, LC_MESSAGES or "
                  "LANG starts with zh, else en)")
        ->check(CLI::IsMember({"en", "zh"}));
    auto checkAsJson = std::make_shared<bool>(false);
    c->add_flag("--json", *checkAsJson,
                "Print the diagnostics as JSON (file, line, column, severity, id, message)");
    auto strict = std::make_shared<bool>(false);
    c->add_flag("--strict", *strict, "Warnings count as errors (and make the exit status 1)");
    c->callback([paths, quiet, checkLang, checkAsJson, strict, &exitCode] {
        Lang lang = checkLang->empty() ? localeLang() : langFromCode(*checkLang);
        exitCode =
            *checkAsJson ? checkJson(*paths, lang, *strict) : check(*paths, *quiet, lang, *strict);
    });

    auto replays = std::make_shared<std::vector<std::string>>();
    auto dirs = std::make_shared<std::vector<std::string>>();
    auto json = std::make_shared<bool>(false);
    auto lang = std::make_shared<std::string>();
    CLI::App* s = app.add_subcommand("score", "Recompute and explain the score of replays");
    s->add_option("replays", *replays, "Replay files")->required();
    s->add_option("--scenarios", *dirs, "Folders (or files) to look for the scenarios in");
    s->add_flag("--json", *json, "Print JSON");
    s->add_option("--lang", *lang, "Explain in en or zh (default: each replay's language)")
        ->check(CLI::IsMember({"en", "zh"}));
    s->callback([replays, dirs, json, lang, &exitCode] {
        exitCode = score(*replays, *dirs, *json, *lang);
    });

    auto an = std::make_shared<std::string>();
    auto anSeed = std::make_shared<std::uint64_t>(1);
    auto limits = std::make_shared<AnalyzeLimits>();
    auto runs = std::make_shared<int>(1000);
    auto anJson = std::make_shared<bool>(false);
    CLI::App* a = app.add_subcommand(
        "analyze", "Best and worst paths, path count, random-play scores, decisive turns");
    a->add_option("scenario", *an, "Scenario file, or a bundled scenario's id")->required();
    a->add_option("--seed", *anSeed,
                  "Seed for the shown answer numbers and random play (default 1)");
    a->add_option("--max-states", limits->maxStates,
                  "Explore at most this many run states exactly (default 6000000)");
    a->add_option("--max-turns", limits->maxTurns,
                  "Cut runs after this many answers, unfinished (loops; default 60)")
        ->check(CLI::Range(1, 10000));
    a->add_option("--max-paths", limits->maxPaths,
                  "Past --max-states, sample at most this many random runs (default 200000)");
    a->add_option("--runs", *runs, "Random-play runs (default 1000)")
        ->check(CLI::Range(0, 1000000));
    a->add_flag("--json", *anJson, "Print JSON");
    a->callback(
        [=, &exitCode] { exitCode = analyzeScenario(*an, *anSeed, *limits, *runs, *anJson); });
    addAnalyzeTuning(a, exitCode);  // --after, --compare (the trainer's workbench)

    auto bench = std::make_shared<std::string>();
    auto benchSeconds = std::make_shared<double>(1.0);
    auto benchJson = std::make_shared<bool>(false);
    CLI::App* bn = app.add_subcommand(
        "bench", "Random play in turns per CPU second: compiled form, Attempt, flat table");
    bn->add_option("scenario", *bench, "Scenario file, or a bundled scenario's id")->required();
    bn->add_option("--seconds", *benchSeconds, "CPU seconds per measurement (default 1)")
        ->check(CLI::Range(0.01, 600.0));
    bn->add_flag("--json", *benchJson, "Print JSON");
    bn->callback([=, &exitCode] { exitCode = benchScenario(*bench, *benchSeconds, *benchJson); });

    auto blind = std::make_shared<BlindCommandOptions>();
    CLI::App* b = app.add_subcommand(
        "blind", "Can the right answer be picked without reading it? Content-blind players");
    b->add_option("scenarios", blind->targets,
                  "Scenario files, folders or bundled ids (default: the bundled library)");
    b->add_option("--lang", blind->lang, "en, zh or both (default both)")
        ->check(CLI::IsMember({"en", "zh", "both"}));
    b->add_option("--runs", blind->runs, "Seeds per scenario and player (default 50)")
        ->check(CLI::Range(1, 100000));
    b->add_option("--seed", blind->seed, "The first seed (default 1)");
    b->add_flag("--json", blind->json, "Print JSON");
    b->callback([blind, &exitCode] { exitCode = blindCommand(*blind, localeLang()); });

    auto cur = std::make_shared<CurriculumCommandOptions>();
    CLI::App* cu = app.add_subcommand(
        "curriculum", "Which decision points teach each principle of the training material");
    cu->add_option("folder", cur->folder, "A library folder (default: the bundled library)");
    cu->add_option("--lang", cur->lang, "en or zh (default: the locale's)")
        ->check(CLI::IsMember({"en", "zh"}));
    cu->add_flag("--markdown", cur->markdown, "Print the coverage as a Markdown table");
    cu->callback([cur, &exitCode] { exitCode = curriculumCommand(*cur, localeLang()); });

    auto modelLang = std::make_shared<std::string>("en");
    CLI::App* m = app.add_subcommand(
        "model", "Print the scoring model: weights, shares, penalties, grades, bands");
    m->add_option("--lang", *modelLang, "en or zh")->check(CLI::IsMember({"en", "zh"}));
    m->callback([modelLang, &exitCode] {
        std::cout << describeModel(ScoringModel::builtIn(), langFromCode(*modelLang));
        exitCode = 0;
    });

    addVoiceCommands(app, exitCode);
    addResumeCommand(app, exitCode);
    addNewCommand(app, exitCode, localeLang());
    addSignCommands(app, exitCode);
    addNoteCommand(app, exitCode);
    addReportCommand(app, exitCode);
    addGraphCommand(app, exitCode, localeLang());
    addStoreCommands(app, exitCode);
}

}  // namespace defuse::term
