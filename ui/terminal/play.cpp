#include "play.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <random>
#include <sstream>

#include "defuse/loader.hpp"
#include "defuse/paths.hpp"
#include "defuse/replay.hpp"
#include "defuse/scoring.hpp"
#include "defuse/session.hpp"
#include "common/choices.hpp"
#include "render.hpp"

namespace defuse::term {

namespace fs = std::filesystem;

namespace {

std::string T(const std::string& lang, const char* en, const char* zh) { return lang == "zh" ? zh : en; }

using ui::Choice;

void printDiagnostics(const std::vector<Diagnostic>& diags) {
    for (const auto& d : diags) std::cerr << d.format() << "\n";
}

class Player {
public:
    Player(std::shared_ptr<const Scenario> sc, const PlayOptions& opt, SessionOptions so)
        : m_opt(opt), m_style(makeStyle(opt.color)), m_width(terminalWidth()), m_session(std::move(sc), so) {}

    int run(std::vector<Choice> choices) {
        const std::string& lang = m_opt.lang;
        const Scenario& sc = m_session.scenario();
        if (!m_opt.record.empty()) m_writer.emplace(m_opt.record, m_opt.trainee);
        std::cout << m_style.bold(sc.title.get(lang)) << "\n";
        std::cout << wrap(sc.briefing.get(lang), m_width, "  ") << "\n";
        if (!sc.goal.empty()) std::cout << wrap(T(lang, "Goal: ", "目标：") + sc.goal.get(lang), m_width, "  ") << "\n";
        std::cout << m_style.dim(T(lang, "  mode ", "  模式 ") +
                                 (m_session.options().mode == Mode::Practice ? T(lang, "practice", "练习") : T(lang, "assessment", "考核")) +
                                 T(lang, ", seed ", "，种子 ") + std::to_string(m_session.options().seed))
                  << "\n";
        save();
        std::size_t next = 0;
        while (!m_session.finished()) {
            showTurn();
            auto shown = m_session.answers();
            int pick = 0;
            double seconds = 0;
            if (next < choices.size()) {
                const Choice& c = choices[next++];
                if (c.rewind) {
                    std::cout << "> r\n";
                    if (!m_session.rewind()) {
                        std::cerr << "defuse: --choices: 'r' at turn " << m_session.turns().size() + 1
                                  << " has nothing to take back (rewind works in practice mode after an answer)\n";
                        return 2;
                    }
                    save();
                    continue;
                }
                pick = c.number;
                seconds = c.seconds;
                if (pick > static_cast<int>(shown.size())) {
                    std::cerr << "defuse: --choices: answer " << pick << " at turn " << m_session.turns().size() + 1
                              << " is out of range (1-" << shown.size() << ")\n";
                    return 2;
                }
                std::cout << "> " << pick << "\n";
            } else {
                if (!choices.empty() && !isatty(STDIN_FILENO)) {
                    std::cerr << "defuse: the --choices list ran out at turn " << m_session.turns().size() + 1
                              << " before the conversation ended, and input is not a terminal; stopping"
                              << (m_writer ? " (the replay holds the turns so far)" : "") << "\n";
                    return 3;
                }
                auto start = std::chrono::steady_clock::now();
                int r = ask(static_cast<int>(shown.size()));
                if (r == 0) {
                    std::cout << T(lang, "Stopped.", "已停止。") << (m_writer ? T(lang, " The replay holds the turns so far.", " 回放已保存目前的对话。") : "") << "\n";
                    return 0;
                }
                if (r < 0) continue;  // rewound
                pick = r;
                seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            }
            TurnFeedback fb;
            m_session.choose(static_cast<std::size_t>(pick - 1), seconds, &fb);
            showFeedback(fb);
            save();
        }
        if (next < choices.size()) {
            std::cout << m_style.dim(T(lang, "note: the conversation ended after ", "注意：对话在第 ") +
                                     std::to_string(m_session.turns().size()) +
                                     T(lang, " answers; the remaining choices were ignored",
                                       " 个回答后结束，其余选择已忽略"))
                      << "\n";
        }
        showEnding();
        return 0;
    }

private:
    void save() {
        if (!m_writer) return;
        std::string error;
        if (!m_writer->write(m_session, &error) && !m_writeFailed) {
            std::cerr << "defuse: cannot save the replay: " << error << " (the run goes on)\n";
            m_writeFailed = true;
        }
    }

