#include "new_command.hpp"

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "defuse/files.hpp"
#include "defuse/paths.hpp"
#include "defuse/text.hpp"

namespace defuse::term {

namespace fs = std::filesystem;

namespace {

// The templates check clean with no warning (tests/e2e/new.sh): every answer has tags, a
// coaching note and a quality; every node and ending is reachable; the best answers make the
// best path. @ID@, @ARCHETYPE@ and @SCHEMA@ are filled in.
constexpr const char* kScenarioTemplate = R"(# yaml-language-server: $schema=@SCHEMA@
# A defuse scenario. The guide: scenarios/README.md; in Chinese, scenarios/README.zh.md.
# Check it as you write: defuse check THIS_FILE (--lang zh for Chinese diagnostics).
# 一个 defuse 场景。写作指南：scenarios/README.zh.md。边写边检查：defuse check 本文件。
kind: scenario
id: @ID@                  # letters, digits, - _ . (replays find the scenario by it) / 字母、数字、- _ .
title:
  en: The warning light is back
  zh: 故障灯又亮了
briefing:                 # who the customer is, what happened / 客户是谁、发生了什么
  en: >-
    Mr Wang collected his car an hour ago after an engine-light repair. The light is on
    again and he is back at the desk. You are his service advisor.
  zh: 王先生一小时前刚修好发动机故障灯把车取走，现在灯又亮了，他回到了前台。你是他的服务顾问。
goal:                     # what good looks like / 怎样才算处理得好
  en: Own the problem, hear him out, and agree a check he can hold you to.
  zh: 承担责任，听他说完，约定一次他信得过的检查。
difficulty: 2             # 1-5, shown as stars; changes no score / 1-5，显示为星级，不影响评分
languages: [en, zh]
customer:
  archetype: @ARCHETYPE@  # an archetype id (archetypes/ID.yaml) or a path / 原型标识符或路径
  name: {en: Mr Wang, zh: 王先生}
  look: {gender: man, age: middle, clothes: jacket}   # optional: the portrait / 可选：人像
nodes:                    # the first node listed is where the call starts / 第一个节点就是开场
  opening:
    say:                  # what the customer says / 客户说的话
      en: The light is on again. I only picked the car up an hour ago!
      zh: 灯又亮了。我一个小时前才把车取走！
    answers:
      - id: own_it        # ids are kept in replays: renaming one breaks old replays / 回放按 id 记录
        text:
          en: I'm sorry, Mr Wang. I'm your advisor and I'll see to this myself. What did you see?
          zh: 王先生，真抱歉。我是您的服务顾问，这件事我亲自负责。您看到的是什么情况？
        tags: [ownership, apology, open_question]
        next: hear_out
        note:             # the coaching note, shown in practice / 练习模式下的辅导提示
          en: Ownership and one apology first, then an open question.
          zh: 先承担责任、道一次歉，再开放式提问。
        quality: best     # best, good, weak or bad / 作者的评价
      - id: not_us
        text:
          en: That light can't be our fault; it must be something new.
          zh: 这个灯不可能是我们的问题，肯定是新毛病。
        tags: [defensive, dismiss]
        next: hear_out
        note:
          en: Defending the repair before hearing him makes him angrier.
          zh: 还没听他说就替维修辩解，只会让他更生气。
        quality: bad
  hear_out:
    say:
      en: "It came on at the first junction. Is it even safe to drive?"
      zh: 刚开到第一个路口就亮了。这车到底还能不能开？
    answers:
      - id: check_now
        text:
          en: Let's not guess. I'll have a technician read the code now and tell you in twenty minutes.
          zh: 我们不猜。我现在就请技师读故障码，二十分钟内告诉您结果。
        tags: [diagnosis, commitment]
        next: checked
        note:
          en: Inspect before you conclude, and give a time you control.
          zh: 先检查再下结论，给一个你能掌控的时间。
        quality: best
      - id: come_back
        text:
          en: Drive it for a week and come back if it stays on.
          zh: 您先开一个星期，要是还亮再回来。
        tags: [stall, dismiss]
        next: gave_up
        note:
          en: Sending him away with a safety worry loses him.
          zh: 客户担心安全，你却让他回去等，客户就流失了。
        quality: bad
endings:                  # resolved, partial, escalated or lost / 四种结局
  checked:
    kind: resolved
    title: {en: Checked on the spot, zh: 当场检查}
    say:                  # the customer's closing line, spoken / 客户最后说的话（会被读出来）
      en: Twenty minutes, then. Thank you.
      zh: 那就二十分钟，谢谢。
  escalated:              # where anger at the archetype's threshold leads / 愤怒到阈值时的去向
    kind: escalated
    title: {en: He asks for the manager, zh: 他要找经理}
    say: {en: Get me the service manager., zh: 把你们服务经理叫来。}
  gave_up:
    kind: lost
    title: {en: He leaves, zh: 客户离开}
    say: {en: I'll take it somewhere else., zh: 我去别家修。}
)";

constexpr const char* kArchetypeTemplate = R"(# yaml-language-server: $schema=@SCHEMA@
# A defuse customer archetype: a temperament scenarios share (customer: archetype: @ID@).
# Scenarios find it as @ID@.yaml beside them or in archetypes/. The guide: scenarios/README.md.
# 客户原型：多个场景共用的脾气。场景在同目录或 archetypes/ 中按文件名 @ID@.yaml 查找。
kind: archetype
id: @ID@                      # keep it the same as the file name / 与文件名保持一致
name: {en: Worried about safety, zh: 担心安全的客户}
description:                  # shown to trainees / 会显示给学员
  en: Calm at first, but a worry about safety makes him short-tempered when he is brushed off.
  zh: 一开始还算平静，但担心安全；被敷衍时会很快失去耐心。
mood: {anger: 60, trust: 30, patience: 50}    # the starting mood, 0-100 / 初始情绪，0-100
patience:
  grace_seconds: 10           # thinking time that costs nothing (default 8) / 免费思考时间
  drain_per_second: 1         # patience lost per second beyond it (default 1) / 超时每秒扣的耐心
  per_turn: 2                 # every answer costs this (default 0) / 每个回答都扣的耐心
thresholds:
  escalate_anger: 95          # anger at or above: he escalates (default 95) / 升级投诉的愤怒值
  walk_out_patience: 0        # patience at or below: he leaves (default 0) / 离开的耐心值
reactions:                    # tag: mood change, -100..100; unlisted tags do nothing / 未列出的标签不起作用
  ownership: {anger: -6, trust: 5, patience: 4}
  apology: {anger: -3, trust: 2}
  open_question: {anger: -2, trust: 3}
  diagnosis: {anger: -5, trust: 6}
  commitment: {anger: -4, trust: 5}
  defensive: {anger: 9, trust: -8, patience: -4}
  dismiss: {anger: 12, trust: -10, patience: -8}
  stall: {anger: 8, trust: -6, patience: -10}
order_rules:                  # what came before changes an answer's effect / 先后顺序改变效果
  - tag: diagnosis            # an answer with this tag ... / 带此标签的回答……
    before: ownership         # ... while no earlier answer carried this TAG / 之前没有回答带这个标签时
    scale: 0.5                # its reaction counts half / 反应减半
    note:
      en: Checking the car before anyone owns the problem feels like being processed.
      zh: 还没人承担责任就去查车，客户会觉得自己只是被走流程。
critical:                     # never-dos: they cap the score below the pass mark / 绝不能做的事
  - tag: dismiss
    reason:
      en: Never brush off a safety worry.
      zh: 绝不能敷衍客户对安全的担心。
)";

void replaceAll(std::string& s, const std::string& from, const std::string& to) {
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
        s.replace(at, from.size(), to);
}

bool isId(const std::string& s) {
    if (s.empty()) return false;
    for (unsigned char c : s)
        if (!(std::isalnum(c) || c == '-' || c == '_' || c == '.')) return false;
    return true;
}

fs::path outputPath(const NewOptions& opt) {
    if (!opt.output.empty()) return opt.output;
    std::string name = opt.id;
    if (opt.kind == "scenario") replaceAll(name, "-", "_");  // the bundled files' convention
    return fs::path(opt.dir) / (name + ".yaml");
}

// The schema beside the bundled scenarios (schema/ in the source tree, share/defuse/schema
// installed), relative to the new file's folder so the file can move with its library.
std::string schemaPath(const std::string& kind, const fs::path& file) {
    std::error_code ec;
    fs::path scenarios = fs::weakly_canonical(bundledScenarioDir(), ec);
    fs::path schema = scenarios.parent_path() / "schema" / (kind + ".schema.json");
    fs::path folder = fs::weakly_canonical(fs::absolute(file, ec).parent_path(), ec);
    // Relative within one tree; a file elsewhere (another top-level folder) gets the full path.
    auto a = schema.begin(), b = folder.begin();
    int common = 0;
    for (; a != schema.end() && b != folder.end() && *a == *b; ++a, ++b) ++common;
    fs::path rel = schema.lexically_relative(folder);
    return common < 3 || rel.empty() ? schema.string() : rel.string();
}

}  // namespace

