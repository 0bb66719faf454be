// The UI string table. One row per Str, in the enum's order (checked at compile time).
#include <iterator>

#include "i18n.hpp"

namespace defuse::desktop {

namespace {

struct Row {
    Str id;
    const char* en;
    const char* zh;
};

constexpr Row kRows[] = {
    {Str::Tagline, "Complaint-handling trainer", "投诉处理情景训练"},
    {Str::Library, "Library", "场景库"},
    {Str::Settings, "Settings", "设置"},
    {Str::Back, "Back", "返回"},
    {Str::LibraryTitle, "Choose a customer to face", "选择一位要面对的客户"},
    {Str::ScenarioCount, "%1 scenarios", "共 %1 个场景"},
    {Str::Difficulty, "Difficulty", "难度"},
    {Str::TurnsFmt, "%1+ turns", "至少 %1 轮"},
    {Str::Best, "Best", "最佳"},
    {Str::NotTried, "Not tried yet", "尚未练习"},
    {Str::AttemptsFmt, "%1 attempts", "已练习 %1 次"},
    {Str::Phone, "Phone call", "电话"},
    {Str::InPerson, "In person", "当面"},
    {Str::TimedFmt, "%1 s per answer", "每次回答限时 %1 秒"},
    {Str::Untimed, "Untimed", "不限时"},
    {Str::OpenFolder, "Open a folder of scenarios", "打开场景文件夹"},
    {Str::FolderHint, "/path/to/scenarios", "/场景/文件夹/路径"},
    {Str::Add, "Open", "打开"},
    {Str::Reload, "Reload", "重新加载"},
    {Str::FailedFiles, "Files that could not be loaded (%1)", "无法加载的文件（%1）"},
    {Str::WarningsFmt, "warnings: %1", "警告：%1"},
    {Str::NoScenarios, "No scenarios found in %1", "在 %1 中没有找到场景"},
    {Str::FolderNotFound, "Not a folder: %1", "不是文件夹：%1"},
    {Str::LoadingHistory, "Reading earlier attempts...", "正在读取以往的练习记录……"},
    {Str::Open, "Open", "打开"},
    {Str::FolderAdded, "Added %1 scenarios from %2", "已从 %2 添加 %1 个场景"},
    {Str::Situation, "The situation", "情况"},
    {Str::WhoIsCustomer, "Who the customer is", "客户是谁"},
    {Str::WhatGoodLooksLike, "What good looks like", "怎样才算处理得好"},
    {Str::Mode, "Mode", "模式"},
    {Str::Practice, "Practice", "练习"},
    {Str::Assessment, "Assessment", "考核"},
    {Str::PracticeHelp, "A coaching note after every answer; you can take an answer back.",
     "每次回答后都有辅导提示，可以撤回重答。"},
    {Str::AssessmentHelp, "No coaching, no rewind; the timer runs as the scenario says.",
     "没有提示，不能撤回，按场景要求计时。"},
    {Str::TraineeName, "Trainee", "学员"},
    {Str::ResponseTimer, "Response timer", "答题计时"},
    {Str::Start, "Start the conversation", "开始对话"},
    {Str::StartMood, "Mood at the start", "开始时的情绪"},
    {Str::Anger, "Anger", "愤怒"},
    {Str::Trust, "Trust", "信任"},
    {Str::Patience, "Patience", "耐心"},
    {Str::Calm, "Calm", "平静"},
    {Str::Irritated, "Irritated", "不耐烦"},
    {Str::Angry, "Angry", "生气"},
    {Str::Furious, "Furious", "暴怒"},
    {Str::You, "You", "你"},
    {Str::ChooseAnswer, "What do you say?  Click, or press 1-%1", "你怎么回答？点击或按 1-%1 键"},
    {Str::Coach, "Coach", "教练提示"},
    {Str::Rewind, "Take it back", "撤回重答"},
    {Str::WhatMoved, "What moved the mood", "情绪变化的原因"},
    {Str::SecondsLeft, "%1 s", "%1 秒"},
    {Str::OverTime, "Over time: patience is draining", "已超时：客户的耐心在流失"},
    {Str::OnCall, "On the phone", "通话中"},
    {Str::CallWith, "Call with %1", "与%1通话中"},
    {Str::EscalatedNote, "The customer escalated.", "客户要求升级处理。"},
    {Str::WalkedOutNote, "The customer walked out.", "客户走了。"},
    {Str::HungUpNote, "The customer hung up.", "客户挂断了电话。"},
    {Str::SeeDebrief, "See the debrief", "查看复盘"},
    {Str::TurnFmt, "Turn %1", "第 %1 轮"},
    {Str::Leave, "Leave", "离开"},
    {Str::SaveError, "Could not save this attempt: %1", "无法保存本次练习：%1"},
    {Str::ConversationOver, "The conversation is over", "对话结束"},
    {Str::Debrief, "Debrief", "复盘"},
    {Str::Score, "Score", "得分"},
    {Str::Grade, "Grade", "等级"},
    {Str::WherePoints, "Where every point came from", "每一分的来源"},
    {Str::Competencies, "Competencies", "能力表现"},
    {Str::UsesFmt, "shown %1x", "体现 %1 次"},
    {Str::NotShown, "not shown", "未体现"},
    {Str::MoodCurve, "The mood over the conversation", "对话中的情绪变化"},
    {Str::BetterAnswers, "Where a better answer existed", "本可以答得更好的地方"},
    {Str::NoBetter, "You picked the best answer on offer every turn.",
     "每一轮你都选了最好的回答。"},
    {Str::YouSaid, "You said", "你说"},
    {Str::BetterWas, "Better", "更好的回答"},
    {Str::Compare, "This attempt and your earlier ones", "本次与以往练习的对比"},
    {Str::FirstAttempt, "Your first attempt at this scenario.", "这是你第一次练习这个场景。"},
    {Str::ThisAttempt, "now", "本次"},
    {Str::BestBeforeFmt, "Best before: %1", "此前最佳：%1"},
    {Str::ImprovedFmt, "%1 points above your best", "比此前最佳高 %1 分"},
    {Str::BelowBestFmt, "%1 points below your best", "比此前最佳低 %1 分"},
    {Str::PlayAgain, "Play again", "再练一次"},
    {Str::ToLibrary, "Back to the library", "返回场景库"},
    {Str::Penalty, "Penalty", "扣分"},
    {Str::TurnAxis, "turn", "轮次"},
    {Str::TurnsTaken, "%1 turns", "共 %1 轮"},
    {Str::SameAsBest, "Level with your best", "与此前最佳持平"},
    {Str::Language, "Language", "语言"},
    {Str::TextSize, "Text size", "文字大小"},
    {Str::TimerInPractice, "Response timer in practice", "练习时启用答题计时"},
    {Str::SavedTo, "Saved to %1", "已保存到 %1"},
    {Str::SettingsError, "Could not save the settings: %1", "无法保存设置：%1"},
    {Str::Close, "Close", "关闭"},
    {Str::NoCjkFont,
     "No Chinese font found: install fonts-noto-cjk. Chinese text will show as '?'.",
     "No Chinese font found: install fonts-noto-cjk."},
    {Str::CjkFallback, "Chinese font: %1", "中文字体：%1"},
    {Str::Error, "error", "错误"},
    {Str::Warning, "warning", "警告"},
    // "Label: text". Chinese takes a full-width colon and no space, so a line never breaks there.
    {Str::Labelled, "%1: %2", "%1：%2"},
    {Str::UnreadableAttempts, "Earlier attempts that could not be read (%1)",
     "无法读取的以往练习记录（%1）"},
};

constexpr bool rowsInOrder() {
    int i = 0;
    for (const Row& r : kRows) {
        if (static_cast<int>(r.id) != i) return false;
        ++i;
    }
    return i == static_cast<int>(Str::Count);
}
static_assert(rowsInOrder(), "kRows must list every Str once, in the enum's order");

}  // namespace

const char* tr(Str id, Lang lang) {
    const int i = static_cast<int>(id);
    if (i < 0 || i >= static_cast<int>(std::size(kRows))) return "?";
    return lang == Lang::Zh ? kRows[i].zh : kRows[i].en;
}

std::vector<std::string_view> allUiStrings() {
    std::vector<std::string_view> out;
    out.reserve(std::size(kRows) * 2);
    for (const Row& r : kRows) {
        out.emplace_back(r.en);
        out.emplace_back(r.zh);
    }
    return out;
}

}  // namespace defuse::desktop