    // Returns the answer number, 0 to quit, -1 after a rewind.
    int ask(int count) {
        const std::string& lang = m_opt.lang;
        bool practice = m_session.options().mode == Mode::Practice;
        for (;;) {
            std::cout << T(lang, "Your answer (1-", "你的回答（1-") << count
                      << (practice && m_session.canRewind() ? T(lang, ", r to rewind", "，r 撤回") : "")
                      << T(lang, ", q to stop): ", "，q 退出）：") << std::flush;
            std::string line;
            if (!std::getline(std::cin, line)) {
                std::cout << "\n";
                return 0;
            }
            if (line == "q" || line == "quit") return 0;
            if (line == "r" && practice) {
                if (m_session.rewind()) {
                    std::cout << m_style.dim(T(lang, "  (rewound one turn)", "  （已撤回一步）")) << "\n";
                    save();
                    showTurn();
                    return -1;
                }
                continue;
            }
            try {
                int n = std::stoi(line);
                if (n >= 1 && n <= count && line.find_first_not_of("0123456789 ") == std::string::npos) return n;
            } catch (const std::exception&) {
            }
            std::cout << T(lang, "  Please type a number from 1 to ", "  请输入 1 到 ") << count
                      << T(lang, ".", " 之间的数字。") << "\n";
        }
    }

    void showTurn() {
        const std::string& lang = m_opt.lang;
        const Scenario& sc = m_session.scenario();
        std::cout << "\n" << m_style.dim("── " + T(lang, "turn ", "第 ") + std::to_string(m_session.turns().size() + 1) +
                                         T(lang, "", " 轮") + " ──")
                  << "\n";
        std::cout << meters(m_session.mood(), m_style, lang);
        std::string who = sc.customerName.empty() ? T(lang, "Customer", "客户") : sc.customerName.get(lang);
        std::cout << "  " << m_style.bold(who) << " " << face(m_session.mood(), lang) << "\n";
        std::cout << wrap("\xE2\x80\x9C" + m_session.customerLine() + "\xE2\x80\x9D", m_width, "    ") << "\n";
        if (m_session.timeLimit() > 0)
            std::cout << m_style.dim(T(lang, "  (answer within ", "  （请在 ") + std::to_string(static_cast<int>(m_session.timeLimit())) +
                                     T(lang, " s: hesitating costs patience)", " 秒内回答：犹豫会消耗耐心）"))
                      << "\n";
        auto shown = m_session.answers();
        for (std::size_t i = 0; i < shown.size(); ++i) {
            std::string num = std::to_string(i + 1) + ". ";
            std::string body = wrap(shown[i]->text.get(lang), m_width - 4, "     ");
            std::cout << "  " << m_style.paint(num, "1;33") << body.substr(std::min<std::size_t>(5, body.size())) << "\n";
        }
    }

    void showFeedback(const TurnFeedback& fb) {
        const std::string& lang = m_opt.lang;
        for (const auto& r : fb.reasons) std::cout << m_style.dim(wrap(r, m_width, "    · ")) << "\n";
        if (fb.escalated)
            std::cout << m_style.paint(T(lang, "  The customer has had enough and escalates.", "  客户忍无可忍，要求升级处理。"), "1;31") << "\n";
        if (fb.walkedOut)
            std::cout << m_style.paint(T(lang, "  The customer's patience has run out.", "  客户的耐心耗尽了。"), "1;31") << "\n";
        if (!fb.note.empty())
            std::cout << m_style.paint(wrap(T(lang, "Coach: ", "教练：") + fb.note, m_width, "  "), "36") << "\n";
    }