std::string newFileText(const NewOptions& opt, const std::string& schema) {
    std::string text = opt.kind == "archetype" ? kArchetypeTemplate : kScenarioTemplate;
    replaceAll(text, "@SCHEMA@", schema);
    replaceAll(text, "@ARCHETYPE@", opt.archetype);
    replaceAll(text, "@ID@", opt.id);
    return text;
}

int newFile(const NewOptions& opt, Lang lang) {
    // The archetype may be a path instead of an id.
    bool archetypeIsPath =
        opt.archetype.find('/') != std::string::npos || isYamlFile(opt.archetype);
    for (const std::string* id : {&opt.id, archetypeIsPath ? nullptr : &opt.archetype}) {
        if (id != nullptr && !isId(*id)) {
            std::cerr << tr(lang, Msg::NewBadId, {printable(*id)}) << "\n";
            return 2;
        }
    }
    fs::path file = outputPath(opt);
    std::string text = newFileText(opt, schemaPath(opt.kind, file));
    // "x": create, never replace (C11); an existing file is left as it is.
    std::FILE* f = std::fopen(file.c_str(), "wx");
    if (f == nullptr) {
        int err = errno;
        if (err == EEXIST)
            std::cerr << tr(lang, Msg::NewExists, {printable(file.string())}) << "\n";
        else
            std::cerr << tr(lang, Msg::NewCannotWrite,
                            {printable(file.string()), std::strerror(err)})
                      << "\n";
        return 1;
    }
    bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
    ok = (std::fclose(f) == 0) && ok;
    if (!ok) {
        std::cerr << tr(lang, Msg::NewCannotWrite, {printable(file.string()), std::strerror(errno)})
                  << "\n";
        std::error_code ec;
        fs::remove(file, ec);  // no half-written template left behind
        return 1;
    }
    Msg kind = opt.kind == "archetype" ? Msg::NewArchetype : Msg::NewScenario;
    std::cout << render(Message(Msg::NewWrote, {Message(printable(file.string())), Message(kind)}),
                        lang)
              << "\n";
    return 0;
}

void addNewCommand(CLI::App& app, int& exitCode, Lang fallback) {
    auto opt = std::make_shared<NewOptions>();
    auto lang = std::make_shared<std::string>();
    CLI::App* n = app.add_subcommand(
        "new", "Write a small, valid, commented scenario or archetype file to start from");
    n->add_option("kind", opt->kind, "scenario or archetype")
        ->required()
        ->check(CLI::IsMember({"scenario", "archetype"}));
    n->add_option("id", opt->id, "The new file's id (letters, digits, - _ .)")->required();
    n->add_option("--dir", opt->dir, "The folder to write it in (default: the current one)");
    n->add_option("-o,--output", opt->output,
                  "The file to write (default: DIR/ID.yaml, a scenario's '-' written '_')");
    n->add_option("--archetype", opt->archetype,
                  "A new scenario's archetype: an id or a path (default furious)");
    n->add_option("--lang", *lang, "Language of the messages: en or zh")
        ->check(CLI::IsMember({"en", "zh"}));
    n->callback([opt, lang, fallback, &exitCode] {
        exitCode = newFile(*opt, lang->empty() ? fallback : langFromCode(*lang));
    });
}

}  // namespace defuse::term
