#pragma once
/// The customer's mood: anger, trust and patience, each 0-100.
#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace defuse {

/// A mood dimension.
enum class Dim { Anger = 0, Trust = 1, Patience = 2 };
inline constexpr int kDimCount = 3;
inline constexpr std::array<Dim, kDimCount> kAllDims{Dim::Anger, Dim::Trust, Dim::Patience};

/// The name used in files: "anger", "trust", "patience".
std::string_view dimName(Dim d);
/// The dimension with that name, if any.
std::optional<Dim> dimFromName(std::string_view name);

/// A mood: each dimension 0-100.
struct Mood {
    std::array<int, kDimCount> v{50, 50, 50};

    int get(Dim d) const { return v[static_cast<int>(d)]; }
    void set(Dim d, int value);  ///< clamps to 0-100
    int anger() const { return get(Dim::Anger); }
    int trust() const { return get(Dim::Trust); }
    int patience() const { return get(Dim::Patience); }
    /// One number for "how well it is going": trust minus anger.
    int balance() const { return trust() - anger(); }
    bool operator==(const Mood& o) const { return v == o.v; }
    bool operator!=(const Mood& o) const { return v != o.v; }
};

/// A change to some dimensions of the mood.
struct MoodDelta {
    std::array<int, kDimCount> d{0, 0, 0};
    std::array<bool, kDimCount> set{false, false, false};  ///< which dimensions were given

    int get(Dim dim) const { return d[static_cast<int>(dim)]; }
    void add(Dim dim, int value);
    bool isZero() const;
    /// Trust minus anger: whether a change made things better on balance.
    int balance() const { return get(Dim::Trust) - get(Dim::Anger); }
    bool anySet() const;
    /// This delta with every value multiplied by `factor` (rounded half away from zero).
    MoodDelta scaled(double factor) const;
    MoodDelta& operator+=(const MoodDelta& o);
};

/// Applies a delta, keeping every dimension within 0-100.
Mood apply(Mood m, const MoodDelta& delta);
/// The difference `after - before`.
MoodDelta diff(const Mood& before, const Mood& after);

/// The face the trainee sees, from anger.
enum class MoodBand { Calm, Irritated, Angry, Furious };
/// Where each face starts: the lowest anger of each band (calm below `irritated`).
struct MoodBands {
    int irritated = 30;
    int angry = 55;
    int furious = 80;
};
inline constexpr MoodBands kMoodBands{};
MoodBand bandOf(const Mood& m);
std::string_view bandName(MoodBand b);

}  // namespace defuse