    void showEnding() {
        const std::string& lang = m_opt.lang;
        const Ending* e = m_session.ending();
        std::cout << "\n" << m_style.bold("══ " + e->title.get(lang) + " (" + endingKindLabel(e->kind, lang) + ") ══") << "\n";
        if (!e->say.empty()) std::cout << wrap("\xE2\x80\x9C" + e->say.get(lang) + "\xE2\x80\x9D", m_width, "    ") << "\n";
        ScoreReport r = scoreSession(m_session);
        std::cout << "\n" << m_style.bold(T(lang, "Score: ", "得分：") + std::to_string(r.total) + "/100  " +
                                          T(lang, "grade ", "等级 ") + r.grade)
                  << "\n";
        for (const auto& l : r.lines) std::cout << wrap(l.text, m_width, "  ") << "\n";
        if (!r.better.empty()) {
            std::cout << "\n" << m_style.bold(T(lang, "Where a better answer existed:", "本可以更好的回答：")) << "\n";
            for (const auto& b : r.better)
                std::cout << wrap(T(lang, "Turn ", "第 ") + std::to_string(b.turn) + T(lang, ": ", " 轮：") + "\xE2\x80\x9C" +
                                      b.betterText + "\xE2\x80\x9D " + b.why,
                                  m_width, "  ")
                          << "\n";
        }
        if (m_writer) std::cout << m_style.dim(T(lang, "Replay saved to ", "回放已保存到 ") + m_writer->path().string()) << "\n";
    }

    const PlayOptions& m_opt;
    Style m_style;
    int m_width;
    Session m_session;
    std::optional<ReplayWriter> m_writer;
    bool m_writeFailed = false;
};

}  // namespace

std::shared_ptr<const Scenario> resolveScenario(const std::string& arg) {
    std::error_code ec;
    if (fs::exists(arg, ec)) {
        auto r = loadScenario(arg);
        printDiagnostics(r.diagnostics);
        return r.value;
    }
    for (const auto& f : loadLibrary(bundledScenarioDir())) {
        if (f.scenario && f.scenario->id == arg) {
            printDiagnostics(f.diagnostics);
            return f.scenario;
        }
    }
    std::cerr << arg << ": error: no such file, and no bundled scenario has this id (see `defuse play --help`)\n";
    return nullptr;
}

int play(const PlayOptions& opt) {
    if (opt.lang != "en" && opt.lang != "zh") {
        std::cerr << "defuse: --lang must be en or zh\n";
        return 2;
    }
    std::vector<Choice> choices;
    std::string error;
    if (!opt.choices.empty() && !ui::parseChoices(opt.choices, choices, error)) {
        std::cerr << "defuse: " << error << "\n";
        return 2;
    }
    std::error_code ec;
    if (!opt.record.empty() && fs::exists(opt.record, ec) && !opt.force) {
        // Nothing the user made is overwritten without asking.
        if (!isatty(STDIN_FILENO)) {
            std::cerr << "defuse: " << opt.record << " already exists; pass --force to replace it\n";
            return 2;
        }
        std::cout << opt.record << T(opt.lang, " already exists. Replace it? [y/N] ", " 已存在，要覆盖吗？[y/N] ") << std::flush;
        std::string answer;
        if (!std::getline(std::cin, answer) || (answer != "y" && answer != "Y" && answer != "yes")) {
            std::cout << T(opt.lang, "Not replaced.", "未覆盖。") << "\n";
            return 2;
        }
    }
    auto sc = resolveScenario(opt.scenario);
    if (!sc) return 1;
    SessionOptions so;
    so.lang = opt.lang;
    so.mode = opt.mode == "assessment" ? Mode::Assessment : Mode::Practice;
    so.seed = opt.seed ? *opt.seed : std::random_device{}() % 1000000;
    Player player(sc, opt, so);
    return player.run(choices);
}

}  // namespace defuse::term
