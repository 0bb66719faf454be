#pragma once
// Every string the desktop shows, in English and Chinese.
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace defuse::desktop {

enum class Lang { En, Zh };

/// "en" or "zh".
std::string_view langCode(Lang lang);
/// The language for a code ("zh", "zh_CN.UTF-8" ... give Chinese; anything else English).
Lang langFromCode(std::string_view code);
/// The language from the system locale: LC_ALL, then LC_MESSAGES, then LANG.
Lang systemLang();

/// The UI strings. Keep in step with the table in i18n_table.cpp.
enum class Str {
    Tagline,
    Library,
    Settings,
    Back,
    LibraryTitle,
    ScenarioCount,
    Difficulty,
    TurnsFmt,
    Best,
    NotTried,
    AttemptsFmt,
    Phone,
    InPerson,
    TimedFmt,
    Untimed,
    OpenFolder,
    FolderHint,
    Add,
    Reload,
    FailedFiles,
    WarningsFmt,
    NoScenarios,
    FolderNotFound,
    LoadingHistory,
    Open,
    FolderAdded,
    Situation,
    WhoIsCustomer,
    WhatGoodLooksLike,
    Mode,
    Practice,
    Assessment,
    PracticeHelp,
    AssessmentHelp,
    TraineeName,
    ResponseTimer,
    Start,
    StartMood,
    Anger,
    Trust,
    Patience,
    Calm,
    Irritated,
    Angry,
    Furious,
    You,
    ChooseAnswer,
    Coach,
    Rewind,
    WhatMoved,
    SecondsLeft,
    OverTime,
    OnCall,
    CallWith,
    EscalatedNote,
    WalkedOutNote,
    HungUpNote,
    SeeDebrief,
    TurnFmt,
    Leave,
    SaveError,
    ConversationOver,
    Debrief,
    Score,
    Grade,
    WherePoints,
    Competencies,
    UsesFmt,
    NotShown,
    MoodCurve,
    BetterAnswers,
    NoBetter,
    YouSaid,
    BetterWas,
    Compare,
    FirstAttempt,
    ThisAttempt,
    BestBeforeFmt,
    ImprovedFmt,
    BelowBestFmt,
    PlayAgain,
    ToLibrary,
    Penalty,
    TurnAxis,
    TurnsTaken,
    SameAsBest,
    Language,
    TextSize,
    TimerInPractice,
    SavedTo,
    SettingsError,
    Close,
    NoCjkFont,
    CjkFallback,
    Error,
    Warning,
    Labelled,
    UnreadableAttempts,
    Count
};

/// The string in a language.
const char* tr(Str id, Lang lang);
/// Every UI string in every language (for building the font atlas).
std::vector<std::string_view> allUiStrings();
/// Replaces %1, %2 ... in `pattern` with `args`.
std::string format(std::string_view pattern, std::initializer_list<std::string> args);

}  // namespace defuse::desktop
