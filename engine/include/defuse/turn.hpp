#pragma once
/// One turn of a run, as it happened: the whole state of an attempt is a list of these.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "defuse/mood.hpp"

namespace defuse {

/// The seed mixer every shuffle and random player uses (SplitMix64): portable, unlike
/// std::shuffle, so a seed gives the same run on every machine.
inline std::uint64_t splitmix64(std::uint64_t x) {
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

/// Practice shows coaching and allows rewind; assessment does neither.
enum class Mode { Practice, Assessment };
std::string_view modeId(Mode m);

/// Where the mood sent the conversation instead of the answer's `next`.
enum class Redirect { None, Escalated, WalkedOut };

/// One turn as it happened.
struct Turn {
    std::string node;
    std::vector<std::string> shown;  ///< answer ids in the order shown
    std::string picked;
    double seconds = 0;
    Mood before;
    Mood after;
    std::string next;                    ///< where the conversation went (node or ending)
    Redirect redirect = Redirect::None;  ///< the threshold that sent it there, if any
    /// Seconds allowed for reading the customer's line and the answers on offer, in the
    /// attempt's language; derived when the turn is played, not recorded.
    double allowance = 0;
};

/// An answer taken back in practice: which turn it was, and what it was.
struct Rewound {
    int turn = 0;  ///< 1-based
    Turn taken;
};

/// A read-only run of consecutive turns (a prefix of a run, without copying it).
struct TurnSpan {
    const Turn* first = nullptr;
    std::size_t count = 0;

    TurnSpan() = default;
    TurnSpan(const Turn* f, std::size_t n) : first(f), count(n) {}
    TurnSpan(const std::vector<Turn>& turns, std::size_t n) : first(turns.data()), count(n) {}
    TurnSpan(const std::vector<Turn>& turns) : TurnSpan(turns, turns.size()) {}
    const Turn* begin() const { return first; }
    const Turn* end() const { return first + count; }
    std::size_t size() const { return count; }
    bool empty() const { return count == 0; }
    const Turn& operator[](std::size_t i) const { return first[i]; }
    const Turn& back() const { return first[count - 1]; }
};

}  // namespace defuse
